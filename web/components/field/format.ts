// Date-times as a field member reads them: "4月1日 16:00" / "Apr 1, 16:00", with the year only
// when it is not this year. In the phone's own time zone, which is where the work happens.

export function formatDateTime(iso: string, locale: string, nowMs: number, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const yearOf = (d: Date) => new Intl.DateTimeFormat('en', { year: 'numeric', timeZone }).format(d);
  const sameYear = yearOf(at) === yearOf(new Date(nowMs));
  return new Intl.DateTimeFormat(locale, {
    ...(sameYear ? {} : { year: 'numeric' }), month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone,
  }).format(at);
}

// Instants of the loop: deadlines are stored as ISO-8601 UTC text (the DB's format, so they compare
// as text), while rules count Asia/Shanghai calendar days (domain/zones/calendar.ts; UTC+8 with no
// daylight saving since 1991, so a fixed offset is exact).

const HOUR_MS = 3_600_000;
const ZONED_RE = /(Z|[+-]\d{2}:?\d{2})$/i;
const DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/;

/** Milliseconds of an ISO instant. A date-time without an offset is Shanghai wall time, as in
 * calendar.ts shanghaiDate — never the runtime's zone, which would make the answer machine-bound. */
export function instantMs(iso: string): number {
  const text = DATE_TIME_RE.test(iso) && !ZONED_RE.test(iso) ? `${iso.replace(' ', 'T')}+08:00` : iso;
  const ms = DATE_TIME_RE.test(text) ? Date.parse(text) : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError(`not an ISO instant: "${iso}"`);
  return ms;
}

/** The same instant as UTC ISO text ('…Z'). */
export function toUtcIso(iso: string): string {
  return new Date(instantMs(iso)).toISOString();
}

export function hoursAfter(iso: string, hours: number): string {
  return new Date(instantMs(iso) + hours * HOUR_MS).toISOString();
}

/** Hours from `from` to `to` (negative when `to` is earlier). */
export function hoursBetween(from: string, to: string): number {
  return (instantMs(to) - instantMs(from)) / HOUR_MS;
}

/** `hour` o'clock Shanghai time on a 'YYYY-MM-DD' Shanghai date, as UTC ISO text. */
export function shanghaiTime(date: string, hour: number): string {
  return new Date(instantMs(`${date}T00:00:00+08:00`) + hour * HOUR_MS).toISOString();
}

/** The later of two ISO instants (compared as instants, not as text). */
export function laterOf(a: string, b: string): string {
  return instantMs(a) >= instantMs(b) ? a : b;
}

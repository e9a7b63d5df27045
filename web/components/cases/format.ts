// Wording helpers of /cases, pure so they are tested without a browser: time windows and
// deadlines on the incident's clock (Asia/Shanghai, whatever the browser's zone), overdue hours.
import { shanghaiTime, shortDate } from '../plan/format.ts';

/** '6月10日 08:00–10:30' within one day, else '6月10日 22:00 – 6月11日 06:00'. */
export function timeWindow(startAt: string, endAt: string, locale: string): string {
  const [a, b] = [shanghaiTime(startAt), shanghaiTime(endAt)];
  if (!a || !b) return a || b;
  const [da, ta] = a.split(' ');
  const [db, tb] = b.split(' ');
  return da === db ? `${shortDate(da, locale)} ${ta}–${tb}` : `${shortDate(da, locale)} ${ta} – ${shortDate(db, locale)} ${tb}`;
}

/** A deadline or a done time, short: '6月10日 08:00'. */
export function shortTime(iso: string | null | undefined, locale: string): string {
  const s = shanghaiTime(iso);
  if (!s) return '';
  const [d, time] = s.split(' ');
  return `${shortDate(d, locale)} ${time}`;
}

/** Whole hours a deadline is past `nowMs` (0 when not yet due). */
export function overdueHours(dueAt: string | null, nowMs: number): number {
  if (!dueAt) return 0;
  const due = Date.parse(dueAt);
  return Number.isFinite(due) && nowMs > due ? Math.floor((nowMs - due) / 3_600_000) : 0;
}

/** 'YYYY-MM-DDTHH:mm' typed in a datetime-local field, read as Shanghai wall time → ISO UTC. */
export function shanghaiInputToIso(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(value);
  if (!m) return null;
  const ms = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]) - 8 * 3_600_000;
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

export { shanghaiTime, shortDate };

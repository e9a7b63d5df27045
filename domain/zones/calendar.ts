// Calendar days in Asia/Shanghai. Every zone clock counts whole local days (domain-rules.md §1.1
// "14 days without a new case", §1.2 "7 consecutive days", §1.3 "5 consecutive days"), and the day
// a case is reported is the day of the Shanghai wall clock, not of UTC: a case reported at
// 00:30 +08:00 (16:30Z the evening before) belongs to the next day. China has used UTC+8 with no
// daylight saving since 1991, so a fixed offset is exact for every date this app can see and we
// need no time-zone database (Intl would also work, but costs ~µs per call in the impact loops).
// Dates are 'YYYY-MM-DD' strings so they sort and compare as text, like the DB columns.

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ZONED_RE = /(Z|[+-]\d{2}:?\d{2})$/i;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' date; throws on anything else (a programmer error). */
function dayIndex(date: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a YYYY-MM-DD date: "${date}"`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const back = new Date(ms);
  if (back.getUTCMonth() !== Number(m[2]) - 1 || back.getUTCDate() !== Number(m[3])) {
    throw new RangeError(`no such calendar date: "${date}"`);
  }
  return ms / DAY_MS;
}

function fromDayIndex(index: number): string {
  const d = new Date(index * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** The Asia/Shanghai calendar date of an ISO-8601 instant ('…Z' or '…+08:00').
 * A bare 'YYYY-MM-DD' is already a Shanghai date and is returned as is; a date-time without an
 * offset is read as Shanghai wall time (never as the runtime's local zone, which would make the
 * answer depend on the machine). */
export function shanghaiDate(isoInstant: string): string {
  if (DATE_RE.test(isoInstant)) return fromDayIndex(dayIndex(isoInstant));
  if (!ZONED_RE.test(isoInstant)) {
    const day = isoInstant.slice(0, 10);
    if (isoInstant[10] !== 'T' && isoInstant[10] !== ' ') throw new RangeError(`not an ISO instant: "${isoInstant}"`);
    return fromDayIndex(dayIndex(day));
  }
  const ms = Date.parse(isoInstant);
  if (!Number.isFinite(ms)) throw new RangeError(`not an ISO instant: "${isoInstant}"`);
  return fromDayIndex(Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS));
}

/** `date` moved by `days` calendar days (negative moves back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`days must be an integer, got ${days}`);
  return fromDayIndex(dayIndex(date) + days);
}

/** Whole calendar days from `from` to `to` (to − from; negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayIndex(to) - dayIndex(from);
}

/** The last millisecond of a Shanghai day (23:59:59.999 +08:00) as a UTC ISO string, the format
 * the database stores, so `valid_from <= endOfShanghaiDay(d)` compares as text ("zones as they
 * stood at the end of that day", GET /zones?at=YYYY-MM-DD). */
export function endOfShanghaiDay(date: string): string {
  return new Date((dayIndex(date) + 1) * DAY_MS - SHANGHAI_OFFSET_MS - 1).toISOString();
}

/** The later of two dates (text order is date order for 'YYYY-MM-DD'). */
export function maxDate(a: string, b: string): string {
  return a >= b ? a : b;
}

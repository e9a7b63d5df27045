// The wall's calendar: Asia/Shanghai days (domain/zones/calendar.ts), inclusive ranges of them,
// and the instant a day starts, so intervals stored as UTC instants can be cut by day.
import { addDays, daysBetween } from '../zones/calendar.ts';

/** Longest range one call lists: a guard against a start date typed a century early. */
export const MAX_DAYS = 1000;

/** Every day from `from` to `to` inclusive; [] when `to` is earlier. */
export function dayRange(from: string, to: string): string[] {
  const span = daysBetween(from, to);
  if (span < 0) return [];
  if (span >= MAX_DAYS) throw new RangeError(`at most ${MAX_DAYS} days, got ${span + 1}`);
  return Array.from({ length: span + 1 }, (_, i) => addDays(from, i));
}

/** 00:00 of a Shanghai day as a UTC ISO instant (UTC+8, no daylight saving since 1991). */
export function dayStartIso(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

/** The 7 days ending with `today` (the wall's trend and hot-area window), oldest first. */
export function last7(today: string): string[] {
  return dayRange(addDays(today, -6), today);
}

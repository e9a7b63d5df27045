// Rooms freed per day (issue 5 item 4: "forecast the rooms freed by release dates for the next 7
// days"): one count per occupied room on the Asia/Shanghai date its occupant is due for release
// (the loop's `released` step; a carer leaves with the person they care for, so rooms, not people,
// are counted). A release already overdue on `from` frees its room as soon as it is done, so it
// is counted on `from` rather than dropped; releases after the window are not counted.
import { addDays } from '../zones/calendar.ts';

export interface ReleasingOccupant { roomId: number; siteId: number; releaseOn: string /* YYYY-MM-DD */ }
export interface ForecastDay { date: string; bySite: Record<number, number>; total: number }

/** `days` days from `from` (a YYYY-MM-DD Shanghai date), each with the rooms freed per site.
 * Every site of `occupants` and of `siteIds` appears on every day (0 when none), so a chart's
 * series line up. */
export function releaseForecast(occupants: ReleasingOccupant[], from: string, days: number, siteIds: number[] = []): ForecastDay[] {
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`days must be a positive integer, got ${days}`);
  const dates = Array.from({ length: days }, (_, i) => addDays(from, i));
  const sites = [...new Set([...siteIds, ...occupants.map((o) => o.siteId)])].sort((a, b) => a - b);
  const out = dates.map((date) => ({ date, bySite: Object.fromEntries(sites.map((id) => [id, 0])) as Record<number, number>, total: 0 }));
  const last = dates[dates.length - 1];
  const seen = new Set<number>();
  for (const o of occupants) {
    if (seen.has(o.roomId)) continue; // one room frees once
    seen.add(o.roomId);
    addDays(o.releaseOn, 0); // throws on a malformed date: a programmer error, not a zero
    if (o.releaseOn > last) continue;
    const day = out[o.releaseOn <= from ? 0 : dates.indexOf(o.releaseOn)];
    day.bySite[o.siteId] += 1;
    day.total += 1;
  }
  return out;
}

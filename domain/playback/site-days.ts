// Central quarantine drawn per site, not per person: everyone at a site shares its point, so the
// map shows one circle per site and day with the number there that day. One feature per (site,
// day) with both modes' counts lets the map pick the day with a filter instead of new data per
// tick. Cost O(n + sites × days) through the same sweep as the bar's figures.
import type { IndexedPlayback } from './day-index.ts';
import { sweep } from './daily-counts.ts';

export interface SiteDay {
  point: [number, number];
  day: number;
  /** In quarantine there at the end of the day. */
  state: number;
  /** Ever quarantined there by the end of the day. */
  cumulative: number;
}

/** Per site point and day on which anyone had been there (days with nobody yet are left out). */
export function siteDays(data: IndexedPlayback): SiteDay[] {
  const bySite = new Map<string, { point: [number, number]; spans: [number, number][] }>();
  for (const q of data.quarantine) {
    if (!q.central) continue;
    const key = `${q.point[0]},${q.point[1]}`;
    const site = bySite.get(key) ?? { point: q.point, spans: [] };
    site.spans.push([q.fromDay, q.toDay]);
    bySite.set(key, site);
  }
  const out: SiteDay[] = [];
  for (const { point, spans } of bySite.values()) {
    const { state, cumulative } = sweep(data.days.length, spans);
    for (let day = 0; day < data.days.length; day += 1) {
      if (cumulative[day] > 0) out.push({ point, day, state: state[day], cumulative: cumulative[day] });
    }
  }
  return out;
}

// What the map and the alerts need to know about each ST-DBSCAN cluster (OutbreakCluster in
// domain/analysis/types.ts): who is in it, where (centroid and a buffered hull), when (first and
// last day) and whether it is growing (members in the last 7 days against the 7 before).
import type { OutbreakCluster } from '../analysis/types.ts';
import { addDays } from '../zones/calendar.ts';
import { bufferedHull } from './buffered-hull.ts';

/** Parameters of the daily ST-DBSCAN over cases (Birant & Kut 2007), as agreed for issue 7: a
 *  neighbour lies within 500 m and 7 days; 3 cases (the case itself included) make a core; cases
 *  of the last 28 days up to the analysis day take part. */
export const ST_DBSCAN_DEFAULTS = Object.freeze({ epsMeters: 500, windowDays: 7, minPoints: 3, lookbackDays: 28 });

/** How far the hull is grown around the members, metres (one or two members still give an area). */
export const HULL_BUFFER_METERS = 50;

export interface ClusterPoint { id: number; lng: number; lat: number; day: string }

/**
 * Clusters from dbscan/stDbscan labels (-1 = noise, skipped), sorted by member count descending
 * (ties: discovery order) and numbered 1..k. `today` is the analysis day (YYYY-MM-DD): growth
 * counts members on today−6 … today (last7) and today−13 … today−7 (prev7).
 */
export function summarizeClusters(points: ClusterPoint[], labels: Int32Array, today: string): OutbreakCluster[] {
  if (labels.length !== points.length) throw new RangeError(`${labels.length} labels for ${points.length} points`);
  const groups: ClusterPoint[][] = [];
  for (let i = 0; i < points.length; i++) {
    const label = labels[i];
    if (label < 0) continue;
    (groups[label] ??= []).push(points[i]);
  }
  const last7From = addDays(today, -6), prev7From = addDays(today, -13);
  const present = groups.filter((g): g is ClusterPoint[] => g !== undefined);
  // A stable sort keeps discovery order among equal counts.
  return present.sort((a, b) => b.length - a.length).map((members, k): OutbreakCluster => {
    let firstDay = members[0].day, lastDay = members[0].day, last7 = 0, prev7 = 0, sumLng = 0, sumLat = 0;
    for (const m of members) {
      if (m.day < firstDay) firstDay = m.day;
      if (m.day > lastDay) lastDay = m.day;
      if (m.day >= last7From && m.day <= today) last7++;
      else if (m.day >= prev7From && m.day < last7From) prev7++;
      sumLng += m.lng; sumLat += m.lat;
    }
    return {
      id: k + 1,
      count: members.length,
      memberIds: members.map((m) => m.id).sort((a, b) => a - b),
      firstDay,
      lastDay,
      growth: { last7, prev7 },
      centroid: [round6(sumLng / members.length), round6(sumLat / members.length)],
      hull: bufferedHull(members.map((m): [number, number] => [m.lng, m.lat]), HULL_BUFFER_METERS),
    };
  });
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

// An AnalysisLatest as GET /analysis/latest answers it, small and hand-made: two ST-DBSCAN
// clusters (one growing), three scan clusters (new, ongoing, and one below the map's recurrence
// threshold), and grid cells of every Gi* class.
import type { Polygon } from 'geojson';
import type { AnalysisLatest, HotSpotClass, HotSpotCell } from '../../domain/analysis/types.ts';

export const square = (x: number, y: number, size = 0.005): Polygon =>
  ({ type: 'Polygon', coordinates: [[[x, y], [x + size, y], [x + size, y + size], [x, y + size], [x, y]]] });

/** A 16-sided ring of `radius` degrees around [x, y]: the scan's circle, as the server draws it. */
export function ring(x: number, y: number, radius: number): Polygon {
  const pts = Array.from({ length: 16 }, (_, i) => {
    const a = (i / 16) * 2 * Math.PI;
    return [x + radius * Math.cos(a), y + radius * Math.sin(a)];
  });
  return { type: 'Polygon', coordinates: [[...pts, pts[0]]] };
}

const CLASSES: HotSpotClass[] = ['hot99', 'hot95', 'hot90', 'none', 'cold90', 'cold95', 'cold99', 'none'];
const cell = (i: number, cls: HotSpotClass): HotSpotCell => ({ gridId: 100 + i, count: cls.startsWith('hot') ? 12 - i : 0,
  z: cls.startsWith('hot') ? 3.4 - i * 0.6 : cls === 'none' ? 0.2 : -1.7 - i * 0.1, p: 0.0004 * (i + 1), class: cls,
  geometry: square(114.2 + i * 0.005, 36.42) });

export function analysisLatest(over: Partial<AnalysisLatest> = {}): AnalysisLatest {
  const run = { day: '2022-05-30', ranAt: '2022-05-30T15:00:00.000Z' };
  return {
    incidentId: 1,
    day: '2022-05-30',
    stDbscan: { ...run, params: { epsMeters: 500, windowDays: 7, minPoints: 3, lookbackDays: 28 }, clusters: [
      { id: 1, count: 14, memberIds: [11, 12, 13], firstDay: '2022-05-27', lastDay: '2022-05-30', growth: { last7: 14, prev7: 0 },
        centroid: [114.205, 36.425], hull: square(114.2, 36.42, 0.01) },
      { id: 2, count: 3, memberIds: [21, 22, 23], firstDay: '2022-05-20', lastDay: '2022-05-24', growth: { last7: 1, prev7: 2 },
        centroid: [114.305, 36.525], hull: square(114.3, 36.52, 0.01) },
    ] },
    scan: { ...run, params: { replications: 999, maxWindowDays: 30 }, clusters: [
      { rank: 1, locationIds: [7, 8], centre: [114.205, 36.425], radiusMeters: 1234.4, startDay: '2022-05-27', endDay: '2022-05-30',
        observed: 14, expected: 2.345, relativeRisk: 6.54, llr: 18.2, pValue: 0.001, recurrenceDays: 1000, status: 'new',
        circle: ring(114.205, 36.425, 0.012), memberIds: [11, 12] },
      { rank: 2, locationIds: [9], centre: [114.4, 36.5], radiusMeters: 0, startDay: '2022-05-29', endDay: '2022-05-30',
        observed: 4, expected: 0.8, relativeRisk: 5, llr: 5.1, pValue: 0.006, recurrenceDays: 166.7, status: 'ongoing',
        circle: ring(114.4, 36.5, 0.004), memberIds: [31] },
      { rank: 3, locationIds: [10], centre: [114.1, 36.3], radiusMeters: 800, startDay: '2022-05-30', endDay: '2022-05-30',
        observed: 2, expected: 0.9, relativeRisk: 2.2, llr: 1.1, pValue: 0.4, recurrenceDays: 2.5, status: 'new',
        circle: ring(114.1, 36.3, 0.008), memberIds: [41] },
    ] },
    hotspots: { ...run, params: { bandMeters: 1500, lookbackDays: 14 }, cells: CLASSES.map((c, i) => cell(i, c)) },
    ears: { ...run, params: {}, signals: [] },
    ...over,
  };
}

export const EMPTY_LATEST: AnalysisLatest = { incidentId: 1, day: null, stDbscan: null, scan: null, hotspots: null, ears: null };

// GeoJSON for the analysis layers (issue 7 item 5), from GET /analysis/latest: the Gi* hot-spot
// cells, the ST-DBSCAN cluster hulls and the space-time scan circles. Pure and locale-free: the
// features carry ids and figures only (never member ids: the wall draws the same features), the
// label text is put together by the layer specs (analysis-styles.ts) from i18n templates.
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';
import type { AnalysisLatest, HotSpotCell, OutbreakCluster, ScanClusterOut } from '../../domain/analysis/types.ts';

/**
 * Scan clusters drawn only from this recurrence interval up, the threshold New York City's daily
 * SaTScan surveillance signals at (Greene et al. 2016, Emerg Infect Dis 22(10):1808–1812) and
 * the one the `scan_cluster` alert is raised at, so the map and the alerts agree. A weaker
 * "most likely cluster" is expected by chance every few days and would mislead on a map.
 */
export const SCAN_MIN_RECURRENCE_DAYS = 100;
/** The label says "RI ≥ N days" with the alert rule's steps (≥ 365: orange, ≥ 100: yellow). */
export const RECURRENCE_STEPS_DAYS = [365, 100] as const;

export interface AnalysisCollections {
  hotspots: FeatureCollection<Polygon>;
  stClusters: FeatureCollection<Polygon | Point>;
  scan: FeatureCollection<Polygon | Point>;
}

const EMPTY = <G extends Polygon | Point>(): FeatureCollection<G> => ({ type: 'FeatureCollection', features: [] });
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;

/** The step of RECURRENCE_STEPS_DAYS a recurrence interval reaches, or its own whole days below them. */
export const recurrenceAtLeast = (days: number): number =>
  RECURRENCE_STEPS_DAYS.find((step) => days >= step) ?? Math.floor(days);

function cellFeature(c: HotSpotCell): Feature<Polygon> {
  return { type: 'Feature', id: c.gridId, geometry: c.geometry, properties: {
    kind: 'hotspot', gridId: c.gridId, count: c.count, z: round(c.z, 2), p: c.p, class: c.class, hot: c.class.startsWith('hot') } };
}

function stProperties(c: OutbreakCluster): Record<string, unknown> {
  return { kind: 'stCluster', clusterId: c.id, count: c.count, firstDay: c.firstDay, lastDay: c.lastDay,
    last7: c.growth.last7, prev7: c.growth.prev7, growing: c.growth.last7 > c.growth.prev7 };
}

function scanProperties(c: ScanClusterOut): Record<string, unknown> {
  return { kind: 'scan', rank: c.rank, status: c.status, observed: c.observed, expected: round(c.expected, 1),
    relativeRisk: round(c.relativeRisk, 1), pValue: c.pValue, recurrenceDays: Math.round(c.recurrenceDays),
    riAtLeast: recurrenceAtLeast(c.recurrenceDays), startDay: c.startDay, endDay: c.endDay,
    villages: c.locationIds.length, radiusMeters: Math.round(c.radiusMeters) };
}

/** The northernmost vertex of a ring: the scan label sits on top of its circle, clear of the cases inside. */
export function northernmost(polygon: Polygon): Position | null {
  let top: Position | null = null;
  for (const p of polygon.coordinates[0] ?? []) if (!top || p[1] > top[1]) top = p;
  return top;
}

const labelPoint = (coordinates: Position, properties: Record<string, unknown>): Feature<Point> =>
  ({ type: 'Feature', geometry: { type: 'Point', coordinates }, properties: { ...properties, label: true } });

/** The three collections; empty ones while there is no run (or no answer) yet. */
export function analysisFeatures(latest: AnalysisLatest | null): AnalysisCollections {
  const hotspots = EMPTY<Polygon>();
  // Strongest last, so a hot 99 % cell's outline is not covered by a weaker neighbour's.
  const strength = (c: HotSpotCell) => ['none', 'cold90', 'hot90', 'cold95', 'hot95', 'cold99', 'hot99'].indexOf(c.class);
  hotspots.features = (latest?.hotspots?.cells ?? []).filter((c) => c.class !== 'none')
    .sort((a, b) => strength(a) - strength(b)).map(cellFeature);

  const stClusters = EMPTY<Polygon | Point>();
  for (const c of latest?.stDbscan?.clusters ?? []) {
    const properties = stProperties(c);
    stClusters.features.push({ type: 'Feature', id: c.id, geometry: c.hull, properties });
    stClusters.features.push(labelPoint(c.centroid, properties));
  }

  const scan = EMPTY<Polygon | Point>();
  // Most likely cluster last: drawn on top where secondary circles touch it.
  const shown = (latest?.scan?.clusters ?? []).filter((c) => c.recurrenceDays >= SCAN_MIN_RECURRENCE_DAYS)
    .sort((a, b) => b.rank - a.rank);
  for (const c of shown) {
    const properties = scanProperties(c);
    scan.features.push({ type: 'Feature', id: c.rank, geometry: c.circle, properties });
    const top = northernmost(c.circle);
    if (top) scan.features.push(labelPoint(top, properties));
  }
  return { hotspots, stClusters, scan };
}

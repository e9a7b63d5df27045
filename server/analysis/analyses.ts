// The three quick analyses of a day, from rows already read: ST-DBSCAN over the cases of the last
// 28 days (Birant & Kut 2007, domain/clusters), Gi* hot spots over the grids' case counts of the
// last 14 days (Getis & Ord 1992, domain/hotspots) and the EARS C1–C3 detectors on every
// village's and township's syndromic series (Hutwagner et al. 2003, domain/syndromic). The scan is scan-run.ts.
import type { EarsSignal, HotSpotCell, OutbreakCluster, SyndromicKind } from '../../domain/analysis/types.ts';
import { stDbscan } from '../../domain/clusters/dbscan.ts';
import { ST_DBSCAN_DEFAULTS, summarizeClusters } from '../../domain/clusters/summary.ts';
import { classifyHotSpots, giStar, HOTSPOT_DEFAULTS } from '../../domain/hotspots/gi-star.ts';
import { ears, EARS_THRESHOLDS } from '../../domain/syndromic/ears.ts';
import { addDays, daysBetween } from '../../domain/zones/calendar.ts';
import { assign, type Grids } from './areas.ts';
import type { CasePoint, SyndromicRow } from './inputs.ts';

type Params = Record<string, number>;

/** ST-DBSCAN clusters of the cases whose day lies in the 28 days ending `day`. */
export function stDbscanDay(cases: readonly CasePoint[], day: string): { params: Params; clusters: OutbreakCluster[] } {
  const { lookbackDays, ...p } = ST_DBSCAN_DEFAULTS;
  const from = addDays(day, -(lookbackDays - 1));
  const pts = cases.filter((c) => c.day >= from && c.day <= day);
  const params = { ...ST_DBSCAN_DEFAULTS, cases: pts.length };
  if (!pts.length) return { params, clusters: [] };
  const labels = stDbscan(pts.map((c) => c.lng), pts.map((c) => c.lat), pts.map((c) => daysBetween(from, c.day)), p);
  return { params, clusters: summarizeClusters(pts, labels, day) };
}

/** Gi* of each grid's cases in the 14 days ending `day`; only the significant cells are kept
 * (class 'none' is not drawn). No case in the window: nothing to test. */
export function hotspotsDay(cases: readonly CasePoint[], g: Grids, day: string): { params: Params; cells: HotSpotCell[] } {
  const from = addDays(day, -(HOTSPOT_DEFAULTS.lookbackDays - 1));
  const pts = cases.filter((c) => c.day >= from && c.day <= day);
  const at = assign(g.cells, pts);
  const counts = new Float64Array(g.cells.length);
  for (const i of at) if (i >= 0) counts[i]++;
  const counted = at.reduce((n, i) => n + (i >= 0 ? 1 : 0), 0);
  const params = { bandMeters: g.bandMeters, lookbackDays: HOTSPOT_DEFAULTS.lookbackDays, grids: g.cells.length, cases: counted };
  if (!counted || g.cells.length < 2) return { params, cells: [] };
  const { z, p } = giStar(counts, g.neighbours);
  const classes = classifyHotSpots(z, p);
  const cells = g.cells.flatMap((c, i): HotSpotCell[] => classes[i] === 'none' ? []
    : [{ gridId: c.id, count: counts[i], z: z[i], p: p[i], class: classes[i], geometry: c.geometry }]);
  return { params, cells };
}

/** Days of each series EARS reads: C3 needs the 7-day baseline 2 days back plus 2 earlier days of C2. */
export const EARS_SERIES_DAYS = 28;

export interface EarsUnits { names: ReadonlyMap<number, string>; townshipOf: ReadonlyMap<number, number | null> }

/** Village-days, and township-days (the sum of the township's villages), flagged by a detector on
 * `day`. The township sums are where a rise spread over many small villages shows: the demo's
 * 大社镇 fever-drug sales flag with all three detectors 11 days before its first case, while each
 * of its villages sells 0–8 a day and flags no more often than noise (≈ 1 % of village-days flag
 * before the rise). A unit with no count on `day` (not reported yet) is not judged; a day missing
 * inside its series counts 0. */
export function earsDay(rows: readonly SyndromicRow[], units: EarsUnits, day: string): { params: Params; signals: EarsSignal[] } {
  const from = addDays(day, -(EARS_SERIES_DAYS - 1));
  const slot = new Map(Array.from({ length: EARS_SERIES_DAYS }, (_, i) => [addDays(from, i), i])); // 12k rows a day: no date parsing per row
  const series = new Map<string, { adminUnitId: number; kind: SyndromicKind; counts: Float64Array; reported: boolean }>();
  const add = (adminUnitId: number, r: SyndromicRow, i: number) => {
    const key = `${r.kind}:${adminUnitId}`;
    let s = series.get(key);
    if (!s) series.set(key, s = { adminUnitId, kind: r.kind, counts: new Float64Array(EARS_SERIES_DAYS), reported: false });
    s.counts[i] += r.count;
    if (i === EARS_SERIES_DAYS - 1) s.reported = true;
  };
  for (const r of rows) {
    const i = slot.get(r.date);
    if (i === undefined) continue;
    add(r.adminUnitId, r, i);
    const township = units.townshipOf.get(r.adminUnitId);
    if (township != null) add(township, r, i);
  }
  const signals: EarsSignal[] = [];
  for (const s of series.values()) {
    if (!s.reported) continue;
    const last = ears(s.counts).at(-1)!;
    if (!last.methods.length) continue;
    signals.push({ adminUnitId: s.adminUnitId, name: units.names.get(s.adminUnitId) ?? String(s.adminUnitId), kind: s.kind, date: day,
      count: s.counts[EARS_SERIES_DAYS - 1], c1: last.c1, c2: last.c2, c3: last.c3, methods: last.methods });
  }
  signals.sort((a, b) => b.methods.length - a.methods.length || a.adminUnitId - b.adminUnitId || a.kind.localeCompare(b.kind));
  return { params: { seriesDays: EARS_SERIES_DAYS, series: series.size, ...EARS_THRESHOLDS }, signals };
}

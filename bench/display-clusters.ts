// Display clustering (issue 7 items 1 and 7): the index the command map's worker builds
// (domain/display-clusters/cluster-index.ts: supercluster with a per-category count map/reduce,
// from the columns of GET /points/cases) built in Node for 100,000 and 1,000,000 points, and
// getClusters for a 1920×1080 viewport at zoom 11 (the district) and 14 (a township), beside
// plain supercluster 9.1.0 — GeoJSON features in, no map/reduce, no expansion zoom — in the same
// run. Points: bench/dissolve.ts's Fengfeng set (a 20 km square, 80 % in 30 clusters), with the
// city-scale category shares (geodata/scenario/city.ts: 60 % confirmed, 35 % asymptomatic, 5 %
// suspected). Medians of 3 interleaved builds; queries: 40 pans per zoom and build (the first
// view at a zoom computes every cluster's expansion zoom; later pans reuse most, as on the map).
// Targets: 1,000,000-point build ≤ 3 s, getClusters ≤ 10 ms.
import Supercluster from 'supercluster';
import { mulberry32 } from '../geodata/prng.ts';
import { buildCaseIndex, CLUSTER_OPTIONS, type CaseClusterIndex, type PointColumns } from '../domain/display-clusters/cluster-index.ts';
import { fengfengPoints } from './dissolve.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';

const RUNS = 3;
const SIZES = [100_000, 1_000_000];
const PANS = 40;
const VIEW_PX = [1920, 1080] as const;
const CATEGORIES = ['confirmed', 'asymptomatic', 'suspected'];
/** The district seat (bench/dissolve.ts SEAT), where the clusters are densest. */
const SEAT: [number, number] = [114.2039, 36.4204];

function columns(n: number): PointColumns {
  const xy = fengfengPoints(n), rnd = mulberry32(20220527);
  const cols = { ids: new Int32Array(n), lng: new Float64Array(n), lat: new Float64Array(n), category: new Uint8Array(n), categories: CATEGORIES };
  xy.forEach(([x, y], i) => {
    cols.ids[i] = 10_000 + i;
    cols.lng[i] = Math.round(x * 1e6) / 1e6; // as the API sends them
    cols.lat[i] = Math.round(y * 1e6) / 1e6;
    const r = rnd();
    cols.category[i] = r < 0.6 ? 0 : r < 0.95 ? 1 : 2;
  });
  return cols;
}

/** A 1920×1080 px Web-Mercator viewport (512 px tiles, MapLibre's zoom) centred `dx` screens east of the seat. */
function viewport(zoom: number, dx: number): [number, number, number, number] {
  const degPerPx = 360 / (512 * 2 ** zoom);
  const y = Math.log(Math.tan(Math.PI / 4 + (SEAT[1] * Math.PI) / 360));
  const lat = (py: number) => (360 / Math.PI) * Math.atan(Math.exp(y + (py * degPerPx * Math.PI) / 180)) - 90;
  const cx = SEAT[0] + dx * VIEW_PX[0] * degPerPx;
  return [cx - (VIEW_PX[0] / 2) * degPerPx, lat(-VIEW_PX[1] / 2), cx + (VIEW_PX[0] / 2) * degPerPx, lat(VIEW_PX[1] / 2)];
}

/** The usual way: one GeoJSON feature per point, then load; the two steps timed apart. */
function plainBuild(c: PointColumns): { index: Supercluster; featuresMs: number; loadMs: number } {
  const t0 = performance.now();
  const features = Array.from(c.ids, (_, i) => ({ type: 'Feature' as const, properties: { id: c.ids[i], category: c.category[i] },
    geometry: { type: 'Point' as const, coordinates: [c.lng[i], c.lat[i]] } }));
  const t1 = performance.now();
  const index = new Supercluster({ ...CLUSTER_OPTIONS }).load(features);
  return { index, featuresMs: t1 - t0, loadMs: performance.now() - t1 };
}

function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

/** Pans across the district at one zoom: per-query times and the features the last one returned. */
function pans(query: (b: [number, number, number, number], z: number) => unknown[], zoom: number): { samples: number[]; features: number } {
  const samples: number[] = [];
  let features = 0;
  for (let k = 0; k < PANS; k++) {
    const r = timed(() => query(viewport(zoom, (k / PANS - 0.5) * (zoom >= 14 ? 2 : 0.3)), zoom));
    samples.push(r.ms);
    features = r.value.length;
  }
  return { samples, features };
}

export async function benchDisplayClusters(): Promise<Row[]> {
  const sets = new Map(SIZES.map((n) => [n, columns(n)]));
  const builds = new Map<string, number[]>();
  const queries = new Map<string, number[]>();
  const features = new Map<string, number>();
  const add = (m: Map<string, number[]>, key: string, v: number[]) => m.set(key, [...(m.get(key) ?? []), ...v]);
  buildCaseIndex(sets.get(SIZES[0])!); // warm-up (JIT), untimed
  plainBuild(sets.get(SIZES[0])!);
  for (let run = 0; run < RUNS; run++) {
    for (const n of SIZES) {
      const cols = sets.get(n)!;
      const ours = timed(() => buildCaseIndex(cols));
      add(builds, `ours ${n}`, [ours.ms]);
      const oursIndex: CaseClusterIndex = ours.value;
      for (const z of [11, 14]) {
        const p = pans((b, zoom) => oursIndex.getClusters(b, zoom), z);
        add(queries, `ours ${n} z${z}`, p.samples);
        add(queries, `ours first ${n} z${z}`, p.samples.slice(0, 1));
        features.set(`${n} z${z}`, p.features);
      }
      const plain = timed(() => plainBuild(cols));
      add(builds, `plain ${n}`, [plain.ms]);
      add(builds, `plain load ${n}`, [plain.value.loadMs]);
      for (const z of [11, 14]) add(queries, `plain ${n} z${z}`, pans((b, zoom) => plain.value.index.getClusters(b, zoom), z).samples);
    }
  }
  const rows: Row[] = [];
  const peer = 'supercluster 9.1.0 plain (GeoJSON in, no reduce)';
  for (const n of SIZES) {
    const o = summarise(builds.get(`ours ${n}`)!).p50, p = summarise(builds.get(`plain ${n}`)!).p50;
    const load = summarise(builds.get(`plain load ${n}`)!).p50;
    rows.push({ figure: `display clusters: index of ${n.toLocaleString()} points with category counts (median of ${RUNS})`, ours: ms(o),
      target: n >= 1_000_000 ? '≤ 3 s' : '', peer, peerValue: `${ms(p)} (features + load; load alone ${ms(load)})`, ratio: ratio(o, p) });
    for (const z of [11, 14]) {
      const qo = summarise(queries.get(`ours ${n} z${z}`)!), qp = summarise(queries.get(`plain ${n} z${z}`)!);
      const first = summarise(queries.get(`ours first ${n} z${z}`)!).p50;
      rows.push({ figure: `  getClusters 1920×1080 at zoom ${z}, ${n.toLocaleString()} points (${features.get(`${n} z${z}`)} features)`,
        ours: `p50 ${ms(qo.p50)}, p95 ${ms(qo.p95)}, first view ${ms(first)}`, target: '≤ 10 ms', peer: 'plain getClusters (no expansion zoom, no counts)',
        peerValue: `p50 ${ms(qp.p50)}, p95 ${ms(qp.p95)}`, ratio: ratio(qo.p50, qp.p50) });
    }
  }
  return rows;
}

// `npx tsx bench/display-clusters.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchDisplayClusters());
}

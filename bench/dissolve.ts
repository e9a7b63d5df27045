// Buffer 200 m + dissolve (issue 4 item 7): our same-radius disk union (domain/geometry/
// disk-union.ts) beside GEOS — shapely's unary_union([Point.buffer(200, 8)]) — and PostGIS's
// ST_Union(ST_Buffer(geom, 200, 'quad_segs=8')), on the same projected points: a 20 km square at
// Fengfeng, 80 % in 30 clusters, fixed seed. 10,000 and 100,000 points; medians of interleaved
// runs (ours, GEOS, PostGIS, next size, …); target: at or below GEOS's time.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unionDisks } from '../domain/geometry/disk-union.ts';
import { localProjectionFor, projectPoints } from '../domain/geometry/local-projection.ts';
import { mulberry32 } from '../geodata/prng.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';
import { openPostgis, shapelyPython, shapelyRun, type PeerResult, type Postgis } from './peers/dissolve-peers.ts';

const RUNS = 3;
const SIZES = [10_000, 100_000];
const RADIUS_M = 200;
/** The district seat, 114.2039 E 36.4204 N (geodata/design.ts). */
const SEAT: [number, number] = [114.2039, 36.4204];

/** n [lng, lat] points in a 20 km square around the seat: 80 % in 30 Gaussian clusters (σ 200–800 m), the rest uniform. */
export function fengfengPoints(n: number, seed = 20220607): [number, number][] {
  const rnd = mulberry32(seed);
  const halfDeg: [number, number] = [10_000 / (111_320 * Math.cos((SEAT[1] * Math.PI) / 180)), 10_000 / 110_950];
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const clusters = Array.from({ length: 30 }, () => ({ u: rnd() * 2 - 1, v: rnd() * 2 - 1, sigmaM: 200 + 600 * rnd() }));
  return Array.from({ length: n }, (_, i): [number, number] => {
    if (i >= 0.8 * n) return [SEAT[0] + (rnd() * 2 - 1) * halfDeg[0], SEAT[1] + (rnd() * 2 - 1) * halfDeg[1]];
    const c = clusters[i % clusters.length];
    return [SEAT[0] + c.u * halfDeg[0] + (gauss() * c.sigmaM) / 10_000 * halfDeg[0], SEAT[1] + c.v * halfDeg[1] + (gauss() * c.sigmaM) / 10_000 * halfDeg[1]];
  });
}

function oursRun(xy: Float64Array): PeerResult {
  const t0 = performance.now();
  const u = unionDisks(xy, RADIUS_M, 8);
  return { ms: performance.now() - t0, areaSquareMeters: u.areaSquareMeters, polygons: u.polygons.length };
}

const km2 = (m2: number) => `${(m2 / 1e6).toFixed(3)} km²`;
const pct = (a: number, b: number) => `${a >= b ? '+' : ''}${((100 * (a - b)) / b).toFixed(3)} %`;
const median = (rs: PeerResult[]) => summarise(rs.map((r) => r.ms)).p50;

export async function benchDissolve(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-dissolve-'));
  const sets = new Map<number, Float64Array>();
  const files = new Map<number, string>();
  for (const n of SIZES) {
    const lngLat = fengfengPoints(n);
    sets.set(n, projectPoints(lngLat, localProjectionFor(lngLat)));
    files.set(n, join(dir, `points-${n}.f64`));
    writeFileSync(files.get(n)!, new Uint8Array(sets.get(n)!.buffer));
  }
  const python = shapelyPython();
  let postgis: Postgis | null = null;
  let postgisError = '';
  try { postgis = await openPostgis(sets); } catch (e) { postgisError = (e as Error).message.split('\n')[0]; }
  let geosVersion = 'GEOS (shapely)';
  const results = new Map<string, PeerResult[]>();
  const add = (key: string, r: PeerResult) => results.set(key, [...(results.get(key) ?? []), r]);
  try {
    // One untimed warm-up each at the small size (JIT, PostgreSQL caches), then interleaved runs.
    oursRun(sets.get(SIZES[0])!);
    if (postgis) await postgis.run(SIZES[0], RADIUS_M);
    for (let run = 0; run < RUNS; run++) {
      for (const n of SIZES) {
        add(`ours ${n}`, oursRun(sets.get(n)!));
        if (python) { const r = shapelyRun(python, files.get(n)!, RADIUS_M); geosVersion = r.version; add(`geos ${n}`, r); }
        if (postgis) add(`postgis ${n}`, await postgis.run(n, RADIUS_M));
      }
    }
  } finally {
    await postgis?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const rows: Row[] = [];
  for (const n of SIZES) {
    const ours = results.get(`ours ${n}`)!;
    const oursMs = median(ours), oursArea = ours[0].areaSquareMeters;
    const geos = results.get(`geos ${n}`), pgis = results.get(`postgis ${n}`);
    const peerCell = (rs: PeerResult[] | undefined, missing: string) => rs
      ? { peerValue: `${ms(median(rs))}, ${km2(rs[0].areaSquareMeters)}, ${rs[0].polygons} polygons (ours ${pct(oursArea, rs[0].areaSquareMeters)})`, ratio: ratio(oursMs, median(rs)) }
      : { peerValue: missing, ratio: '' };
    rows.push({ figure: `buffer ${RADIUS_M} m + dissolve, ${n.toLocaleString()} points (median of ${RUNS})`,
      ours: `${ms(oursMs)}, ${km2(oursArea)}, ${ours[0].polygons} polygons`, target: geos ? `≤ GEOS (${ms(median(geos))})` : '≤ GEOS',
      peer: `${geosVersion} unary_union(buffer(${RADIUS_M}, 8))`, ...peerCell(geos, 'python3-shapely unavailable') });
    rows.push({ figure: '', ours: '', target: '', peer: `${postgis?.version ?? 'PostGIS'} ST_Union(ST_Buffer(geom, ${RADIUS_M}, 'quad_segs=8'))`,
      ...peerCell(pgis, `unavailable: ${postgisError}`) });
  }
  return rows;
}

// `npx tsx bench/dissolve.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchDissolve());
}

// DBSCAN, eps 200 m, minPts 3 (issue 7 item 7): our grid DBSCAN (domain/clusters/dbscan.ts,
// great-circle metres) beside PostGIS ST_ClusterDBSCAN (the target: at most half its time),
// scikit-learn (haversine ball_tree on the sphere, like ours; kd_tree on projected metres), a
// plain kdbush DBSCAN and Turf's clustersDbscan (10,000 only). Same points for every tool: a 20 km
// square at Fengfeng, 80 % in 30 clusters (bench/dissolve.ts fengfengPoints, stack.md).
// Like with like: ours, sklearn-haversine and Turf measure on the sphere (R = 6,371,008.8 m);
// PostGIS, sklearn kd_tree and kdbush get the same planar xy of the local projection
// (domain/geometry/local-projection.ts, WGS-84 radii at the square's centre). Sphere and
// ellipsoid-based metres differ by ~0.2 % north–south, so those differ by a few clusters at the
// eps boundary; sklearn-haversine must give our labels point for point, and the bench says so.
// 10,000 and 100,000 points; medians of 3 interleaved runs after warm-ups.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dbscan } from '../domain/clusters/dbscan.ts';
import { localProjectionFor, projectPoints } from '../domain/geometry/local-projection.ts';
import { fengfengPoints } from './dissolve.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';
import { kdbushDbscan, turfDbscan } from './peers/dbscan-js.ts';
import { openPostgisDbscan, sklearnPython, sklearnRun, type ClusterRun, type PostgisDbscan } from './peers/dbscan-peers.ts';

const RUNS = 3;
const SIZES = [10_000, 100_000];
const TURF_MAX = 10_000; // Turf took 116 s at 100,000 (stack.md): not rerun
const EPS_M = 200;
const MIN_POINTS = 3;

interface PointSet { lngLat: [number, number][]; lng: Float64Array; lat: Float64Array; xy: Float64Array; files: { lngLat: string; xy: string; labels: string } }

function oursRun(s: PointSet): ClusterRun & { labels: Int32Array } {
  const t0 = performance.now();
  const labels = dbscan(s.lng, s.lat, { epsMeters: EPS_M, minPoints: MIN_POINTS });
  const t = performance.now() - t0;
  let clusters = 0, noise = 0;
  for (const l of labels) { if (l < 0) noise++; else if (l + 1 > clusters) clusters = l + 1; }
  return { ms: t, clusters, noise, labels };
}

const median = (rs: ClusterRun[]) => summarise(rs.map((r) => r.ms)).p50;
const counts = (r: ClusterRun) => `${r.clusters} clusters, ${r.noise} noise`;

export async function benchDbscan(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-dbscan-'));
  const sets = new Map<number, PointSet>();
  for (const n of SIZES) {
    const lngLat = fengfengPoints(n);
    const s: PointSet = {
      lngLat, lng: Float64Array.from(lngLat, (p) => p[0]), lat: Float64Array.from(lngLat, (p) => p[1]),
      xy: projectPoints(lngLat, localProjectionFor(lngLat)),
      files: { lngLat: join(dir, `lnglat-${n}.f64`), xy: join(dir, `xy-${n}.f64`), labels: join(dir, `labels-${n}.i32`) },
    };
    writeFileSync(s.files.lngLat, new Uint8Array(new Float64Array(lngLat.flat()).buffer));
    writeFileSync(s.files.xy, new Uint8Array(s.xy.buffer));
    sets.set(n, s);
  }
  const python = sklearnPython();
  let postgis: PostgisDbscan | null = null;
  let postgisError = '';
  try { postgis = await openPostgisDbscan(new Map([...sets].map(([n, s]) => [n, s.xy]))); } catch (e) { postgisError = (e as Error).message.split('\n')[0]; }
  let sklearnVersion = 'scikit-learn';
  const results = new Map<string, ClusterRun[]>();
  const add = (key: string, r: ClusterRun) => results.set(key, [...(results.get(key) ?? []), r]);
  const sameLabels = new Map<number, string>();
  try {
    // One untimed warm-up of each in-process tool at every size (the JIT; PostgreSQL's caches),
    // then interleaved runs: ours, kdbush, Turf, PostGIS, sklearn; next size; next run.
    for (const n of SIZES) { oursRun(sets.get(n)!); kdbushDbscan(sets.get(n)!.xy, EPS_M, MIN_POINTS); }
    if (postgis) await postgis.run(SIZES[0], EPS_M, MIN_POINTS);
    for (let run = 0; run < RUNS; run++) {
      for (const n of SIZES) {
        const s = sets.get(n)!;
        const ours = oursRun(s);
        add(`ours ${n}`, ours);
        add(`kdbush ${n}`, kdbushDbscan(s.xy, EPS_M, MIN_POINTS));
        if (n <= TURF_MAX) add(`turf ${n}`, turfDbscan(s.lngLat, EPS_M, MIN_POINTS));
        if (postgis) add(`postgis ${n}`, await postgis.run(n, EPS_M, MIN_POINTS));
        if (python) {
          const r = sklearnRun(python, s.files, EPS_M, MIN_POINTS);
          sklearnVersion = r.version;
          add(`sk-hav ${n}`, r.haversine);
          add(`sk-proj ${n}`, r.projected);
          let differ = 0;
          for (let i = 0; i < n; i++) if (r.haversineLabels[i] !== ours.labels[i]) differ++;
          sameLabels.set(n, differ === 0 ? 'labels identical to ours' : `${differ} labels differ from ours`);
        }
      }
    }
  } finally {
    await postgis?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const rows: Row[] = [];
  for (const n of SIZES) {
    const ours = results.get(`ours ${n}`)!;
    const oursMs = median(ours);
    const pg = results.get(`postgis ${n}`);
    const peer = (label: string, rs: ClusterRun[] | undefined, missing: string, note = ''): Row => ({
      figure: '', ours: '', target: '', peer: label,
      peerValue: rs ? `${ms(median(rs))}, ${counts(rs[0])}${note ? `; ${note}` : ''}` : missing,
      ratio: rs ? ratio(oursMs, median(rs)) : '',
    });
    rows.push({
      ...peer(`${postgis?.version ?? 'PostGIS'} ST_ClusterDBSCAN (planar metres)`, pg, `unavailable: ${postgisError}`),
      figure: `DBSCAN eps ${EPS_M} m, minPts ${MIN_POINTS}, ${n.toLocaleString()} points (median of ${RUNS})`,
      ours: `${ms(oursMs)}, ${counts(ours[0])}`,
      target: pg ? `≤ ½ PostGIS (${ms(median(pg) / 2)})` : '≤ ½ PostGIS',
    });
    rows.push(peer(`${sklearnVersion} haversine ball_tree`, results.get(`sk-hav ${n}`), 'python3-sklearn unavailable', sameLabels.get(n)));
    rows.push(peer(`${sklearnVersion} kd_tree (planar metres)`, results.get(`sk-proj ${n}`), 'python3-sklearn unavailable'));
    rows.push(peer('kdbush 4 plain DBSCAN (planar metres)', results.get(`kdbush ${n}`), ''));
    rows.push(peer('Turf 7 clustersDbscan (haversine)', results.get(`turf ${n}`), 'not run: 116 s measured here (stack.md)'));
  }
  return rows;
}

// `npx tsx bench/dbscan.ts` runs this benchmark alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchDbscan());
}

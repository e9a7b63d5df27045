// Straight-line coverage (issue 8): for every population point the nearest site within 1 km —
// what the peers' "circles around each site" answer — ours (`withinRadius`,
// domain/coverage/radius-coverage.ts: a grid of sites bucketed by the radius, 9 cells per point)
// beside scipy's cKDTree, scikit-learn's BallTree, PostGIS KNN (`<->` with ST_DWithin) and Turf's
// nearestPoint. Same planar metres for every tool (the local projection; Turf's caveat in
// bench/peers/coverage-js.ts). The covered counts must agree across all of them: printed beside
// each figure, and a row says whether they all did.
// Points: the dissolve bench's Fengfeng set (20 km square, 80 % in 30 clusters, seeded). Sites:
// the same generator with the same seed and fewer points, so they sit in the same clusters as the
// people (one or two per cluster, a fifth scattered), as testing sites do.
// 100,000 × 50 (target ≤ 40 ms) and 1,000,000 × 200; medians of 3 interleaved runs after warm-ups,
// except PostGIS at 1,000,000 (one run: 10–30 s) and Turf there (not run: ~50 s a run).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withinRadius } from '../domain/coverage/radius-coverage.ts';
import { localProjectionFor, projectPoints } from '../domain/geometry/local-projection.ts';
import { fengfengPoints } from './dissolve.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';
import { turfNearest } from './peers/coverage-js.ts';
import { nearestPython, openPostgisNearest, pythonNearest, type NearestRun, type PostgisNearest } from './peers/coverage-peers.ts';

const RUNS = 3;
const RADIUS_M = 1_000;
const SEED = 20220607; // fengfengPoints' default
const SETS = [
  { points: 100_000, sites: 50, targetMs: 40 },
  { points: 1_000_000, sites: 200, targetMs: null },
];
const TURF_MAX = 100_000; // ~1.4 s a run at 100,000 × 50 and linear in points × sites: ~50 s a run at 1,000,000 × 200
const POSTGIS_ONE_RUN_ABOVE = 100_000; // PostGIS took 10–30 s a run at 1,000,000 × 200 here: timed once at that size

interface CoverageSet { points: Float64Array; sites: Float64Array; files: { points: string; sites: string; outPrefix: string } }

function oursRun(s: CoverageSet): NearestRun {
  const t0 = performance.now();
  const { nearest } = withinRadius(s.points, s.sites, RADIUS_M);
  const t = performance.now() - t0;
  let covered = 0;
  for (const v of nearest) if (v >= 0) covered++;
  return { ms: t, covered, nearest };
}

const median = (rs: NearestRun[]) => summarise(rs.map((r) => r.ms)).p50;
const differing = (a: Int32Array, b: Int32Array) => { let d = 0; for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) d++; return d; };

export async function benchCoverageRadius(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-coverage-'));
  const sets = new Map<number, CoverageSet>();
  for (const { points: n, sites: k } of SETS) {
    const people = fengfengPoints(n, SEED);
    const projection = localProjectionFor(people);
    const s: CoverageSet = {
      points: projectPoints(people, projection), sites: projectPoints(fengfengPoints(k, SEED), projection),
      files: { points: join(dir, `points-${n}.f64`), sites: join(dir, `sites-${n}.f64`), outPrefix: join(dir, `nearest-${n}`) },
    };
    writeFileSync(s.files.points, new Uint8Array(s.points.buffer));
    writeFileSync(s.files.sites, new Uint8Array(s.sites.buffer));
    sets.set(n, s);
  }
  const python = nearestPython();
  let postgis: PostgisNearest | null = null;
  let postgisError = '';
  try { postgis = await openPostgisNearest(sets); }
  catch (e) { postgisError = (e as Error).message.split('\n')[0]; }
  const versions = { scipy: 'scipy', sklearn: 'scikit-learn' };
  const results = new Map<string, NearestRun[]>();
  const add = (key: string, r: NearestRun) => results.set(key, [...(results.get(key) ?? []), r]);
  try {
    // One untimed warm-up of each in-process tool and of PostgreSQL (the Python script warms up
    // itself), then interleaved runs: ours, cKDTree + BallTree, PostGIS, Turf; next set; next run.
    for (const s of sets.values()) oursRun(s);
    const small = sets.get(SETS[0].points)!;
    turfNearest(small.points.subarray(0, 20_000), small.sites, RADIUS_M);
    if (postgis) await postgis.run(SETS[0].points, RADIUS_M);
    for (let run = 0; run < RUNS; run++) {
      for (const { points: n } of SETS) {
        const s = sets.get(n)!;
        add(`ours ${n}`, oursRun(s));
        if (python) {
          const r = pythonNearest(python, s.files, RADIUS_M);
          Object.assign(versions, { scipy: r.scipy, sklearn: r.sklearn });
          add(`ckdtree ${n}`, r.ckdtree);
          add(`balltree ${n}`, r.balltree);
        }
        if (postgis && (n <= POSTGIS_ONE_RUN_ABOVE || run === 0)) add(`postgis ${n}`, await postgis.run(n, RADIUS_M));
        if (n <= TURF_MAX) add(`turf ${n}`, turfNearest(s.points, s.sites, RADIUS_M));
      }
    }
  } finally {
    await postgis?.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return rowsOf(results, { ...versions, postgis: postgis?.version ?? 'PostGIS', postgisError, python: python !== null });
}

function rowsOf(results: Map<string, NearestRun[]>, v: { scipy: string; sklearn: string; postgis: string; postgisError: string; python: boolean }): Row[] {
  const rows: Row[] = [];
  const disagreements: string[] = [];
  for (const { points: n, sites: k, targetMs } of SETS) {
    const ours = results.get(`ours ${n}`)!;
    const oursMs = median(ours), covered = ours[0].covered, nearest = ours[0].nearest!;
    const peer = (key: string, label: string, missing: string): Row => {
      const rs = results.get(`${key} ${n}`);
      if (!rs) return { figure: '', ours: '', target: '', peer: label, peerValue: missing, ratio: '' };
      const counts = [...new Set(rs.map((r) => r.covered))];
      const agree = counts.length === 1 && counts[0] === covered;
      if (!agree) disagreements.push(`${label} at ${n.toLocaleString()}: ${counts.join('/')} ≠ ${covered}`);
      const same = rs[0].nearest ? differing(rs[0].nearest, nearest) : null;
      const note = [agree ? `${counts[0].toLocaleString()} covered (= ours)` : `${counts.join('/')} covered ≠ ours ${covered.toLocaleString()} !`,
        same === null ? '' : same === 0 ? 'same nearest site for every point' : `${same} nearest sites differ`].filter(Boolean).join(', ');
      const runs = rs.length < RUNS ? ` (${rs.length} run)` : '';
      return { figure: '', ours: '', target: '', peer: label, peerValue: `${ms(median(rs))}${runs}, ${note}`, ratio: ratio(oursMs, median(rs)) };
    };
    rows.push({
      ...peer('ckdtree', `${v.scipy} cKDTree query(k=1, distance_upper_bound)`, 'python3-scipy unavailable'),
      figure: `straight-line coverage ${RADIUS_M / 1000} km, ${n.toLocaleString()} points × ${k} sites (median of ${RUNS})`,
      ours: `${ms(oursMs)}, ${covered.toLocaleString()} covered (${((100 * covered) / n).toFixed(1)} %)`,
      target: targetMs === null ? '' : `≤ ${targetMs} ms`,
    });
    if (!v.python) disagreements.push('python peers not run');
    rows.push(peer('balltree', `${v.sklearn} BallTree query(k=1) + d ≤ r`, 'python3-sklearn unavailable'));
    rows.push(peer('postgis', `${v.postgis} KNN <-> with ST_DWithin (planar metres)`, `unavailable: ${v.postgisError}`));
    rows.push(peer('turf', 'Turf 7 nearestPoint + distance ≤ r', n > TURF_MAX ? 'not run: ~50 s a run (linear in points × sites)' : ''));
  }
  rows.push({ figure: 'straight-line coverage: covered counts of every peer and run', ours: disagreements.length ? 'DISAGREE' : 'all agree',
    target: 'all agree', peer: '', peerValue: disagreements.join('; '), ratio: '' });
  return rows;
}

// `npx tsx bench/coverage-radius.ts` runs this part alone.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchCoverageRadius());
}

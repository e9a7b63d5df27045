// The peers of bench/dbscan.ts: scikit-learn through Debian's python3-sklearn, PostGIS's
// ST_ClusterDBSCAN on the machine's PostgreSQL 15 in a scratch database, and two in-process
// JavaScript ones (a plain kdbush DBSCAN, Turf's clustersDbscan). Debian packages are installed
// when missing (apt-get -y; needs root, as on the CI and dev machines); when that fails the
// bench says why.
import { execFileSync } from 'node:child_process';
import { aptInstall } from './debian.ts';
import { openScratch } from './pg-scratch.ts';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SCRATCH_DB = 'shouwang_bench_dbscan'; // not bench/dissolve.ts's, so the two never drop each other's

export interface ClusterRun { ms: number; clusters: number; noise: number }

/** Debian's /usr/bin/python3 with sklearn (a pyenv shim on PATH does not see dist-packages),
 *  installing python3-sklearn if needed; null, with the reason logged, if none. */
export function sklearnPython(): string | null {
  const works = () => { try { execFileSync('/usr/bin/python3', ['-c', 'import sklearn'], { stdio: 'ignore' }); return true; } catch { return false; } };
  if (works()) return '/usr/bin/python3';
  try { aptInstall('python3-sklearn'); } catch (e) { console.log(`could not install python3-sklearn: ${(e as Error).message}`); return null; }
  return works() ? '/usr/bin/python3' : null;
}

export interface SklearnResult { version: string; haversine: ClusterRun; projected: ClusterRun; haversineLabels: Int32Array }

/** One timed fit each (haversine ball_tree, projected kd_tree) in one Python process. */
export function sklearnRun(python: string, files: { lngLat: string; xy: string; labels: string }, epsMeters: number, minPoints: number): SklearnResult {
  const out = execFileSync(python, [`${HERE}dbscan-sklearn.py`, files.lngLat, files.xy, String(epsMeters), String(minPoints), files.labels], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { sklearn: string; haversine: ClusterRun; projected: ClusterRun };
  const bytes = readFileSync(files.labels);
  return { version: `scikit-learn ${r.sklearn}`, haversine: r.haversine, projected: r.projected, haversineLabels: new Int32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4) };
}

export interface PostgisDbscan { version: string; run(n: number, epsMeters: number, minPoints: number): Promise<ClusterRun>; close(): Promise<void> }

/** A scratch database with postgis holding the projected point sets (bench_points: n = set size, geom SRID 0). */
export async function openPostgisDbscan(sets: Map<number, Float64Array>): Promise<PostgisDbscan> {
  const scratch = await openScratch(SCRATCH_DB, 'postgresql-15-postgis-3', 'create extension postgis');
  const { client } = scratch;
  await client.query('create table bench_points (n integer not null, geom geometry(Point, 0) not null)');
  for (const [n, xy] of sets) {
    const xs = Array.from({ length: n }, (_, i) => xy[2 * i]), ys = Array.from({ length: n }, (_, i) => xy[2 * i + 1]);
    await client.query('insert into bench_points select $1, ST_MakePoint(x, y) from unnest($2::float8[], $3::float8[]) as t(x, y)', [n, xs, ys]);
  }
  await client.query('analyze bench_points');
  const version = (await client.query<{ v: string }>('select postgis_lib_version() as v')).rows[0].v;
  const sql = readFileSync(`${HERE}dbscan-postgis.sql`, 'utf8');
  return {
    version: `PostGIS ${version}`,
    async run(n, epsMeters, minPoints) {
      const t0 = performance.now();
      const r = await client.query<{ clusters: string; noise: string }>(sql, [n, epsMeters, minPoints]);
      return { ms: performance.now() - t0, clusters: Number(r.rows[0].clusters), noise: Number(r.rows[0].noise) };
    },
    async close() {
      await scratch.drop();
    },
  };
}

// The peers of bench/dissolve.ts: GEOS through Debian's python3-shapely, and PostGIS on the
// machine's PostgreSQL 15 in a scratch database. Each is installed from Debian when missing
// (apt-get -y; needs root, as on the CI and dev machines); when that fails the bench says why.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aptInstall } from './debian.ts';
import { openScratch } from './pg-scratch.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SCRATCH_DB = 'shouwang_bench_dissolve';

export interface PeerResult { ms: number; areaSquareMeters: number; polygons: number }

/** A python3 that imports shapely: Debian's /usr/bin/python3 (a pyenv shim on PATH may not see
 *  dist-packages), installing python3-shapely if needed. Null, with the reason logged, if none. */
export function shapelyPython(): string | null {
  const works = (py: string) => { try { execFileSync(py, ['-c', 'import shapely'], { stdio: 'ignore' }); return true; } catch { return false; } };
  for (const py of ['/usr/bin/python3', 'python3']) if (works(py)) return py;
  try { aptInstall('python3-shapely'); } catch (e) { console.log(`could not install python3-shapely: ${(e as Error).message}`); return null; }
  return works('/usr/bin/python3') ? '/usr/bin/python3' : null;
}

/** One timed run of shapely's unary_union of buffers over the float64 points file. */
export function shapelyRun(python: string, pointsFile: string, radiusMeters: number): PeerResult & { version: string } {
  const out = execFileSync(python, [`${HERE}shapely-dissolve.py`, pointsFile, String(radiusMeters), '8'], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { ms: number; area: number; polygons: number; shapely: string; geos: string };
  return { ms: r.ms, areaSquareMeters: r.area, polygons: r.polygons, version: `GEOS ${r.geos.split('-')[0]} via shapely ${r.shapely}` };
}

export interface Postgis { version: string; run(n: number, radiusMeters: number): Promise<PeerResult>; close(): Promise<void> }

/** A scratch database with postgis holding the point sets (bench_points: n = set size, geom). */
export async function openPostgis(sets: Map<number, Float64Array>): Promise<Postgis> {
  const scratch = await openScratch(SCRATCH_DB, 'postgresql-15-postgis-3', 'create extension postgis');
  const { client } = scratch;
  await client.query('create table bench_points (n integer not null, geom geometry(Point, 0) not null)');
  for (const [n, xy] of sets) {
    const xs = Array.from({ length: n }, (_, i) => xy[2 * i]), ys = Array.from({ length: n }, (_, i) => xy[2 * i + 1]);
    await client.query('insert into bench_points select $1, ST_MakePoint(x, y) from unnest($2::float8[], $3::float8[]) as t(x, y)', [n, xs, ys]);
  }
  await client.query('analyze bench_points');
  const version = (await client.query<{ v: string }>('select postgis_lib_version() as v')).rows[0].v;
  const geos = (await client.query<{ v: string }>('select postgis_geos_version() as v')).rows[0].v;
  const sql = readFileSync(`${HERE}postgis-dissolve.sql`, 'utf8');
  return {
    version: `PostGIS ${version} (GEOS ${geos.split('-')[0]})`,
    async run(n, radiusMeters) {
      const t0 = performance.now();
      const r = await client.query<{ area: number; polygons: number }>(sql, [n, radiusMeters]);
      return { ms: performance.now() - t0, areaSquareMeters: Number(r.rows[0].area), polygons: Number(r.rows[0].polygons) };
    },
    async close() {
      await scratch.drop();
    },
  };
}

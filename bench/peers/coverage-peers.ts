// The out-of-process peers of bench/coverage-radius.ts: scipy's cKDTree and scikit-learn's
// BallTree through Debian's python3 (bench/peers/coverage-nearest.py), and PostGIS KNN on the
// machine's PostgreSQL 15 in a scratch database. Debian packages are installed when missing
// (apt-get -y; needs root, as on the CI and dev machines); when that fails the bench says why.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { aptInstall } from './debian.ts';
import { openScratch } from './pg-scratch.ts';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const SCRATCH_DB = 'shouwang_bench_coverage'; // not another bench's, so they never drop each other's

export interface NearestRun { ms: number; covered: number; nearest?: Int32Array }

/** Debian's /usr/bin/python3 with scipy and sklearn (the pyenv python3 on PATH lacks sklearn),
 *  installing python3-scipy / python3-sklearn if needed; null, with the reason logged, if none. */
export function nearestPython(): string | null {
  const works = (mod: string) => { try { execFileSync('/usr/bin/python3', ['-c', `import ${mod}`], { stdio: 'ignore' }); return true; } catch { return false; } };
  for (const [mod, pkg] of [['scipy', 'python3-scipy'], ['sklearn', 'python3-sklearn']]) {
    if (works(mod)) continue;
    try { aptInstall(pkg); } catch (e) { console.log(`could not install ${pkg}: ${(e as Error).message}`); return null; }
    if (!works(mod)) return null;
  }
  return '/usr/bin/python3';
}

const readI32 = (file: string) => { const b = readFileSync(file); return new Int32Array(b.buffer, b.byteOffset, b.byteLength / 4); };

/** One timed build + query each of cKDTree and BallTree, in one Python process. */
export function pythonNearest(python: string, files: { points: string; sites: string; outPrefix: string }, radiusMeters: number):
  { scipy: string; sklearn: string; ckdtree: NearestRun; balltree: NearestRun } {
  const out = execFileSync(python, [`${HERE}coverage-nearest.py`, files.points, files.sites, String(radiusMeters), files.outPrefix], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const r = JSON.parse(out.trim().split('\n').pop()!) as { scipy: string; sklearn: string; ckdtree: NearestRun; balltree: NearestRun };
  return {
    scipy: `scipy ${r.scipy}`, sklearn: `scikit-learn ${r.sklearn}`,
    ckdtree: { ...r.ckdtree, nearest: readI32(`${files.outPrefix}-ckdtree.i32`) },
    balltree: { ...r.balltree, nearest: readI32(`${files.outPrefix}-balltree.i32`) },
  };
}

export interface PostgisNearest { version: string; run(points: number, radiusMeters: number): Promise<NearestRun>; close(): Promise<void> }

async function insertXy(client: pg.Client, table: string, xy: Float64Array): Promise<void> {
  await client.query(`create table ${table} (id integer not null, geom geometry(Point, 0) not null)`);
  const n = xy.length / 2;
  for (let start = 0; start < n; start += 200_000) { // keeps each statement's parameters a few MB
    const end = Math.min(n, start + 200_000);
    const ids = [], xs = [], ys = [];
    for (let i = start; i < end; i++) { ids.push(i); xs.push(xy[2 * i]); ys.push(xy[2 * i + 1]); }
    await client.query(`insert into ${table} select id, ST_MakePoint(x, y) from unnest($1::int[], $2::float8[], $3::float8[]) as t(id, x, y)`, [ids, xs, ys]);
  }
}

/** A scratch database with postgis holding each set: points_<n> (no index: every row is read) and
 *  sites_<n> (GiST, the KNN's index). Keyed by the number of points. */
export async function openPostgisNearest(sets: Map<number, { points: Float64Array; sites: Float64Array }>): Promise<PostgisNearest> {
  const scratch = await openScratch(SCRATCH_DB, 'postgresql-15-postgis-3', 'create extension postgis');
  const { client } = scratch;
  for (const [n, s] of sets) {
    await insertXy(client, `points_${n}`, s.points);
    await insertXy(client, `sites_${n}`, s.sites);
    await client.query(`create index on sites_${n} using gist (geom)`);
    await client.query(`analyze points_${n}; analyze sites_${n}`);
  }
  const version = (await client.query<{ v: string }>('select postgis_lib_version() as v')).rows[0].v;
  const sql = readFileSync(`${HERE}coverage-postgis.sql`, 'utf8');
  return {
    version: `PostGIS ${version}`,
    async run(n, radiusMeters) {
      const q = sql.replaceAll('{points}', `points_${n}`).replaceAll('{sites}', `sites_${n}`);
      const t0 = performance.now();
      const r = await client.query<{ covered: string }>(q, [radiusMeters]);
      return { ms: performance.now() - t0, covered: Number(r.rows[0].covered) };
    },
    async close() {
      await scratch.drop();
    },
  };
}

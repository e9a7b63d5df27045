// Seed time of the demo district: generate + load into a fresh SQLite file (median of 3), beside
// GDAL's ogr2ogr loading the same spatial rows from GeoJSON into a GeoPackage with its R*Tree,
// the tool a GIS analyst would reach for.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemo } from '../geodata/generate.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { loadRows } from '../server/db/seed.ts';
import { SPATIAL_TABLES } from '../server/db/schema.ts';
import { ms, ratio, summarise, type Row } from './harness.ts';

const RUNS = 3;

async function seedOnce(dir: string, i: number): Promise<{ totalMs: number; loadMs: number; rows: number }> {
  const t0 = performance.now();
  const data = generateDemo({ seed: 20220607, scale: 'demo' });
  const db = openDatabase({ file: join(dir, `seed-${i}.sqlite`) });
  await migrateToLatest(db.kysely as never);
  const t1 = performance.now();
  const counts = await loadRows(db, data);
  const t2 = performance.now();
  await db.close();
  return { totalMs: t2 - t0, loadMs: t2 - t1, rows: Object.values(counts).reduce((a, b) => a + b, 0) };
}

/** Writes the spatial tables as GeoJSON files and times ogr2ogr loading them all into one GeoPackage. */
function ogr2ogrMs(dir: string): number | null {
  try { execFileSync('ogr2ogr', ['--version'], { stdio: 'ignore' }); } catch { return null; }
  const data = generateDemo({ seed: 20220607, scale: 'demo' });
  const files: string[] = [];
  for (const t of SPATIAL_TABLES) {
    const rows = [...((data[t] ?? []) as Iterable<Record<string, unknown>>)];
    if (!rows.length) continue;
    const features = rows.map(({ geometry, ...props }) => ({ type: 'Feature', geometry, properties: props }));
    const f = join(dir, `${t}.geojson`);
    writeFileSync(f, JSON.stringify({ type: 'FeatureCollection', features }));
    files.push(f);
  }
  const gpkg = join(dir, 'peer.gpkg');
  const t0 = performance.now();
  for (const f of files) execFileSync('ogr2ogr', ['-f', 'GPKG', '-update', '-append', gpkg, f, '-lco', 'SPATIAL_INDEX=YES', '--config', 'OGR_SQLITE_SYNCHRONOUS', 'OFF'], { stdio: 'ignore' });
  return performance.now() - t0;
}

export async function benchSeed(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-seed-'));
  try {
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await seedOnce(dir, i));
    const total = summarise(runs.map((r) => r.totalMs)).p50;
    const load = summarise(runs.map((r) => r.loadMs)).p50;
    const peer = ogr2ogrMs(dir);
    return [
      { figure: `demo seed, generate + load (${runs[0].rows.toLocaleString()} rows, median of ${RUNS})`, ours: `${(total / 1000).toFixed(1)} s`, target: '≤ 30 s', peer: '', peerValue: '', ratio: '' },
      { figure: 'demo load into SQLite with R*Tree indexes', ours: ms(load), target: '', peer: 'ogr2ogr → GeoPackage (spatial rows only)',
        peerValue: peer === null ? 'ogr2ogr missing' : ms(peer), ratio: peer === null ? '' : ratio(load, peer) },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

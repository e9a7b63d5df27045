// npm run seed [-- --scale city] [--db FILE] [--seed N]
// Regenerates the synthetic district into a fresh database: the SQLite file is recreated
// (PostgreSQL: every table emptied), migrated, and loaded. Prints counts and the time taken.
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { loadConfig } from '../server/config.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { LOAD_ORDER, loadRows } from '../server/db/seed.ts';
import { generateDemo } from './generate.ts';

const config = loadConfig();
const { values } = parseArgs({ options: {
  scale: { type: 'string', default: 'demo' },
  db: { type: 'string' },
  seed: { type: 'string' },
} });
if (values.scale !== 'demo' && values.scale !== 'city') throw new Error('--scale must be demo or city');
const file = values.db ?? (values.scale === 'city' ? './data/city.sqlite' : config.dbFile);
const url = values.db ? undefined : config.dbUrl;
if (!url) for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });

const t0 = performance.now();
const db = openDatabase({ file, url });
await migrateToLatest(db.kysely as never);
if (url) {
  const tables = [...LOAD_ORDER].reverse().map((t) => `"${t}"`).join(', ');
  await sql.raw(`truncate ${tables} restart identity cascade`).execute(db.kysely);
}
const counts = await loadRows(db, generateDemo({ seed: values.seed ? Number(values.seed) : config.demoSeed, scale: values.scale }));
await db.close();
const seconds = (performance.now() - t0) / 1000;
console.table(counts);
console.log(`seeded ${values.scale} district into ${url ? 'PostgreSQL' : file} in ${seconds.toFixed(1)} s (synthetic geometry)`);

// Fresh, migrated databases for tests on both dialects: a temp SQLite file (WAL needs a file),
// or a new schema on the test PostgreSQL server, dropped when the test closes the database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db } from '../../server/db/database.ts';
import { migrateToLatest } from '../../server/db/migrations/index.ts';

export interface TestDialect { name: 'sqlite' | 'postgres'; open(): Promise<Db> }

let counter = 0;

async function openSqlite(): Promise<Db> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-test-'));
  const db = openDatabase({ file: join(dir, 'test.sqlite') });
  await migrateToLatest(db.kysely as never);
  const close = db.close;
  return { ...db, close: async () => { await close(); rmSync(dir, { recursive: true, force: true }); } };
}

/** Kysely's migrator first lists every table of the server through the catalog; another test file
 * dropping its schema at that moment can fail that listing ("column … does not exist"). It runs
 * before any migration, and each migration is transactional on PostgreSQL, so trying again is safe. */
async function migrateWithRetry(db: Db, attempts = 4): Promise<void> {
  for (let i = 1; ; i++) {
    try { await migrateToLatest(db.kysely as never); return; } catch (err) {
      if (i >= attempts || !/does not exist/.test(String((err as Error).message))) throw err;
      await new Promise((r) => setTimeout(r, 100 * i));
    }
  }
}

async function openPostgres(): Promise<Db> {
  const url = process.env.SHOUWANG_TEST_PG_URL!;
  const schema = `t_${process.pid}_${Date.now().toString(36)}_${counter++}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const u = new URL(url);
  u.searchParams.set('options', `-c search_path=${schema}`);
  const db = openDatabase({ url: u.toString() });
  await migrateWithRetry(db);
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema ${schema} cascade`);
      await c.end();
    },
  };
}

export const DIALECTS: TestDialect[] = [
  { name: 'sqlite', open: openSqlite },
  { name: 'postgres', open: openPostgres },
];

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
  await migrateToLatest(db.kysely as never);
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

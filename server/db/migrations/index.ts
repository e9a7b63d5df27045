// The ordered registry of migrations. Append only; a landed migration is never edited.
import { Migrator, PostgresAdapter, sql, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import * as m001 from './001-initial.ts';
import * as m002 from './002-access.ts';
import * as m003 from './003-ring-function.ts';
import * as m004 from './004-zones.ts';
import * as m005 from './005-loops-imports.ts';
import * as m006 from './006-events.ts';
import * as m007 from './007-analyses.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
  '002-access': m002,
  '003-ring-function': m003,
  '004-zones': m004,
  '005-loops-imports': m005,
  '006-events': m006,
  '007-analyses': m007,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  // Kysely looks for its bookkeeping tables in every schema unless told which one; on a server
  // shared by several schemas (tests, tenants) it would find another schema's and skip its own.
  const migrationTableSchema = db.getExecutor().adapter instanceof PostgresAdapter
    ? (await sql<{ s: string }>`select current_schema() as s`.execute(db)).rows[0].s : undefined;
  const { error, results } = await new Migrator({ db, provider, migrationTableSchema }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// The ordered registry of migrations. Append only; a landed migration is never edited.
import { Migrator, type Migration, type MigrationProvider, type Kysely } from 'kysely';
import * as m001 from './001-initial.ts';

const MIGRATIONS: Record<string, Migration> = {
  '001-initial': m001,
};

const provider: MigrationProvider = { getMigrations: async () => MIGRATIONS };

export async function migrateToLatest(db: Kysely<unknown>): Promise<string[]> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

// Migration 004: control zones become editable (issue 4). Every version records what changed it
// (seed, create, edit, publish, downgrade, lift), why and by whom, where it came from (seed, drawn,
// proposal) and under which rule profile; test rounds feed the zone clock; zone_version_teams
// lists the teams whose areas a version's polygon meets exactly (written by the app with the
// version, since the exact test is app code), which is the field members' zone scope.
// Frozen once landed. Imports no app code.
import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

type Tb = CreateTableBuilder<string, string>;
const isPg = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPg(db);
  const versions = () => db.schema.alterTable('control_zone_versions');
  // Existing rows came from the seed; the defaults say so and keep NOT NULL possible on SQLite.
  await versions().addColumn('change', 'text', (c) => c.notNull().defaultTo('seed')).execute();
  await versions().addColumn('source', 'text', (c) => c.notNull().defaultTo('seed')).execute();
  await versions().addColumn('reason', 'text').execute();
  await versions().addColumn('actor', 'text').execute();
  await versions().addColumn('profile_id', 'integer', (c) => c.references('rule_profiles.id')).execute();
  await versions().addColumn('proposal_key', 'text').execute();

  let rounds = db.schema.createTable('zone_test_rounds') as unknown as Tb;
  rounds = pg
    ? rounds.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    : rounds.addColumn('id', 'integer', (c) => c.primaryKey());
  await rounds
    .addColumn('zone_id', 'integer', (c) => c.notNull().references('control_zones.id'))
    .addColumn('round_date', 'text', (c) => c.notNull())
    .addColumn('tested', 'integer', (c) => c.notNull())
    .addColumn('positives', 'integer', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('zone_version_teams')
    .addColumn('zone_version_id', 'integer', (c) => c.notNull().references('control_zone_versions.id').onDelete('cascade'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('zone_version_teams_pk', ['zone_version_id', 'team_id'])
    .execute();

  await db.schema.createIndex('zone_test_rounds_zone').on('zone_test_rounds').columns(['zone_id', 'round_date']).execute();
  await db.schema.createIndex('zone_version_teams_team').on('zone_version_teams').columns(['team_id', 'zone_version_id']).execute();
  await db.schema.createIndex('zone_versions_valid').on('control_zone_versions').columns(['valid_from', 'valid_to']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('zone_version_teams').execute();
  await db.schema.dropTable('zone_test_rounds').execute();
  for (const c of ['proposal_key', 'profile_id', 'actor', 'reason', 'source', 'change']) {
    await db.schema.alterTable('control_zone_versions').dropColumn(c).execute();
  }
}

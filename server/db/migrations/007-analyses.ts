// Migration 007: early warning (issue 7). `analysis_runs` keeps one result per incident, kind and
// analysis day (ST-DBSCAN clusters, the space-time permutation scan, Gi* hot spots, EARS signals)
// as JSON, so the map, the alert line lists and the next day's "new or ongoing" read the same
// answer the alert was raised on. Alerts gain the time an unacknowledged alert last escalated;
// incidents gain who confirmed the grade, when and why (the suggestion never sets itself).
// Frozen once landed. Imports no app code.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.createTable('analysis_runs')
    .addColumn('id', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('incident_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull()) // 'stDbscan' | 'scan' | 'hotspots' | 'ears'
    .addColumn('day', 'text', (c) => c.notNull()) // the analysed Asia/Shanghai calendar day, YYYY-MM-DD
    .addColumn('ran_at', 'text', (c) => c.notNull()) // server clock, ISO-8601 UTC
    .addColumn('params', 'text', (c) => c.notNull()) // JSON
    .addColumn('result', 'text', (c) => c.notNull()) // JSON, never personal data (ids only)
    .execute();
  await db.schema.createIndex('analysis_runs_key').unique().on('analysis_runs').columns(['incident_id', 'kind', 'day']).execute();
  await db.schema.alterTable('alerts').addColumn('escalated_at', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('grade_confirmed_by', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('grade_confirmed_at', 'text').execute();
  await db.schema.alterTable('incidents').addColumn('grade_reason', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('analysis_runs').execute();
  await db.schema.alterTable('alerts').dropColumn('escalated_at').execute();
  for (const c of ['grade_confirmed_by', 'grade_confirmed_at', 'grade_reason']) await db.schema.alterTable('incidents').dropColumn(c).execute();
}

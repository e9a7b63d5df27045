// Migration 005: the closed loop runs (issue 5). Loop steps record a test result, who completed
// them, whether they were cancelled (a contact who turned positive leaves the contact path) and
// how far an overdue step has escalated; persons record where they came from and how well their
// address was geocoded; a room may hold a carer beside its occupant; imports are staged row by
// row (mapping per source, review queue) before one transaction commits them; alerts get a key
// so a rule raises one open alert per subject, not one per check.
// Frozen once landed. Imports no app code.
import { PostgresAdapter, type CreateTableBuilder, type Kysely } from 'kysely';

type Tb = CreateTableBuilder<string, string>;
const isPg = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPg(db);
  const table = (name: string) => {
    const t = db.schema.createTable(name) as unknown as Tb;
    return pg ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity()) : t.addColumn('id', 'integer', (c) => c.primaryKey());
  };

  const steps = () => db.schema.alterTable('loop_steps');
  await steps().addColumn('result', 'text').execute(); // tested: negative | positive
  await steps().addColumn('actor', 'text').execute(); // username who completed it
  await steps().addColumn('cancelled_at', 'text').execute();
  await steps().addColumn('escalation_level', 'integer', (c) => c.notNull().defaultTo(0)).execute();
  await steps().addColumn('escalated_at', 'text').execute();

  const persons = () => db.schema.alterTable('persons');
  await persons().addColumn('source', 'text', (c) => c.notNull().defaultTo('seed')).execute(); // seed | manual | import
  await persons().addColumn('import_id', 'integer').execute();
  await persons().addColumn('geocode_level', 'text').execute();
  await persons().addColumn('geocode_confidence', 'double precision').execute();

  await db.schema.alterTable('quarantine_rooms').addColumn('carer_person_id', 'integer', (c) => c.references('persons.id')).execute();
  await db.schema.alterTable('alerts').addColumn('dedupe_key', 'text').execute();

  await table('import_mappings')
    .addColumn('kind', 'text', (c) => c.notNull()) // cases | contacts
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull()) // {field: column header}
    .addColumn('crs', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_mappings_kind_source', ['kind', 'source'])
    .execute();

  await table('imports')
    .addColumn('incident_id', 'integer', (c) => c.notNull().references('incidents.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull()) // csv-utf8 | csv-gbk | xlsx
    .addColumn('status', 'text', (c) => c.notNull()) // staged | checked | committed | discarded
    .addColumn('header', 'text', (c) => c.notNull()) // JSON array of column headers
    .addColumn('mapping', 'text')
    .addColumn('crs', 'text')
    .addColumn('summary', 'text') // JSON counts by row status
    .addColumn('report', 'text') // JSON per-row outcome of the commit
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('committed_at', 'text')
    .execute();

  await table('import_rows')
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id').onDelete('cascade'))
    .addColumn('row_no', 'integer', (c) => c.notNull()) // the sheet's row number, header = 1
    .addColumn('raw', 'text', (c) => c.notNull()) // JSON array of cell texts
    .addColumn('data', 'text') // JSON of the validated, mapped values
    .addColumn('status', 'text', (c) => c.notNull()) // pending | ok | review | error | resolved | committed | skipped
    .addColumn('errors', 'text') // JSON [{field, code, message}]
    .addColumn('geocode', 'text') // JSON {level, confidence, point, candidates[]}
    .addColumn('chosen', 'text') // JSON {point, label, how: candidate | map}
    .addColumn('person_id', 'integer')
    .addUniqueConstraint('import_rows_import_row', ['import_id', 'row_no'])
    .execute();

  await db.schema.createIndex('import_rows_status').on('import_rows').columns(['import_id', 'status']).execute();
  await db.schema.createIndex('loop_steps_open').on('loop_steps').columns(['done_at', 'due_at']).execute();
  await db.schema.createIndex('alerts_dedupe').on('alerts').columns(['dedupe_key', 'status']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const i of ['alerts_dedupe', 'loop_steps_open', 'import_rows_status']) await db.schema.dropIndex(i).execute();
  await db.schema.dropTable('import_rows').execute();
  await db.schema.dropTable('imports').execute();
  await db.schema.dropTable('import_mappings').execute();
  await db.schema.alterTable('alerts').dropColumn('dedupe_key').execute();
  await db.schema.alterTable('quarantine_rooms').dropColumn('carer_person_id').execute();
  for (const c of ['geocode_confidence', 'geocode_level', 'import_id', 'source']) await db.schema.alterTable('persons').dropColumn(c).execute();
  for (const c of ['escalated_at', 'escalation_level', 'cancelled_at', 'actor', 'result']) await db.schema.alterTable('loop_steps').dropColumn(c).execute();
}

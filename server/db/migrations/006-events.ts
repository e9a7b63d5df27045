// Migration 006: the change outbox behind the live stream (issue 6). Every write that changes what
// a screen shows inserts one row here in its own transaction (reliability.md §5: status change,
// audit row and event commit together or not at all); the live hub tails the table by `seq`, fans
// rows out to the streams allowed to see them and replays them after a reconnect (`Last-Event-ID`).
// Rows carry ids and team ids only, never personal data, and are pruned after a day.
// Frozen once landed. Imports no app code.
import { PostgresAdapter, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema.createTable('events')
    // SQLite: an INTEGER PRIMARY KEY is the rowid, ascending in commit order (one writer at a time).
    // PostgreSQL: identity values are taken at insert, so a reader may see 7 before 6 commits;
    // the hub waits for such a gap before it moves past it (server/live/tail.ts).
    .addColumn('seq', 'integer', (c) => (pg ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey()))
    .addColumn('at', 'text', (c) => c.notNull()) // server clock, ISO-8601 UTC
    .addColumn('resource', 'text', (c) => c.notNull()) // a policy resource (domain/auth/policy.ts)
    .addColumn('ids', 'text') // JSON array of the changed rows' ids, null when too many to list
    .addColumn('teams', 'text') // JSON array of the teams whose `own` scope the change touches, null: none
    .execute();
  await db.schema.createIndex('events_at').on('events').column('at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('events').execute();
}

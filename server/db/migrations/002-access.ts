// Migration 002: accounts and access (issue 3): users, server-side sessions, login failures for
// throttling, task updates from the field, the polygons that define each team's scope, and the
// append-only guard on the audit log. Frozen once landed. Imports no app code.
import { PostgresAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

type Tb = CreateTableBuilder<string, string>;
const isPg = (db: Kysely<unknown>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<unknown>): Promise<void> {
  const pg = isPg(db);
  const table = (name: string, build: (t: Tb) => Tb) => {
    let t = db.schema.createTable(name) as unknown as Tb;
    t = pg
      ? t.addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
      : t.addColumn('id', 'integer', (c) => c.primaryKey());
    return build(t).execute();
  };
  const text = (t: Tb, n: string) => t.addColumn(n, 'text', (c) => c.notNull());

  await table('users', (t) => {
    t = t.addColumn('username', 'text', (c) => c.notNull().unique());
    for (const n of ['display_name', 'role', 'password_hash', 'created_at', 'updated_at', 'password_changed_at']) t = text(t, n);
    return t.addColumn('team_id', 'integer', (c) => c.references('teams.id'))
      .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_login_at', 'text');
  });
  // The session id is the SHA-256 of the cookie's token, so a leaked table row cannot be replayed.
  await db.schema.createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .execute();
  await table('login_failures', (t) => text(text(t, 'key'), 'at'));
  await table('task_updates', (t) => {
    t = t.addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
      .addColumn('client_id', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
      .addColumn('note', 'text');
    for (const n of ['status', 'at', 'received_at']) t = text(t, n);
    return t;
  });
  // One row per polygon of a team's area (its rings, holes included), with the outer ring's bbox:
  // the scope predicate tests a record's point against these in SQL (database.ts `inTeamAreas`).
  await table('team_area_parts', (t) => text(t, 'ring')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('teams.id'))
    .addColumn('team_area_id', 'integer', (c) => c.notNull().references('team_areas.id').onDelete('cascade'))
    .addColumn('min_lng', 'double precision', (c) => c.notNull())
    .addColumn('min_lat', 'double precision', (c) => c.notNull())
    .addColumn('max_lng', 'double precision', (c) => c.notNull())
    .addColumn('max_lat', 'double precision', (c) => c.notNull()));
  await db.schema.alterTable('audit_entries').addColumn('route', 'text').execute();
  await db.schema.alterTable('audit_entries').addColumn('ip', 'text').execute();
  await db.schema.alterTable('tasks').addColumn('note', 'text').execute();

  const index = (name: string, tableName: string, columns: string[]) => db.schema.createIndex(name).on(tableName).columns(columns).execute();
  await index('sessions_user', 'sessions', ['user_id']);
  await index('login_failures_key_at', 'login_failures', ['key', 'at']);
  await index('task_updates_task', 'task_updates', ['task_id']);
  await index('team_area_parts_team', 'team_area_parts', ['team_id']);
  await index('team_areas_team', 'team_areas', ['team_id']);
  await index('tasks_team', 'tasks', ['team_id', 'status']);
  await index('users_team', 'users', ['team_id']);
  await index('audit_entries_actor', 'audit_entries', ['actor', 'id']);
  await index('audit_entries_entity', 'audit_entries', ['entity', 'entity_id']);

  // Append-only audit: UPDATE and DELETE (and TRUNCATE on PostgreSQL) fail in the database itself.
  if (pg) {
    await sql`create function audit_entries_append_only() returns trigger language plpgsql as $$
      begin raise exception 'audit entries are append-only'; end $$`.execute(db);
    await sql`create trigger audit_entries_no_change before update or delete on audit_entries
      for each row execute function audit_entries_append_only()`.execute(db);
    await sql`create trigger audit_entries_no_truncate before truncate on audit_entries
      for each statement execute function audit_entries_append_only()`.execute(db);
  } else {
    for (const op of ['update', 'delete']) {
      await sql.raw(`create trigger audit_entries_no_${op} before ${op} on audit_entries
        begin select raise(abort, 'audit entries are append-only'); end`).execute(db);
    }
  }
}

export async function down(): Promise<void> {
  throw new Error('migration 002 is not reversible: it holds the audit log');
}

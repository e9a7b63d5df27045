// Opens the database on either dialect and hides the dialect from everything else: pragmas and
// their start-up check, the spatial (bbox) filter and the bulk loader are the only branches.
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql, type Expression, type SqlBool } from 'kysely';
import pg from 'pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Bbox } from '../../domain/geometry/bbox.ts';
import { pointInRings, type Ring } from '../../domain/geometry/point-in-ring.ts';
import type { DB, SpatialTable } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Db {
  kysely: Kysely<DB>;
  dialect: Dialect;
  /** Rows whose bbox intersects `bbox`, through the spatial index (R*Tree or GiST). */
  inBbox(table: SpatialTable, bbox: Bbox): Expression<SqlBool>;
  /** Rows inside the team's areas (team_area_parts): by the row's point (`point`, for point
   * tables: min = max) or by bbox overlap (`bbox`, for polygons such as zones). The scope
   * predicate of every `own` query, so a field member's rows are chosen in SQL, not filtered after. */
  inTeamAreas(table: SpatialTable, teamId: number | null, mode: 'point' | 'bbox'): Expression<SqlBool>;
  /** Runs `fn` in one transaction on a Db bound to it; rolls back when it throws. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  /** Inside a transaction: wait for any other writer of the audit chain (PostgreSQL advisory
   * lock). SQLite: one connection's transactions are serial; another process (the CLI) that read
   * an older chain head cannot commit over a newer one (WAL snapshot → SQLITE_BUSY), so the chain
   * never forks. */
  lockAuditChain(): Promise<void>;
  /** Inserts many rows fast, in one transaction per call; rows must carry their ids. */
  bulkInsert(table: keyof DB, rows: Record<string, unknown>[]): Promise<void>;
  /** After bulk loads with explicit ids, move id sequences past the highest id (PostgreSQL). */
  syncIdSequences(tables: readonly (keyof DB)[]): Promise<void>;
  describe(): Promise<Record<string, string | number>>;
  close(): Promise<void>;
}

export interface DbOptions {
  file?: string;
  url?: string;
}

export const BUSY_TIMEOUT_MS = 5000;

/** A write refused by a unique index (better-sqlite3 `SQLITE_CONSTRAINT_UNIQUE`, PostgreSQL
 * SQLSTATE 23505), for callers that turn a lost insert race into "already there". */
export function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === '23505';
}

export function openDatabase(opts: DbOptions): Db {
  return opts.url ? openPostgres(opts.url) : openSqlite(opts.file ?? ':memory:');
}

function openSqlite(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const raw = new Database(file, { timeout: BUSY_TIMEOUT_MS });
  raw.pragma('journal_mode = WAL');
  // better-sqlite3 builds WAL databases at synchronous=NORMAL, which can lose the last commits
  // on power loss (reliability.md §4); case data needs FULL.
  raw.pragma('synchronous = FULL');
  raw.pragma('foreign_keys = ON');
  raw.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // Reads through mmap and a 64 MiB page cache: bbox queries over a city-scale file (0.5 GB) ran
  // 3× faster in bench/bbox.ts than with the 2 MB default cache and read() calls.
  raw.pragma('mmap_size = 1073741824');
  raw.pragma('cache_size = -65536');
  verifySqlite(raw, file);
  registerRingContains(raw);
  return sqliteDb(raw, new Kysely<DB>({ dialect: new SqliteDialect({ database: raw }) }));
}

function sqliteDb(raw: Database.Database, kysely: Kysely<DB>): Db {
  return {
    kysely,
    dialect: 'sqlite',
    // The R*Tree narrows to the team's overall box first, then each row meets the rings (demo address
    // points, one village team: 224 ms → 72 ms).
    inTeamAreas: (table, teamId, mode) => sql<SqlBool>`${sql.ref(`${table}.id`)} in (select r.id from ${sql.table(`${table}_rtree`)} r,
        (select min(min_lng) a, min(min_lat) b, max(max_lng) c, max(max_lat) d from team_area_parts where team_id = ${teamId}) u
        where r.max_lng >= u.a and r.min_lng <= u.c and r.max_lat >= u.b and r.min_lat <= u.d)
      and exists (select 1 from team_area_parts s where s.team_id = ${teamId}
      and ${overlaps(table, mode)} and ${mode === 'point' ? sql`sw_ring_contains(s.ring, ${sql.ref(`${table}.min_lng`)}, ${sql.ref(`${table}.min_lat`)})` : sql`1 = 1`})`,
    transaction: (fn) => kysely.transaction().execute((trx) => fn(sqliteDb(raw, trx))),
    async lockAuditChain() { /* one connection, one transaction at a time */ },
    inBbox: (table, [minLng, minLat, maxLng, maxLat]) =>
      // `id IN (rtree subquery)` lets SQLite look rows up by rowid from the R*Tree hits.
      sql<SqlBool>`${sql.ref(`${table}.id`)} in (select id from ${sql.table(`${table}_rtree`)}
        where max_lng >= ${minLng} and min_lng <= ${maxLng} and max_lat >= ${minLat} and min_lat <= ${maxLat})`,
    async bulkInsert(table, rows) {
      if (rows.length === 0) return;
      const cols = Object.keys(rows[0]);
      const stmt = raw.prepare(`insert into "${table}" (${cols.map((c) => `"${c}"`).join(',')}) values (${cols.map(() => '?').join(',')})`);
      raw.transaction(() => { for (const r of rows) stmt.run(cols.map((c) => r[c] ?? null)); }).immediate();
    },
    async syncIdSequences() { /* SQLite rowids follow max(id) by themselves */ },
    async describe() {
      return {
        dialect: 'sqlite',
        journalMode: String(raw.pragma('journal_mode', { simple: true })),
        synchronous: Number(raw.pragma('synchronous', { simple: true })),
        foreignKeys: Number(raw.pragma('foreign_keys', { simple: true })),
        busyTimeoutMs: Number(raw.pragma('busy_timeout', { simple: true })),
      };
    },
    close: () => kysely.destroy(),
  };
}

function overlaps(table: string, mode: 'point' | 'bbox') {
  const c = (col: string) => sql.ref(`${table}.${col}`);
  return mode === 'point'
    ? sql`s.min_lng <= ${c('min_lng')} and s.max_lng >= ${c('min_lng')} and s.min_lat <= ${c('min_lat')} and s.max_lat >= ${c('min_lat')}`
    : sql`s.min_lng <= ${c('max_lng')} and s.max_lng >= ${c('min_lng')} and s.min_lat <= ${c('max_lat')} and s.max_lat >= ${c('min_lat')}`;
}

/** `sw_ring_contains(rings_json, lng, lat)` for the scope predicate; parsed polygons are cached
 * because one query tests many rows against the same few areas. */
function registerRingContains(raw: Database.Database): void {
  const cache = new Map<string, Ring[]>();
  raw.function('sw_ring_contains', { deterministic: true }, (rings: unknown, lng: unknown, lat: unknown) => {
    if (typeof rings !== 'string' || typeof lng !== 'number' || typeof lat !== 'number') return 0;
    let parsed = cache.get(rings);
    if (!parsed) {
      if (cache.size > 1000) cache.clear();
      parsed = JSON.parse(rings) as Ring[];
      cache.set(rings, parsed);
    }
    return pointInRings(parsed, lng, lat) ? 1 : 0;
  });
}

/** Refuse to run on a database that is not durable and consistent (reliability.md §7.2 F2). */
export function verifySqlite(raw: Database.Database, file: string): void {
  const journal = String(raw.pragma('journal_mode', { simple: true }));
  const problems: string[] = [];
  if (file !== ':memory:' && journal !== 'wal') problems.push(`journal_mode=${journal}, expected wal`);
  if (Number(raw.pragma('synchronous', { simple: true })) !== 2) problems.push('synchronous is not FULL');
  if (Number(raw.pragma('foreign_keys', { simple: true })) !== 1) problems.push('foreign_keys is off');
  if (Number(raw.pragma('busy_timeout', { simple: true })) < BUSY_TIMEOUT_MS) problems.push('busy_timeout too short');
  if (problems.length) {
    raw.close();
    throw new Error(`refusing to start on ${file}: ${problems.join('; ')}`);
  }
}

function openPostgres(url: string): Db {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  return postgresDb(new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }));
}

function postgresDb(kysely: Kysely<DB>): Db {
  return {
    kysely,
    dialect: 'postgres',
    // sw_ring_contains is migration 003's SQL twin of the SQLite function: same points, same teams.
    // The GiST box index narrows to the team's overall box first, then each row meets the rings.
    inTeamAreas: (table, teamId, mode) => sql<SqlBool>`box(point(${sql.ref(`${table}.min_lng`)}, ${sql.ref(`${table}.min_lat`)}), point(${sql.ref(`${table}.max_lng`)}, ${sql.ref(`${table}.max_lat`)}))
        && (select box(point(min(min_lng), min(min_lat)), point(max(max_lng), max(max_lat))) from team_area_parts where team_id = ${teamId})
      and exists (select 1 from team_area_parts s where s.team_id = ${teamId}
      and ${overlaps(table, mode)} and ${mode === 'point'
        ? sql`sw_ring_contains(s.ring, ${sql.ref(`${table}.min_lng`)}, ${sql.ref(`${table}.min_lat`)})`
        : sql`true`})`,
    transaction: (fn) => kysely.transaction().execute((trx) => fn(postgresDb(trx))),
    async lockAuditChain() { await sql`select pg_advisory_xact_lock(730301)`.execute(kysely); },
    // Matches the expression GiST index of migration 001 exactly, so the planner uses it.
    inBbox: (_table, [minLng, minLat, maxLng, maxLat]) =>
      sql<SqlBool>`box(point(min_lng, min_lat), point(max_lng, max_lat)) && box(point(${minLng}, ${minLat}), point(${maxLng}, ${maxLat}))`,
    async bulkInsert(table, rows) {
      if (rows.length === 0) return;
      // PostgreSQL allows 65,535 bind parameters per statement.
      const chunk = Math.max(1, Math.floor(60_000 / Object.keys(rows[0]).length));
      await kysely.transaction().execute(async (trx) => {
        for (let i = 0; i < rows.length; i += chunk) {
          await trx.insertInto(table).values(rows.slice(i, i + chunk) as never).execute();
        }
      });
    },
    async syncIdSequences(tables) {
      for (const t of tables) {
        await sql`select setval(pg_get_serial_sequence(${t}, 'id'), coalesce((select max(id) from ${sql.table(t)}), 0) + 1, false)`.execute(kysely);
      }
    },
    async describe() {
      const r = await sql<{ v: string }>`select version() as v`.execute(kysely);
      return { dialect: 'postgres', version: r.rows[0].v.split(' ').slice(0, 2).join(' ') };
    },
    close: () => kysely.destroy(),
  };
}

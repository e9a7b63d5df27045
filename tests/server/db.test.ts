import Database from 'better-sqlite3';
import { sql } from 'kysely';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, verifySqlite } from '../../server/db/database.ts';
import { SPATIAL_TABLES } from '../../server/db/schema.ts';
import { replaceTeamAreas } from '../../server/db/team-areas.ts';
import { loadRows } from '../../server/db/seed.ts';
import { tinyDistrict } from '../fixtures/tiny-district.ts';
import { DIALECTS } from '../support/dialects.ts';

describe('SQLite start-up checks', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', async () => {
    const db = openDatabase({ file: join(mkdtempSync(join(tmpdir(), 'sw-')), 'a.sqlite') });
    expect(await db.describe()).toMatchObject({ journalMode: 'wal', synchronous: 2, foreignKeys: 1, busyTimeoutMs: 5000 });
    await db.close();
  });
  it.each([
    ['journal_mode = DELETE', /journal_mode=delete, expected wal/],
    ['synchronous = NORMAL', /synchronous is not FULL/],
    ['foreign_keys = OFF', /foreign_keys is off/],
    ['busy_timeout = 100', /busy_timeout too short/],
  ])('refuses to start when %s', (pragma, reason) => {
    const raw = new Database(join(mkdtempSync(join(tmpdir(), 'sw-')), 'b.sqlite'), { timeout: 5000 });
    for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'busy_timeout = 5000', pragma]) raw.pragma(p);
    expect(() => verifySqlite(raw, 'b.sqlite')).toThrow(reason);
  });
});

describe.each(DIALECTS)('schema and spatial index on $name', (dialect) => {
  it('migrates every table, loads the fixture and enforces foreign keys', async () => {
    const db = await dialect.open();
    const counts = await loadRows(db, tinyDistrict());
    expect(counts).toMatchObject({ admin_units: 4, persons: 4, quarantine_rooms: 3, control_zone_versions: 2 });
    await expect(db.kysely.insertInto('grids').values({ code: 'x', name: 'x', admin_unit_id: 999, population: 0, households: 0, synthetic: 0,
      geometry: '{}', min_lng: 0, min_lat: 0, max_lng: 0, max_lat: 0 }).execute()).rejects.toThrow();
    // ids keep counting after explicit-id bulk loads
    const r = await db.kysely.insertInto('teams').values({ name: '一组', kind: 'field' }).returning('id').executeTakeFirstOrThrow();
    expect(r.id).toBe(3);
    await db.close();
  });

  it('picks the rows inside a team\'s areas in SQL, the same on both dialects', async () => {
    const db = await dialect.open();
    await loadRows(db, tinyDistrict());
    const inTeam = async (teamId: number, table: 'persons' | 'testing_sites' | 'checkpoints') =>
      (await db.kysely.selectFrom(table).select('id').where(db.inTeamAreas(table, teamId, 'point')).orderBy('id').execute()).map((x) => x.id);
    expect(await inTeam(1, 'persons')).toEqual([1, 4]);
    expect(await inTeam(2, 'persons')).toEqual([2, 3]);
    expect(await inTeam(1, 'testing_sites')).toEqual([2]);
    expect(await inTeam(2, 'checkpoints')).toEqual([]);
    expect(await inTeam(99, 'persons')).toEqual([]);
    // A drawn area with a hole around person 1: the hole is outside the team's area.
    const hole = [[114.119, 36.419], [114.1205, 36.419], [114.1205, 36.4205], [114.119, 36.4205], [114.119, 36.419]];
    await db.transaction((tx) => replaceTeamAreas(tx, 1, [{ geometry: { type: 'Polygon',
      coordinates: [[[114.1, 36.4], [114.2, 36.4], [114.2, 36.5], [114.1, 36.5], [114.1, 36.4]], hole] } }]));
    expect(await inTeam(1, 'persons')).toEqual([4]);
    const zones = await db.kysely.selectFrom('control_zone_versions').select('id').where(db.inTeamAreas('control_zone_versions', 2, 'bbox')).execute();
    expect(zones.map((z) => z.id)).toContain(2); // the sealed zone covers both villages
    await db.close();
  });

  it('answers bbox queries through the spatial index', async () => {
    const db = await dialect.open();
    await loadRows(db, tinyDistrict());
    const q = db.kysely.selectFrom('persons').select('id').where(db.inBbox('persons', [114.11, 36.41, 114.13, 36.43])).orderBy('id');
    expect((await q.execute()).map((x) => x.id)).toEqual([1, 4]);
    const compiled = q.compile();
    if (dialect.name === 'sqlite') {
      const plan = await sql.raw<{ detail: string }>(`explain query plan ${compiled.sql.replace(/\?/g, '0')}`).execute(db.kysely);
      expect(plan.rows.map((p) => p.detail).join('\n')).toMatch(/persons_rtree VIRTUAL TABLE INDEX/);
      for (const t of SPATIAL_TABLES) {
        const rt = await sql.raw(`select count(*) as n from ${t}_rtree`).execute(db.kysely);
        const base = await sql.raw(`select count(*) as n from ${t}`).execute(db.kysely);
        expect(rt.rows).toEqual(base.rows);
      }
    } else {
      await db.kysely.transaction().execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        let text = compiled.sql;
        compiled.parameters.forEach((p, i) => { text = text.replace(`$${i + 1}`, String(p)); });
        const plan = await sql.raw<{ 'QUERY PLAN': string }>(`explain ${text}`).execute(trx);
        expect(plan.rows.map((p) => p['QUERY PLAN']).join('\n')).toMatch(/persons_bbox_gist/);
      });
    }
    await db.close();
  });
});

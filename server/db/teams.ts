// Query functions for teams: the list with member counts and area summaries (no geometry; the
// map asks GET /teams/{id}/areas for that), a new team, and the stored area inputs that the
// audit log keeps before and after a replacement. One row mapper per shape.
import type { Polygon } from 'geojson';
import { sql } from 'kysely';
import type { TeamKind } from '../../domain/schemas/accounts.ts';
import type { Db } from './database.ts';
import type { AreaFeature, AreaInput } from './team-areas.ts';

export interface Area { id: number; kind: AreaFeature['kind']; adminUnitId: number | null; gridId: number | null; name: string }
export interface Team { id: number; name: string; kind: TeamKind; memberCount: number; areas: Area[] }

type AreaRow = { id: number; team_id: number; admin_unit_id: number | null; grid_id: number | null; drawn: number | string;
  level: string | null; unit_name: string | null; grid_name: string | null };

// The same kind and name rules as team-areas.ts `teamAreas`, which the map's areas come from.
const toArea = (r: AreaRow): Area => {
  const drawn = Number(r.drawn) === 1;
  return {
    id: r.id, adminUnitId: r.admin_unit_id, gridId: r.grid_id,
    kind: drawn ? 'drawn' : r.grid_id ? 'grid' : (r.level as Area['kind']),
    name: drawn ? `#${r.id}` : (r.grid_name ?? r.unit_name ?? ''),
  };
};

/** Every team, or only `teamId` (scope `own`), by id. Member counts leave disabled accounts out. */
export async function listTeams(db: Db, teamId?: number): Promise<Team[]> {
  let q = db.kysely.selectFrom('teams').select(['teams.id', 'teams.name', 'teams.kind',
    sql<number | string>`(select count(*) from users u where u.team_id = teams.id and u.disabled = 0)`.as('members')]);
  if (teamId !== undefined) q = q.where('teams.id', '=', teamId);
  const teams = await q.orderBy('teams.id').execute();
  if (!teams.length) return [];
  let a = db.kysely.selectFrom('team_areas')
    .leftJoin('admin_units', 'admin_units.id', 'team_areas.admin_unit_id')
    .leftJoin('grids', 'grids.id', 'team_areas.grid_id')
    .select(['team_areas.id', 'team_areas.team_id', 'team_areas.admin_unit_id', 'team_areas.grid_id',
      sql<number>`case when team_areas.geometry is null then 0 else 1 end`.as('drawn'),
      'admin_units.level', 'admin_units.name as unit_name', 'grids.name as grid_name']);
  if (teamId !== undefined) a = a.where('team_areas.team_id', '=', teamId);
  const byTeam = new Map<number, Area[]>();
  for (const r of (await a.orderBy('team_areas.id').execute()) as AreaRow[]) {
    byTeam.set(r.team_id, [...(byTeam.get(r.team_id) ?? []), toArea(r)]);
  }
  return teams.map((t) => ({ id: t.id, name: t.name, kind: t.kind, memberCount: Number(t.members), areas: byTeam.get(t.id) ?? [] }));
}

export async function getTeam(db: Db, id: number): Promise<Team | undefined> {
  return (await listTeams(db, id))[0];
}

export async function teamExists(db: Db, id: number): Promise<boolean> {
  return (await db.kysely.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findTeamByName(db: Db, name: string): Promise<number | undefined> {
  return (await db.kysely.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst())?.id;
}

export async function insertTeam(db: Db, t: { name: string; kind: TeamKind }): Promise<number> {
  return (await db.kysely.insertInto('teams').values(t).returning('id').executeTakeFirstOrThrow()).id;
}

/** The ids among `ids` that have no row in `table` (an area naming a unit or grid that is not there). */
export async function missingIds(db: Db, table: 'admin_units' | 'grids', ids: number[]): Promise<number[]> {
  if (!ids.length) return [];
  const found = new Set((await db.kysely.selectFrom(table).select('id').where('id', 'in', ids).execute()).map((r) => r.id));
  return [...new Set(ids)].filter((id) => !found.has(id));
}

/** The team's areas as they were given (unit, grid or drawn polygon): what the audit records. */
export async function storedAreas(db: Db, teamId: number): Promise<AreaInput[]> {
  const rows = await db.kysely.selectFrom('team_areas').select(['admin_unit_id', 'grid_id', 'geometry'])
    .where('team_id', '=', teamId).orderBy('id').execute();
  return rows.map((r): AreaInput => (r.geometry ? { geometry: JSON.parse(r.geometry) as Polygon }
    : r.grid_id ? { gridId: r.grid_id } : { adminUnitId: r.admin_unit_id! }));
}

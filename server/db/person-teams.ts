// Who answers for each step of a person's loop (issue 5 item 2: "a responsible team" per step):
// the team of the step's kind (domain/loop/teams.ts STEP_TEAM_KIND: tracing, transfer, sampling,
// field) whose area holds the person's home. Where several do (a township's field team and the
// village grid team inside it), the smallest area wins: the team nearest the person, which is
// also the one whose members the person is in scope for. A kind with no team there falls back to
// the command team (the district headquarters answers for what nobody else covers), else none.
import { sql } from 'kysely';
import { STEP_TEAM_KIND } from '../../domain/loop/teams.ts';
import type { LoopStepName, TeamKind } from '../../domain/loop/types.ts';
import { pointInRings, type Ring } from '../../domain/geometry/point-in-ring.ts';
import type { Db } from './database.ts';

type Part = { teamId: number; kind: TeamKind; rings: Ring[]; ring: number; box: [number, number, number, number]; area: number };

const KINDS = ['field', 'tracing', 'transfer', 'sampling'] as const;
/** Parts per kind, smallest area first (ties keep team, then part order), so the first part that
 * holds a point is that kind's answer. `ring` numbers distinct ring texts: the tracing, transfer
 * and sampling teams of a township share its outline, which is then tested once per point. */
type Teams = { byKind: Record<(typeof KINDS)[number], Part[]>; command: number | null };
/** Parsed rings per Db (an importer's transaction plans thousands of loops on one), checked
 * against a signature: parts are rebuilt with new ids whenever a team's areas change. */
const cache = new WeakMap<object, { sig: string; teams: Teams }>();

/** Every team's scope rings (team_area_parts): a district has tens of teams. */
async function teamParts(db: Db): Promise<Teams> {
  const s = await sql<{ a: unknown; b: unknown; c: unknown; d: unknown }>`select (select count(*) from team_area_parts) as a,
    (select max(id) from team_area_parts) as b, (select count(*) from teams) as c, (select max(id) from teams) as d`.execute(db.kysely);
  const sig = Object.values(s.rows[0]).map(String).join(':');
  const hit = cache.get(db.kysely);
  if (hit?.sig === sig) return hit.teams;
  const rows = await db.kysely.selectFrom('team_area_parts').innerJoin('teams', 'teams.id', 'team_area_parts.team_id')
    .select(['team_area_parts.team_id', 'teams.kind', 'team_area_parts.ring', 'team_area_parts.min_lng', 'team_area_parts.min_lat',
      'team_area_parts.max_lng', 'team_area_parts.max_lat'])
    .orderBy('team_area_parts.team_id').orderBy('team_area_parts.id').execute();
  const command = await db.kysely.selectFrom('teams').select('id').where('kind', '=', 'command').orderBy('id').executeTakeFirst();
  const rings = new Map<string, { n: number; rings: Ring[] }>();
  const parts = rows.map((r): Part => {
    let ring = rings.get(r.ring);
    if (!ring) rings.set(r.ring, (ring = { n: rings.size, rings: JSON.parse(r.ring) as Ring[] }));
    return { teamId: r.team_id, kind: r.kind, rings: ring.rings, ring: ring.n, box: [r.min_lng, r.min_lat, r.max_lng, r.max_lat],
      area: (r.max_lng - r.min_lng) * (r.max_lat - r.min_lat) };
  });
  const of = (kind: TeamKind) => parts.filter((p) => p.kind === kind).sort((a, b) => a.area - b.area); // stable: ties keep their order
  const teams: Teams = { command: command?.id ?? null,
    byKind: { field: of('field'), tracing: of('tracing'), transfer: of('transfer'), sampling: of('sampling') } };
  cache.set(db.kysely, { sig, teams });
  return teams;
}

export type TeamsByKind = Record<TeamKind, number | null>;

function resolve({ byKind, command }: Teams, lng: number, lat: number): TeamsByKind {
  const inside = new Map<number, boolean>();
  const holds = (p: Part) => {
    if (lng < p.box[0] || lng > p.box[2] || lat < p.box[1] || lat > p.box[3]) return false;
    let hit = inside.get(p.ring);
    if (hit === undefined) inside.set(p.ring, (hit = pointInRings(p.rings, lng, lat)));
    return hit;
  };
  const pick = (kind: (typeof KINDS)[number]) => byKind[kind].find(holds)?.teamId ?? command;
  return { field: pick('field'), tracing: pick('tracing'), transfer: pick('transfer'), sampling: pick('sampling'), command };
}

/** The responsible team of each kind for a person at `point` (WGS-84 [lng, lat]). */
export async function teamsAt(db: Db, point: readonly [number, number]): Promise<TeamsByKind> {
  return resolve(await teamParts(db), point[0], point[1]);
}

/** teamsAt for many persons (the importer's commit): the areas are read and checked once, then
 * every point is resolved in memory; persons at the same point (a household, one door) share
 * the answer. Use within one transaction: team areas do not change under it. */
export async function teamsResolver(db: Db): Promise<(point: readonly [number, number]) => TeamsByKind> {
  const teams = await teamParts(db);
  const memo = new Map<string, TeamsByKind>();
  return ([lng, lat]) => {
    const key = `${lng},${lat}`;
    let hit = memo.get(key);
    if (!hit) memo.set(key, (hit = resolve(teams, lng, lat)));
    return hit;
  };
}

/** The team that answers for `step` of a person whose teams are `teams`. */
export const teamForStep = (teams: TeamsByKind, step: LoopStepName): number | null => teams[STEP_TEAM_KIND[step]];

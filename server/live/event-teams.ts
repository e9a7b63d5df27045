// Which teams' `own` scope a change touches, computed the way reads scope rows, so a field
// member's stream carries exactly the events of what their own reads would return:
// - point rows (persons' homes, checkpoints, sites, resources): teams whose area parts hold the
//   point (db.inTeamAreas 'point' mode: the same even–odd ring test);
// - zones: the zone version's zone_version_teams rows (exact polygon overlap, rebuilt on write);
// - tasks: the team they are assigned to, no area test (task-changes.ts);
// - a person's loop: its steps' teams alone (not the home's area); the person's record (registry,
//   file, chains, layers): the home's area teams alone (not the steps').
import { pointInRings, type Ring } from '../../domain/geometry/point-in-ring.ts';
import type { Db } from '../db/database.ts';

type Part = { teamId: number; rings: Ring[]; box: [number, number, number, number] };

async function parts(db: Db): Promise<Part[]> {
  const rows = await db.kysely.selectFrom('team_area_parts')
    .select(['team_id', 'ring', 'min_lng', 'min_lat', 'max_lng', 'max_lat']).execute();
  return rows.map((r) => ({ teamId: r.team_id, rings: JSON.parse(r.ring) as Ring[], box: [r.min_lng, r.min_lat, r.max_lng, r.max_lat] }));
}

/** Teams whose areas hold any of `points` (WGS-84 [lng, lat]). Reads the parts once per call
 * (a district has tens of teams), so pass all points of one write together. */
export async function teamsAtPoints(db: Db, points: readonly (readonly [number, number])[]): Promise<number[]> {
  if (!points.length) return [];
  const all = await parts(db);
  const out = new Set<number>();
  for (const p of all) {
    if (out.has(p.teamId)) continue;
    const [a, b, c, d] = p.box;
    if (points.some(([lng, lat]) => lng >= a && lng <= c && lat >= b && lat <= d && pointInRings(p.rings, lng, lat))) out.add(p.teamId);
  }
  return [...out];
}

/** Teams that see these zone versions (zone_version_teams; call after the versions' teams are rebuilt). */
export async function teamsOfZoneVersions(db: Db, versionIds: readonly number[]): Promise<number[]> {
  if (!versionIds.length) return [];
  const rows = await db.kysely.selectFrom('zone_version_teams').select('team_id').distinct()
    .where('zone_version_id', 'in', [...versionIds]).execute();
  return rows.map((r) => r.team_id);
}

/** Teams whose areas hold these persons' homes: the readers of their registry rows, files, chains
 * and layer points (people-registry.ts, chains.ts, db/layers.ts scope persons by home point). */
export async function teamsOfHomes(db: Db, personIds: readonly number[]): Promise<number[]> {
  if (!personIds.length) return [];
  const homes = await db.kysely.selectFrom('persons').select(['min_lng', 'min_lat']).where('id', 'in', [...new Set(personIds)]).execute();
  return teamsAtPoints(db, homes.map((h) => [h.min_lng, h.min_lat] as const));
}

/** Teams any of these persons' loop steps is assigned to: the readers of their loops (the board
 * shows a person to the current step's team, the KPIs to every step's; steps keep their team). */
export async function teamsOfSteps(db: Db, personIds: readonly number[]): Promise<number[]> {
  if (!personIds.length) return [];
  const steps = await db.kysely.selectFrom('loop_steps').select('team_id').distinct()
    .where('person_id', 'in', [...new Set(personIds)]).where('team_id', 'is not', null).execute();
  return steps.map((s) => s.team_id as number);
}

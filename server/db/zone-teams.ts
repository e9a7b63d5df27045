// zone_version_teams: which teams' areas each zone version's polygon meets, tested exactly
// (domain/zones/zone-geometry.ts polygonsIntersect), not by bbox — a zone that only shares a
// bounding box with a team's village must not appear on that team's phones. Written with each
// version in the same transaction, and rebuilt when team areas change (team-areas.ts) and after
// a bulk load, so the scope never disagrees with the areas.
import type { MultiPolygon, Polygon } from 'geojson';
import { polygonsIntersect } from '../../domain/zones/zone-geometry.ts';
import type { Db } from './database.ts';

type Box = { min_lng: number; min_lat: number; max_lng: number; max_lat: number };
interface Part extends Box { teamId: number; polygon: Polygon }
interface Version extends Box { id: number; geometry: Polygon | MultiPolygon }

const boxesMeet = (a: Box, b: Box) => a.min_lng <= b.max_lng && b.min_lng <= a.max_lng && a.min_lat <= b.max_lat && b.min_lat <= a.max_lat;

async function parts(tx: Db, teamIds: number[] | null): Promise<Part[]> {
  let q = tx.kysely.selectFrom('team_area_parts').select(['team_id', 'ring', 'min_lng', 'min_lat', 'max_lng', 'max_lat']);
  if (teamIds) q = teamIds.length ? q.where('team_id', 'in', teamIds) : q.where('team_id', '=', -1);
  return (await q.orderBy('id').execute()).map((r) => ({ teamId: r.team_id, polygon: { type: 'Polygon', coordinates: JSON.parse(r.ring) },
    min_lng: r.min_lng, min_lat: r.min_lat, max_lng: r.max_lng, max_lat: r.max_lat }));
}

/** The teams among `ps` whose area meets the version's polygon. */
function teamsMeeting(v: Version, ps: Part[]): number[] {
  const teams = new Set<number>();
  for (const p of ps) {
    if (teams.has(p.teamId) || !boxesMeet(v, p)) continue;
    if (polygonsIntersect(v.geometry, p.polygon)) teams.add(p.teamId);
  }
  return [...teams].sort((a, b) => a - b);
}

async function insertRows(tx: Db, rows: { zone_version_id: number; team_id: number }[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 5000) await tx.kysely.insertInto('zone_version_teams').values(rows.slice(i, i + 5000)).execute();
}

/** A new version's teams. Call inside the transaction that inserts the version. */
export async function writeVersionTeams(tx: Db, versionId: number, geometry: Polygon | MultiPolygon, bbox: [number, number, number, number]): Promise<number[]> {
  const [min_lng, min_lat, max_lng, max_lat] = bbox;
  const teams = teamsMeeting({ id: versionId, geometry, min_lng, min_lat, max_lng, max_lat }, await parts(tx, null));
  await tx.kysely.deleteFrom('zone_version_teams').where('zone_version_id', '=', versionId).execute();
  await insertRows(tx, teams.map((team_id) => ({ zone_version_id: versionId, team_id })));
  return teams;
}

/** Recomputes the rows of the given teams (null: every team) over every version, history
 * included (the as-of replay of a field member's map uses them). Call inside a transaction. */
export async function rebuildZoneTeams(tx: Db, teamIds: number[] | null): Promise<void> {
  let del = tx.kysely.deleteFrom('zone_version_teams');
  if (teamIds) del = teamIds.length ? del.where('team_id', 'in', teamIds) : del.where('team_id', '=', -1);
  await del.execute();
  const ps = await parts(tx, teamIds);
  if (!ps.length) return;
  const rows: { zone_version_id: number; team_id: number }[] = [];
  let afterId = 0;
  // Versions in pages: district-wide polygons are large, so not all of them at once.
  for (;;) {
    const vs = await tx.kysely.selectFrom('control_zone_versions').select(['id', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
      .where('id', '>', afterId).orderBy('id').limit(200).execute();
    for (const v of vs) {
      const version: Version = { ...v, geometry: JSON.parse(v.geometry) };
      for (const team_id of teamsMeeting(version, ps)) rows.push({ zone_version_id: v.id, team_id });
    }
    if (vs.length < 200) break;
    afterId = vs[vs.length - 1].id;
  }
  await insertRows(tx, rows);
}

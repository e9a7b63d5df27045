// A team's areas (villages/townships by admin unit, grids, or drawn polygons) and the rings the
// scope predicate tests against (team_area_parts). Parts are rebuilt whenever areas change, in
// the same transaction, so scope and areas never disagree; so are the team's zone versions
// (zone_version_teams, the zones a field member sees).
import type { Geometry, Polygon, MultiPolygon } from 'geojson';
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import { polygonsOf } from '../../domain/geometry/point-in-ring.ts';
import type { Db } from './database.ts';
import { rebuildZoneTeams } from './zone-teams.ts';

export type AreaInput = { adminUnitId: number } | { gridId: number } | { geometry: Polygon };

export interface AreaFeature {
  id: number; kind: 'district' | 'township' | 'village' | 'grid' | 'drawn'; name: string;
  adminUnitId: number | null; gridId: number | null; geometry: Polygon | MultiPolygon;
}

/** The team's areas with their geometry (an area whose unit or grid is gone is skipped). */
export async function teamAreas(db: Db, teamId: number): Promise<AreaFeature[]> {
  const rows = await db.kysely.selectFrom('team_areas')
    .leftJoin('admin_units', 'admin_units.id', 'team_areas.admin_unit_id')
    .leftJoin('grids', 'grids.id', 'team_areas.grid_id')
    .select(['team_areas.id', 'team_areas.admin_unit_id', 'team_areas.grid_id', 'team_areas.geometry as drawn',
      'admin_units.level', 'admin_units.name as unit_name', 'admin_units.geometry as unit_geometry',
      'grids.name as grid_name', 'grids.geometry as grid_geometry'])
    .where('team_areas.team_id', '=', teamId).orderBy('team_areas.id').execute();
  return rows.flatMap((r) => {
    const text = r.drawn ?? r.grid_geometry ?? r.unit_geometry;
    if (!text) return [];
    const kind = r.drawn ? 'drawn' : r.grid_id ? 'grid' : (r.level as AreaFeature['kind']);
    const name = r.drawn ? `#${r.id}` : (r.grid_name ?? r.unit_name ?? '');
    return [{ id: r.id, kind, name, adminUnitId: r.admin_unit_id, gridId: r.grid_id, geometry: JSON.parse(text) as Polygon | MultiPolygon }];
  });
}

/** Recomputes the scope polygons of one team from its areas (and, unless the caller does it for
 * all teams at once, the team's zone versions). Call inside a transaction. */
export async function rebuildTeamAreaParts(tx: Db, teamId: number, zoneTeams = true): Promise<number> {
  await tx.kysely.deleteFrom('team_area_parts').where('team_id', '=', teamId).execute();
  const parts = (await teamAreas(tx, teamId)).flatMap((a) => polygonsOf(a.geometry as Geometry as { type: string; coordinates: unknown }).map((rings) => {
    const [minLng, minLat, maxLng, maxLat] = geometryBbox({ type: 'Polygon', coordinates: [rings[0] as [number, number][]] });
    return { team_id: teamId, team_area_id: a.id, ring: JSON.stringify(rings), min_lng: minLng, min_lat: minLat, max_lng: maxLng, max_lat: maxLat };
  }));
  if (parts.length) await tx.kysely.insertInto('team_area_parts').values(parts).execute();
  if (zoneTeams) await rebuildZoneTeams(tx, [teamId]);
  return parts.length;
}

/** Replaces a team's areas and its scope rings, all or nothing (geometry already validated). */
export async function replaceTeamAreas(tx: Db, teamId: number, areas: AreaInput[]): Promise<void> {
  await tx.kysely.deleteFrom('team_areas').where('team_id', '=', teamId).execute();
  if (areas.length) {
    await tx.kysely.insertInto('team_areas').values(areas.map((a) => ({
      team_id: teamId,
      admin_unit_id: 'adminUnitId' in a ? a.adminUnitId : null,
      grid_id: 'gridId' in a ? a.gridId : null,
      geometry: 'geometry' in a ? JSON.stringify(a.geometry) : null,
    }))).execute();
  }
  await rebuildTeamAreaParts(tx, teamId);
}

/** After a bulk load (demo seed, import): scope rings for every team. */
export async function rebuildAllTeamAreaParts(db: Db): Promise<void> {
  const teams = await db.kysely.selectFrom('teams').select('id').execute();
  await db.transaction(async (tx) => {
    for (const t of teams) await rebuildTeamAreaParts(tx, t.id, false);
    await rebuildZoneTeams(tx, null);
  });
}

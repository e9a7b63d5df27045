// The static inputs of the coverage analyses (issue 8), read once per database and kept: the road
// graph (domain/routing/graph.ts), every household summed per address point (lng, lat, residents,
// households, village, grid) and the area units the sums are reported by. The demo's 21,694 roads
// and 161,454 households load in about a second; every later question reuses them. The road
// import (server/routes/roads.ts) calls `forgetCoverageSource` after it changed the roads.
// Facilities, zones and cases change all day and are read per request (facilities.ts, sealed.ts).
import type { LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import type { AreaUnit } from '../../domain/coverage/coverage-input.ts';
import { buildRoadGraph } from '../../domain/routing/graph.ts';
import type { RoadGraph, RoadInput } from '../../domain/routing/types.ts';
import { bandPolygon, type BandedPolygon } from '../../domain/zones/polygon-bands.ts';
import type { Db } from '../db/database.ts';
import { PAGE, paged, perDatabase } from '../db/derived-cache.ts';

/** One entry per address point with households (index i in every array). */
export interface HouseholdPoints {
  count: number;
  lng: Float64Array; lat: Float64Array;
  /** lng0, lat0, lng1, … (what snapPoints takes). */
  lngLat: Float64Array;
  residents: Int32Array; households: Int32Array;
  village: Int32Array; grid: Int32Array; // -1: none
}

export interface CoverageSource {
  graph: RoadGraph;
  points: HouseholdPoints;
  units: AreaUnit[];
  /** Townships with their outline, for the capacity rows (facilities inside). */
  townships: { id: number; name: string; polygon: BandedPolygon }[];
}

export async function loadRoads(db: Db): Promise<RoadInput[]> {
  const roads: RoadInput[] = [];
  await paged((after) => db.kysely.selectFrom('roads').select(['id', 'class', 'oneway', 'geometry'])
    .where('id', '>', after).orderBy('id').limit(PAGE).execute(),
  (r) => {
    const g = JSON.parse(r.geometry) as LineString | MultiLineString;
    const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
    for (const line of lines) {
      if (line.length >= 2) roads.push({ id: r.id, roadClass: r.class, oneway: Number(r.oneway) === 1, coordinates: line as [number, number][] });
    }
  });
  return roads;
}

/** Households summed per address point: a point is where people start walking, and a block of
 * flats (one point, many households) is then snapped once. */
async function loadPoints(db: Db): Promise<HouseholdPoints> {
  const slot = new Map<number, number>();
  const lng: number[] = [], lat: number[] = [], residents: number[] = [], households: number[] = [], village: number[] = [], grid: number[] = [];
  await paged((after) => db.kysely.selectFrom('households').innerJoin('address_points as a', 'a.id', 'households.address_point_id')
    .select(['households.id', 'households.residents', 'households.address_point_id', 'a.min_lng', 'a.min_lat', 'a.admin_unit_id', 'a.grid_id'])
    .where('households.id', '>', after).orderBy('households.id').limit(PAGE).execute(),
  (r) => {
    let i = slot.get(r.address_point_id);
    if (i === undefined) {
      i = lng.length;
      slot.set(r.address_point_id, i);
      lng.push(r.min_lng); lat.push(r.min_lat); residents.push(0); households.push(0);
      village.push(r.admin_unit_id ?? -1); grid.push(r.grid_id ?? -1);
    }
    residents[i] += Number(r.residents); households[i] += 1;
  });
  const lngLat = new Float64Array(lng.length * 2);
  lng.forEach((x, i) => { lngLat[2 * i] = x; lngLat[2 * i + 1] = lat[i]; });
  return { count: lng.length, lng: Float64Array.from(lng), lat: Float64Array.from(lat), lngLat,
    residents: Int32Array.from(residents), households: Int32Array.from(households), village: Int32Array.from(village), grid: Int32Array.from(grid) };
}

async function loadUnits(db: Db): Promise<Pick<CoverageSource, 'units' | 'townships'>> {
  const admin = await db.kysely.selectFrom('admin_units').select(['id', 'code', 'name', 'level', 'parent_id', 'geometry']).orderBy('id').execute();
  const grids = await db.kysely.selectFrom('grids').select(['id', 'code', 'name', 'admin_unit_id']).orderBy('id').execute();
  const units: AreaUnit[] = [
    ...admin.map((u): AreaUnit => ({ level: u.level, id: u.id, code: u.code, name: u.name, parentId: u.parent_id })),
    ...grids.map((g): AreaUnit => ({ level: 'grid', id: g.id, code: g.code, name: g.name, parentId: g.admin_unit_id })),
  ];
  const townships = admin.filter((u) => u.level === 'township')
    .map((u) => ({ id: u.id, name: u.name, polygon: bandPolygon(JSON.parse(u.geometry) as Polygon | MultiPolygon) }));
  return { units, townships };
}

async function loadSource(db: Db): Promise<CoverageSource> {
  const [roads, points, units] = await Promise.all([loadRoads(db), loadPoints(db), loadUnits(db)]);
  return { graph: buildRoadGraph(roads), points, ...units };
}

const sources = perDatabase(loadSource);
const forgetHooks: ((db: Db) => void)[] = [];

/** The source of this database, loaded on first use (a failed load is retried next time). */
export const coverageSourceOf = (db: Db): Promise<CoverageSource> => sources.get(db);

/** Drops the source and everything computed from it (after the road import or a layer reload). */
export function forgetCoverageSource(db: Db): void {
  sources.forget(db);
  for (const hook of forgetHooks) hook(db);
}

/** Lets the caches built on the source (service.ts) drop their entries with it. */
export function onForgetSource(hook: (db: Db) => void): void { forgetHooks.push(hook); }

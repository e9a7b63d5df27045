// The areas the daily analyses count cases in, read once per database and kept (admin units and
// grids change only with a new seed): the villages/communities (the scan's locations, EARS's
// units, summed by township too) from server/db/admin-areas.ts, and the 网格 grids (the `grids` table, not an admin_units
// level) for Gi*, each with a centre and a band-distance neighbour list. Centres are area-weighted
// centroids of the largest outer ring (shoelace formula in plain degrees: at village scale, a few
// km, the planar error is metres, far below the 1.5 km band and the scan's radii).
import type { Polygon } from 'geojson';
import { distanceBandNeighbours, HOTSPOT_DEFAULTS } from '../../domain/hotspots/gi-star.ts';
import { areaAt, polygonsOf, type PolygonArea, type Ring } from '../../domain/geometry/point-in-ring.ts';
import { adminAreas } from '../db/admin-areas.ts';
import type { Db } from '../db/database.ts';
import { perDatabase } from '../db/derived-cache.ts';

export interface Located extends PolygonArea { id: number; name: string; centre: [number, number] }
/** A village with its township (admin_units.parent_id), for the township sums of syndromic counts. */
export interface Village extends Located { townshipId: number | null }
export interface Grid extends Located { adminUnitId: number; geometry: Polygon }
export interface Grids { cells: Grid[]; neighbours: number[][]; bandMeters: number }

/** Signed area (degrees²) and centroid of a closed ring. */
function ringCentroid(ring: Ring): { area: number; x: number; y: number } {
  let a = 0, x = 0, y = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i], [xj, yj] = ring[j];
    const cross = xj * yi - xi * yj;
    a += cross; x += (xj + xi) * cross; y += (yj + yi) * cross;
  }
  return { area: a / 2, x: a ? x / (3 * a) : ring[0][0], y: a ? y / (3 * a) : ring[0][1] };
}

/** The polygon with the largest outer ring, and that ring's centroid. */
function largest(polygons: readonly (readonly Ring[])[]): { rings: readonly Ring[]; centre: [number, number] } {
  let best = { rings: polygons[0], area: -1, centre: [0, 0] as [number, number] };
  for (const rings of polygons) {
    const c = ringCentroid(rings[0]);
    if (Math.abs(c.area) > best.area) best = { rings, area: Math.abs(c.area), centre: [c.x, c.y] };
  }
  return best;
}

const villageIndex = perDatabase(async (db): Promise<{ villages: Village[]; townships: Map<number, string> }> => {
  const areas = await adminAreas(db);
  const parents = await db.kysely.selectFrom('admin_units').select(['id', 'parent_id']).where('level', '=', 'village').execute();
  const parentOf = new Map(parents.map((r) => [r.id, r.parent_id]));
  const villages = areas.villages.filter((v) => v.polygons.length)
    .map((v): Village => ({ id: v.id, name: v.name, bbox: v.bbox, polygons: v.polygons, centre: largest(v.polygons).centre, townshipId: parentOf.get(v.id) ?? null }));
  return { villages, townships: new Map(areas.townships.map((t) => [t.id, t.name])) };
});

const gridIndex = perDatabase(async (db): Promise<Grids> => {
  const rows = await db.kysely.selectFrom('grids').select(['id', 'name', 'admin_unit_id', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .orderBy('id').execute();
  const cells = rows.flatMap((r): Grid[] => {
    const polygons = polygonsOf(JSON.parse(r.geometry) as { type: string; coordinates: unknown });
    if (!polygons.length) return [];
    const { rings, centre } = largest(polygons);
    return [{ id: r.id, name: r.name, adminUnitId: r.admin_unit_id, bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat], polygons, centre,
      geometry: { type: 'Polygon', coordinates: rings.map((ring) => ring.map(([x, y]) => [x, y])) } }];
  });
  const bandMeters = HOTSPOT_DEFAULTS.bandMeters;
  return { cells, bandMeters, neighbours: distanceBandNeighbours(cells.map((c) => c.centre), bandMeters) };
});

/** Villages and communities with their centres and townships (by id), and the townships' names. */
export const districtUnits = (db: Db): Promise<{ villages: Village[]; townships: Map<number, string> }> => villageIndex.get(db);
/** Grids with their polygons, centres and neighbours within HOTSPOT_DEFAULTS.bandMeters. */
export const grids = (db: Db): Promise<Grids> => gridIndex.get(db);

/** For each point the index of the area holding it, −1 outside every one (a gap in the gazetteer). */
export function assign<A extends PolygonArea>(areas: readonly A[], points: readonly { lng: number; lat: number }[]): Int32Array {
  const at = new Map(areas.map((a, i) => [a, i]));
  const out = new Int32Array(points.length);
  points.forEach((p, k) => { const a = areaAt(areas, p.lng, p.lat); out[k] = a ? at.get(a)! : -1; });
  return out;
}

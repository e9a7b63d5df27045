// Point in polygon by ray casting (even–odd rule) over all of a polygon's rings, so holes are
// outside, in plain lng/lat degrees: at team-area scale (a few km) the planar test agrees with
// the spherical one to well under a metre. Written here instead of turf's booleanPointInPolygon
// because the server calls it once per candidate row inside SQLite queries, where building
// GeoJSON objects per call would dominate. Migration 003 is its SQL twin for PostgreSQL.

export type Ring = readonly (readonly [number, number])[];

/** True when [lng, lat] is inside the polygon given by its closed rings (outer first, then
 * holes). Boundary points may fall either way, but the same way on both dialects. */
export function pointInRings(rings: readonly Ring[], lng: number, lat: number): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i];
      const [xj, yj] = ring[j];
      if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

/** The polygons of a Polygon or MultiPolygon, each as its rings. */
export function polygonsOf(geometry: { type: string; coordinates: unknown }): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates as Ring[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates as Ring[][];
  return [];
}

/** A polygon area (an admin unit) with its bbox, for areaAt. */
export interface PolygonArea { bbox: readonly [number, number, number, number]; polygons: readonly (readonly Ring[])[] }

/** The first of `areas` holding [lng, lat] (the bbox first, then the rings), or null. */
export function areaAt<A extends PolygonArea>(areas: readonly A[], lng: number, lat: number): A | null {
  for (const a of areas) {
    const [x0, y0, x1, y1] = a.bbox;
    if (lng < x0 || lng > x1 || lat < y0 || lat > y1) continue;
    if (a.polygons.some((rings) => pointInRings(rings, lng, lat))) return a;
  }
  return null;
}

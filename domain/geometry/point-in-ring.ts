// Point in a closed ring by ray casting (even–odd rule), in plain lng/lat degrees: at team-area
// scale (a few km) the planar test agrees with the spherical one to well under a metre. Written
// here instead of turf's booleanPointInPolygon because the server calls it once per candidate
// row inside SQLite queries, where building GeoJSON objects per call would dominate.

export type Ring = readonly (readonly [number, number])[];

/** True when [lng, lat] is inside `ring` (closed: first point = last point). Boundary points may fall either way. */
export function pointInRing(ring: Ring, lng: number, lat: number): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** The outer rings of a Polygon or MultiPolygon (holes are not part of a team's area model). */
export function outerRings(geometry: { type: string; coordinates: unknown }): Ring[] {
  if (geometry.type === 'Polygon') return [(geometry.coordinates as Ring[])[0]];
  if (geometry.type === 'MultiPolygon') return (geometry.coordinates as Ring[][]).map((p) => p[0]);
  return [];
}

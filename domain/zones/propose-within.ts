// "A lower-rank zone lying inside a higher one is absorbed": containment of one zone polygon in
// another, tolerant to shared edges. Unit polygons come from different generators and surveys
// (a compound drawn inside a village traced from a lattice), so a vertex exactly on, or a metre
// beyond, the container's boundary still counts as inside.
import type { MultiPolygon, Polygon } from 'geojson';
import type { Bbox } from '../geometry/bbox.ts';
import { pointInRings, polygonsOf, type Ring } from '../geometry/point-in-ring.ts';

export const CONTAIN_TOLERANCE_METERS = 1;
const METERS_PER_DEGREE = 111_320;

/** Distance in metres from a point to the nearest ring edge (equirectangular around the point:
 * exact enough at the metre scale this is used for). */
function boundaryDistanceMeters(polys: readonly (readonly Ring[])[], lng: number, lat: number): number {
  const kx = METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180), ky = METERS_PER_DEGREE;
  let best = Infinity;
  for (const rings of polys) {
    for (const ring of rings) {
      for (let i = 1; i < ring.length; i++) {
        const ax = (ring[i - 1][0] - lng) * kx, ay = (ring[i - 1][1] - lat) * ky;
        const bx = (ring[i][0] - lng) * kx, by = (ring[i][1] - lat) * ky;
        const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
        const d2 = (ax + t * dx) ** 2 + (ay + t * dy) ** 2;
        if (d2 < best) best = d2;
      }
    }
  }
  return Math.sqrt(best);
}

/** True when bbox `a` holds bbox `b`, with the tolerance. */
export function boxHolds(a: Bbox, b: Bbox): boolean {
  const tol = (2 * CONTAIN_TOLERANCE_METERS) / METERS_PER_DEGREE;
  return b[0] >= a[0] - tol && b[1] >= a[1] - tol && b[2] <= a[2] + tol && b[3] <= a[3] + tol;
}

/** True when every vertex and edge midpoint of `inner`'s outer rings lies in `outer` or within
 * the tolerance of its boundary. Midpoints catch a long edge cutting across a concave notch. */
export function liesWithin(inner: Polygon | MultiPolygon, outer: Polygon | MultiPolygon): boolean {
  const polys = polygonsOf(outer);
  const inside = (lng: number, lat: number) =>
    polys.some((rings) => pointInRings(rings, lng, lat)) || boundaryDistanceMeters(polys, lng, lat) <= CONTAIN_TOLERANCE_METERS;
  for (const [ring] of polygonsOf(inner)) {
    for (let i = 1; i < ring.length; i++) {
      const [x0, y0] = ring[i - 1], [x1, y1] = ring[i];
      if (!inside(x1, y1) || !inside((x0 + x1) / 2, (y0 + y1) / 2)) return false;
    }
  }
  return true;
}

/** Planar area in square degrees: only to order zones largest first. */
export function roughArea(g: Polygon | MultiPolygon): number {
  let sum = 0;
  for (const rings of polygonsOf(g)) {
    rings.forEach((ring, k) => {
      let a = 0;
      for (let i = 1; i < ring.length; i++) a += ring[i - 1][0] * ring[i][1] - ring[i][0] * ring[i - 1][1];
      sum += (k === 0 ? 1 : -1) * Math.abs(a / 2);
    });
  }
  return sum;
}

// The area drawn for a cluster: the convex hull of its members grown by a fixed distance, so a
// cluster of one or two points (possible with minPoints ≤ 2, or after a filter) still gets an
// area — a disk or a stadium — instead of a degenerate ring.
// The buffer of a convex polygon is its Minkowski sum with a disk, which is the convex hull of
// disks around its vertices: so hull(members) → a circle of vertices around each hull vertex →
// hull again. The circle vertices lie on the circle (inscribed polygon), so edges between them
// sit at ≥ cos(π/segments) of the distance: 98 % at 16 segments. Worked in local metres
// (domain/geometry/local-projection.ts), which is exact to ~0.1 % over a township.
// Why not Turf: @turf/convex returns null below 3 points and @turf/buffer runs JSTS (~1 ms a call).
import type { Polygon } from 'geojson';
import { localProjectionFor, projectPoints, unproject } from '../geometry/local-projection.ts';

/** A counter-clockwise (RFC 7946 outer ring) closed ring around `points` ([lng, lat]) at `bufferMeters`. */
export function bufferedHull(points: readonly (readonly [number, number])[], bufferMeters: number, segments = 16): Polygon {
  if (points.length === 0) throw new RangeError('bufferedHull needs at least one point');
  const projection = localProjectionFor(points);
  const xy = projectPoints(points, projection);
  const core = convexHull(Array.from({ length: points.length }, (_, i): [number, number] => [xy[2 * i], xy[2 * i + 1]]));
  const grown: [number, number][] = [];
  for (const [x, y] of core) {
    for (let k = 0; k < segments; k++) {
      const a = (2 * Math.PI * k) / segments;
      grown.push([x + bufferMeters * Math.cos(a), y + bufferMeters * Math.sin(a)]);
    }
  }
  const ring = convexHull(grown).map(([x, y]) => unproject(x, y, projection).map(round6) as [number, number]);
  ring.push([...ring[0]]);
  return { type: 'Polygon', coordinates: [ring] };
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6; // ~0.1 m, the precision the API serves

/** Andrew's monotone chain (Andrew, Inf. Process. Lett. 9 (1979) 216–219): the hull's vertices
 *  counter-clockwise, collinear points dropped; one or two vertices for degenerate input. */
export function convexHull(points: [number, number][]): [number, number][] {
  const sorted = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const p = sorted.filter((q, i) => i === 0 || q[0] !== sorted[i - 1][0] || q[1] !== sorted[i - 1][1]);
  if (p.length < 3) return p;
  const cross = (o: [number, number], a: [number, number], b: [number, number]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const lower: [number, number][] = [], upper: [number, number][] = [];
  for (const q of p) {
    while (lower.length >= 2 && cross(lower[lower.length - 2], lower[lower.length - 1], q) <= 0) lower.pop();
    lower.push(q);
  }
  for (let i = p.length - 1; i >= 0; i--) {
    while (upper.length >= 2 && cross(upper[upper.length - 2], upper[upper.length - 1], p[i]) <= 0) upper.pop();
    upper.push(p[i]);
  }
  lower.pop(); upper.pop();
  return lower.concat(upper);
}

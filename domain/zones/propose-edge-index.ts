// Polygon edges in a Flatbush: "does this box meet any edge" and point in polygon by counting only
// the edges a ray to the east can cross (O(log n) per point instead of O(edges): the rest of the
// county places thousands of zones in a district ring of ~1,400 vertices).
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { Bbox } from '../geometry/bbox.ts';

export type Rings = Position[][];

export const polygonsOf = (g: Polygon | MultiPolygon): Rings[] => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates);

const signedArea = (ring: Position[]) => ring.reduce((s, p, i) => (i === 0 ? 0 : s + ring[i - 1][0] * p[1] - p[0] * ring[i - 1][1]), 0) / 2;
/** RFC 7946 winding: outer rings counterclockwise, holes clockwise. */
export const wound = (ring: Position[], ccw: boolean) => (signedArea(ring) > 0 === ccw ? ring : [...ring].reverse());

export class EdgeIndex {
  private readonly index: Flatbush;
  private readonly xy: Float64Array;
  private readonly poly: Int32Array;
  constructor(private readonly polys: Rings[]) {
    const n = polys.reduce((s, rings) => s + rings.reduce((t, r) => t + r.length - 1, 0), 0);
    this.index = new Flatbush(Math.max(1, n));
    this.xy = new Float64Array(4 * n);
    this.poly = new Int32Array(n);
    let k = 0;
    polys.forEach((rings, pi) => {
      for (const r of rings) {
        for (let i = 1; i < r.length; i++, k++) {
          const [x0, y0] = r[i - 1], [x1, y1] = r[i];
          this.xy.set([x0, y0, x1, y1], 4 * k);
          this.poly[k] = pi;
          this.index.add(Math.min(x0, x1), Math.min(y0, y1), Math.max(x0, x1), Math.max(y0, y1));
        }
      }
    });
    if (n === 0) this.index.add(Infinity, Infinity, Infinity, Infinity);
    this.index.finish();
  }

  /** True when an edge's bbox meets `b` (conservative: a near miss counts). */
  meets(b: Bbox): boolean {
    return this.polys.length > 0 && this.index.search(b[0], b[1], b[2], b[3]).length > 0;
  }

  /** Index of the polygon holding (x, y), by the even–odd rule; −1 when none. */
  polygonAt(x: number, y: number): number {
    const odd = new Uint8Array(this.polys.length), xy = this.xy;
    for (const k of this.index.search(x, y, Infinity, y)) {
      const x0 = xy[4 * k], y0 = xy[4 * k + 1], x1 = xy[4 * k + 2], y1 = xy[4 * k + 3];
      if (y0 > y !== y1 > y && x < ((x1 - x0) * (y - y0)) / (y1 - y0) + x0) odd[this.poly[k]] ^= 1;
    }
    return odd.indexOf(1);
  }
}

// Walks one polygon's boundary cut at every point where it meets another polygon's boundary.
// Between two cuts a piece of edge lies wholly inside the other polygon, wholly outside it, or on
// its boundary, so testing one point per piece (its midpoint) decides the whole piece exactly —
// the basis of both "is this zone within the district?" and "do these two areas overlap?"
// (zone-geometry.ts) without computing the intersection polygon itself.
import Flatbush from 'flatbush';
import type { BandedPolygon } from './polygon-bands.ts';

/** The other polygon's edges in an R-tree, so each edge meets only its few neighbours. */
export function edgeTree(p: BandedPolygon): Flatbush {
  const e = p.edges, n = e.length / 4;
  const tree = new Flatbush(Math.max(n, 1));
  for (let i = 0; i < n; i++) {
    const o = i * 4;
    tree.add(Math.min(e[o], e[o + 2]), Math.min(e[o + 1], e[o + 3]), Math.max(e[o], e[o + 2]), Math.max(e[o + 1], e[o + 3]));
  }
  if (n === 0) tree.add(NaN, NaN, NaN, NaN);
  tree.finish();
  return tree;
}

/** A piece of an edge of `own`: its midpoint and the edge it belongs to. */
export interface Piece { x: number; y: number; ax: number; ay: number; bx: number; by: number }

/**
 * Calls `visit` for every piece of every edge of `own`, cut where it meets `other`'s boundary
 * (crossings, touches, and the two ends of any stretch lying on an edge of `other`). Stops and
 * returns true as soon as `visit` does.
 */
export function somePiece(own: BandedPolygon, other: BandedPolygon, otherTree: Flatbush, visit: (p: Piece) => boolean): boolean {
  const e = own.edges, f = other.edges;
  for (let o = 0; o < e.length; o += 4) {
    const ax = e[o], ay = e[o + 1], bx = e[o + 2], by = e[o + 3];
    const rx = bx - ax, ry = by - ay, len2 = rx * rx + ry * ry;
    if (len2 === 0) continue;
    const cuts = [0, 1];
    for (const k of otherTree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by))) {
      const q = k * 4, cx = f[q], cy = f[q + 1], sx = f[q + 2] - cx, sy = f[q + 3] - cy;
      const den = rx * sy - ry * sx;
      if (den !== 0) {
        const t = ((cx - ax) * sy - (cy - ay) * sx) / den, u = ((cx - ax) * ry - (cy - ay) * rx) / den;
        if (t > 0 && t < 1 && u >= 0 && u <= 1) cuts.push(t);
      } else if ((cx - ax) * ry - (cy - ay) * rx === 0) {
        // Collinear: the other edge's ends cut ours where they fall on it.
        for (const t of [((cx - ax) * rx + (cy - ay) * ry) / len2, ((cx + sx - ax) * rx + (cy + sy - ay) * ry) / len2]) {
          if (t > 0 && t < 1) cuts.push(t);
        }
      }
    }
    cuts.sort((a, b) => a - b);
    for (let i = 1; i < cuts.length; i++) {
      if (cuts[i] - cuts[i - 1] < 1e-12) continue;
      const t = (cuts[i] + cuts[i - 1]) / 2;
      if (visit({ x: ax + t * rx, y: ay + t * ry, ax, ay, bx, by })) return true;
    }
  }
  return false;
}

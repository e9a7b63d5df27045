// Point-in-polygon for many points against one polygon. Ray casting (the even–odd rule of
// domain/geometry/point-in-ring.ts, so boundary points fall the same way) costs O(edges) per
// point; a township outline has ~1 000 edges and its bbox ~30 000 address points, which is 30 M
// edge tests per impact query. The edges are therefore sorted into horizontal bands once per
// polygon: a horizontal ray from (x, y) can only cross edges whose y-range contains y, and all of
// those are listed in y's band, so each point tests a handful of edges (the "slab" method of
// point location; O'Rourke, Computational Geometry in C, §7.4).
import type { MultiPolygon, Polygon } from 'geojson';

export interface BandedPolygon {
  bbox: [number, number, number, number];
  /** Flat edge list x1, y1, x2, y2, … over every ring of every part. */
  edges: Float64Array;
  contains(x: number, y: number): boolean;
  /** True when (x, y) lies within `meters` of an edge (equirectangular metres, fine at zone scale). */
  nearBoundary(x: number, y: number, meters: number): boolean;
}

const METERS_PER_DEGREE = 111_320;

/** Rings of a Polygon or MultiPolygon as one list (even–odd over all rings treats holes and
 * disjoint parts alike, as pointInRings does). */
export function ringsOf(geometry: Polygon | MultiPolygon): number[][][] {
  return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
}

export function bandPolygon(geometry: Polygon | MultiPolygon): BandedPolygon {
  const rings = ringsOf(geometry);
  const count = rings.reduce((n, r) => n + Math.max(0, r.length - 1), 0);
  const edges = new Float64Array(count * 4);
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  let k = 0;
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      const [x1, y1] = ring[i - 1];
      const [x2, y2] = ring[i];
      edges[k++] = x1; edges[k++] = y1; edges[k++] = x2; edges[k++] = y2;
      bbox[0] = Math.min(bbox[0], x1); bbox[1] = Math.min(bbox[1], y1);
      bbox[2] = Math.max(bbox[2], x1); bbox[3] = Math.max(bbox[3], y1);
    }
  }
  // ~2 edges per band on average; an edge spanning many bands is listed in each.
  const bands = Math.max(1, Math.min(4096, count >> 1));
  const height = (bbox[3] - bbox[1]) / bands || 1;
  const bandOf = (y: number) => Math.min(bands - 1, Math.max(0, Math.floor((y - bbox[1]) / height)));
  const starts = new Int32Array(bands + 1);
  for (let e = 0; e < count; e++) {
    const [lo, hi] = minMax(edges[e * 4 + 1], edges[e * 4 + 3]);
    for (let b = bandOf(lo); b <= bandOf(hi); b++) starts[b + 1]++;
  }
  for (let b = 0; b < bands; b++) starts[b + 1] += starts[b];
  const members = new Int32Array(starts[bands]);
  const fill = starts.slice(0, bands);
  for (let e = 0; e < count; e++) {
    const [lo, hi] = minMax(edges[e * 4 + 1], edges[e * 4 + 3]);
    for (let b = bandOf(lo); b <= bandOf(hi); b++) members[fill[b]++] = e;
  }

  function contains(x: number, y: number): boolean {
    if (x < bbox[0] || x > bbox[2] || y < bbox[1] || y > bbox[3]) return false;
    const b = bandOf(y);
    let inside = false;
    for (let m = starts[b]; m < starts[b + 1]; m++) {
      const o = members[m] * 4;
      const xi = edges[o], yi = edges[o + 1], xj = edges[o + 2], yj = edges[o + 3];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
  }
  function nearBoundary(x: number, y: number, meters: number): boolean {
    const tol = meters / METERS_PER_DEGREE;
    if (x < bbox[0] - 2 * tol || x > bbox[2] + 2 * tol || y < bbox[1] - tol || y > bbox[3] + tol) return false;
    const kx = Math.cos((y * Math.PI) / 180), limit = tol * tol;
    for (let b = bandOf(y - tol); b <= bandOf(y + tol); b++) {
      for (let m = starts[b]; m < starts[b + 1]; m++) {
        const o = members[m] * 4;
        const ax = (edges[o] - x) * kx, ay = edges[o + 1] - y, bx = (edges[o + 2] - x) * kx, by = edges[o + 3] - y;
        const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
        const t = len2 > 0 ? Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2)) : 0;
        if ((ax + t * dx) ** 2 + (ay + t * dy) ** 2 <= limit) return true;
      }
    }
    return false;
  }
  return { bbox, edges, contains, nearBoundary };
}

function minMax(a: number, b: number): [number, number] {
  return a < b ? [a, b] : [b, a];
}

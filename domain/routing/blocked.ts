// Edges a sealed zone closes: an edge with an end inside a polygon, or crossing (or touching)
// its boundary, may not be used, so a route that avoids the zone never enters it (a road that
// merely passes the corner is closed too: the checkpoints stand on the boundary). Tested in the
// graph's projected metres: the projection is affine in lng/lat, so inside/crossing answers
// are the same as in degrees. Even–odd over all rings (polygon-bands.ts): holes stay open.
import Flatbush from 'flatbush';
import type { MultiPolygon, Polygon } from 'geojson';
import { bandPolygon, ringsOf } from '../zones/polygon-bands.ts';
import { edgeIndex } from './snap.ts';
import type { RoadGraph } from './types.ts';

export function blockedEdges(graph: RoadGraph, polygons: readonly (Polygon | MultiPolygon)[]): Uint8Array {
  const blocked = new Uint8Array(graph.edgeCount);
  if (graph.edgeCount === 0) return blocked;
  const roads = edgeIndex(graph);
  const { x, y, edgeFrom, edgeTo, projection: p } = graph;
  for (const polygon of polygons) {
    const rings = ringsOf(polygon).map((ring) => ring.map(([lng, lat]) => [(lng - p.originLng) * p.metersPerDegreeLng, (lat - p.originLat) * p.metersPerDegreeLat]));
    if (rings.every((r) => r.length < 2)) continue;
    const banded = bandPolygon({ type: 'Polygon', coordinates: rings });
    const sides = banded.edges, sideCount = sides.length / 4;
    const sideIndex = new Flatbush(Math.max(1, sideCount));
    for (let s = 0; s < sideCount; s++) {
      const o = 4 * s;
      sideIndex.add(Math.min(sides[o], sides[o + 2]), Math.min(sides[o + 1], sides[o + 3]), Math.max(sides[o], sides[o + 2]), Math.max(sides[o + 1], sides[o + 3]));
    }
    sideIndex.finish();
    const [x0, y0, x1, y1] = banded.bbox;
    for (const e of roads.search(x0, y0, x1, y1)) {
      if (blocked[e]) continue;
      const a = edgeFrom[e], b = edgeTo[e];
      const ax = x[a], ay = y[a], bx = x[b], by = y[b];
      if (banded.contains(ax, ay) || banded.contains(bx, by)) { blocked[e] = 1; continue; }
      const hits = sideIndex.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (s) => {
        const o = 4 * s;
        return segmentsMeet(ax, ay, bx, by, sides[o], sides[o + 1], sides[o + 2], sides[o + 3]);
      });
      if (hits.length > 0) blocked[e] = 1;
    }
  }
  return blocked;
}

/** Closed segments ab and cd share a point (orientation tests; collinear overlaps count). */
export function segmentsMeet(ax: number, ay: number, bx: number, by: number, cx: number, cy: number, dx: number, dy: number): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay), d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy), d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (d1 === 0 && within(cx, cy, dx, dy, ax, ay)) || (d2 === 0 && within(cx, cy, dx, dy, bx, by))
    || (d3 === 0 && within(ax, ay, bx, by, cx, cy)) || (d4 === 0 && within(ax, ay, bx, by, dx, dy));
}

const orient = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
/** c, collinear with ab, lies within ab's bbox. */
const within = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) =>
  Math.min(ax, bx) <= cx && cx <= Math.max(ax, bx) && Math.min(ay, by) <= cy && cy <= Math.max(ay, by);

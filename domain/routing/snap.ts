// Points → their nearest usable edge (finite cost in the mode, not blocked), by the projected
// distance from the point to the segment. The edges' bboxes go into a Flatbush (packed Hilbert
// R-tree) once per graph; a point searches a small box first and widens it only when nothing
// usable is that close, so a dense town centre tests a few dozen segments, not every edge
// within 300 m. Exact: a segment at distance d ≤ r has its bbox inside the search box of
// half-width r, so once the best distance is ≤ r no farther box can hold a closer one.
import Flatbush from 'flatbush';
import { ACCESS_MAX_METERS } from './speeds.ts';
import type { EdgeCosts, RoadGraph, Snapped } from './types.ts';

const indexes = new WeakMap<RoadGraph, Flatbush>();
const FIRST_RADIUS_METERS = 25, GROWTH = 4;

/** The Flatbush of edge bboxes in projected metres (item i = edge i); built once per graph. */
export function edgeIndex(graph: RoadGraph): Flatbush {
  let index = indexes.get(graph);
  if (index) return index;
  index = new Flatbush(Math.max(1, graph.edgeCount));
  const { x, y, edgeFrom, edgeTo } = graph;
  for (let e = 0; e < graph.edgeCount; e++) {
    const a = edgeFrom[e], b = edgeTo[e];
    index.add(Math.min(x[a], x[b]), Math.min(y[a], y[b]), Math.max(x[a], x[b]), Math.max(y[a], y[b]));
  }
  if (graph.edgeCount === 0) index.add(Infinity, Infinity, Infinity, Infinity);
  index.finish();
  indexes.set(graph, index);
  return index;
}

export function snapPoints(graph: RoadGraph, costs: EdgeCosts, lngLat: Float64Array, maxMeters = ACCESS_MAX_METERS): Snapped {
  const count = lngLat.length >> 1;
  // Off the network: edge -1, t 0, accessMeters Infinity.
  const edge = new Int32Array(count).fill(-1), t = new Float64Array(count), accessMeters = new Float64Array(count).fill(Infinity);
  if (graph.edgeCount === 0) return { edge, t, accessMeters };
  const index = edgeIndex(graph);
  const { x, y, edgeFrom, edgeTo, projection: p } = graph, minutes = costs.minutes;
  let px = 0, py = 0, bestE = -1, bestD2 = Infinity, bestT = 0;
  // Called by Flatbush for every edge whose bbox meets the box; never collects a result.
  const visit = (e: number): boolean => {
    if (minutes[e] === Infinity) return false;
    const ax = x[edgeFrom[e]], ay = y[edgeFrom[e]], dx = x[edgeTo[e]] - ax, dy = y[edgeTo[e]] - ay;
    const len2 = dx * dx + dy * dy;
    const s = len2 > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / len2)) : 0;
    const d2 = (ax + s * dx - px) ** 2 + (ay + s * dy - py) ** 2;
    if (d2 < bestD2 || (d2 === bestD2 && e < bestE)) { bestD2 = d2; bestE = e; bestT = s; }
    return false;
  };
  for (let i = 0; i < count; i++) {
    px = (lngLat[2 * i] - p.originLng) * p.metersPerDegreeLng;
    py = (lngLat[2 * i + 1] - p.originLat) * p.metersPerDegreeLat;
    bestE = -1; bestD2 = Infinity;
    for (let r = Math.min(FIRST_RADIUS_METERS, maxMeters); ; r = Math.min(r * GROWTH, maxMeters)) {
      index.search(px - r, py - r, px + r, py + r, visit);
      if (bestD2 <= r * r || r >= maxMeters) break;
    }
    if (bestE >= 0 && bestD2 <= maxMeters * maxMeters) {
      edge[i] = bestE; t[i] = bestT; accessMeters[i] = Math.sqrt(bestD2);
    }
  }
  return { edge, t, accessMeters };
}

// One route for the map: from a clicked point to the nearest (by time) of some destinations.
// A single-source Dijkstra from the start's snapped spot (dijkstra.ts), the destinations timed
// by the rule of point-times.ts, then the path read back through `viaEdge`.
import { travelTimes } from './dijkstra.ts';
import { alongMinutes, pointMinutes } from './point-times.ts';
import { snapPoints } from './snap.ts';
import { accessMinutes } from './speeds.ts';
import type { EdgeCosts, RoadGraph } from './types.ts';

export type RouteResult =
  | { to: number; coordinates: [number, number][]; meters: number; minutes: number }
  | { reason: 'no_road_near_start' | 'no_road_near_end' | 'unreachable' };

export function shortestRoute(graph: RoadGraph, costs: EdgeCosts, from: [number, number], to: readonly [number, number][]): RouteResult {
  const start = snapPoints(graph, costs, Float64Array.from(from));
  if (start.edge[0] < 0) return { reason: 'no_road_near_start' };
  const ends = snapPoints(graph, costs, Float64Array.from(to.flat()));
  if (!ends.edge.some((e) => e >= 0)) return { reason: 'no_road_near_end' };
  const times = travelTimes(graph, costs, start, Infinity);
  const { minutes } = pointMinutes(graph, costs, times, ends, start);
  let best = -1;
  for (let i = 0; i < minutes.length; i++) if (minutes[i] < (best < 0 ? Infinity : minutes[best])) best = i;
  if (best < 0) return { reason: 'unreachable' };

  // Which way the best destination was reached, in pointMinutes' order of preference.
  const e = ends.edge[best], t = ends.t[best], c = costs.minutes[e];
  const a = graph.edgeFrom[e], b = graph.edgeTo[e];
  let via = a, viaMinutes = times.minutes[a] + t * c;
  if (!costs.forwardOnly[e] && times.minutes[b] + (1 - t) * c < viaMinutes) { via = b; viaMinutes = times.minutes[b] + (1 - t) * c; }
  const direct = start.edge[0] === e ? accessMinutes(start.accessMeters[0]) + alongMinutes(costs, e, start.t[0], t) : Infinity;

  const line: [number, number][] = [from, spotOf(graph, start.edge[0], start.t[0])];
  if (!(direct < viaMinutes)) {
    const nodes: number[] = [];
    for (let n = via; ; ) {
      nodes.push(n);
      const edge = times.viaEdge[n];
      if (edge < 0) break;
      n = graph.edgeFrom[edge] === n ? graph.edgeTo[edge] : graph.edgeFrom[edge];
    }
    for (let k = nodes.length - 1; k >= 0; k--) line.push([graph.lng[nodes[k]], graph.lat[nodes[k]]]);
  }
  line.push(spotOf(graph, e, t), to[best] as [number, number]);
  const coordinates = line.filter((p, i) => i === 0 || p[0] !== line[i - 1][0] || p[1] !== line[i - 1][1]);
  return { to: best, coordinates, meters: lengthMeters(graph, coordinates), minutes: minutes[best] };
}

function spotOf(graph: RoadGraph, e: number, t: number): [number, number] {
  const a = graph.edgeFrom[e], b = graph.edgeTo[e];
  if (t === 0) return [graph.lng[a], graph.lat[a]];
  if (t === 1) return [graph.lng[b], graph.lat[b]];
  return [graph.lng[a] + t * (graph.lng[b] - graph.lng[a]), graph.lat[a] + t * (graph.lat[b] - graph.lat[a])];
}

/** Length in the graph's projection (the same metres as edgeMeters and accessMeters). */
function lengthMeters(graph: RoadGraph, line: readonly [number, number][]): number {
  const p = graph.projection;
  let meters = 0;
  for (let i = 1; i < line.length; i++) {
    meters += Math.hypot((line[i][0] - line[i - 1][0]) * p.metersPerDegreeLng, (line[i][1] - line[i - 1][1]) * p.metersPerDegreeLat);
  }
  return meters;
}

// Minutes from the nearest source to each point: a point sits on its snapped edge at fraction t,
// reached from either end of that edge (the `to` end only where the edge may be travelled
// backwards) or, when a source sits on the same edge, straight along it; then the walk from the
// road to the door. reach.ts applies the same rule per candidate.
import { accessMinutes } from './speeds.ts';
import type { EdgeCosts, NodeTimes, RoadGraph, Snapped } from './types.ts';

/** Sources bucketed by edge (CSR): the sources on edge e are at[start[e] .. start[e + 1]). */
export interface EdgeBuckets { start: Int32Array; at: Int32Array }

export function bucketByEdge(edgeCount: number, snapped: Snapped): EdgeBuckets {
  const start = new Int32Array(edgeCount + 1);
  for (const e of snapped.edge) if (e >= 0) start[e + 1]++;
  for (let e = 0; e < edgeCount; e++) start[e + 1] += start[e];
  const fill = start.slice(0, edgeCount), at = new Int32Array(start[edgeCount]);
  snapped.edge.forEach((e, i) => { if (e >= 0) at[fill[e]++] = i; });
  return { start, at };
}

/** Minutes along edge `e` from a spot at fraction `from` to one at `to` (Infinity against a one-way). */
export function alongMinutes(costs: EdgeCosts, e: number, from: number, to: number): number {
  if (to < from && costs.forwardOnly[e]) return Infinity;
  return Math.abs(to - from) * costs.minutes[e];
}

export function pointMinutes(graph: RoadGraph, costs: EdgeCosts, times: NodeTimes, points: Snapped, sources?: Snapped): { minutes: Float64Array; source: Int32Array } {
  const count = points.edge.length;
  const minutes = new Float64Array(count).fill(Infinity), source = new Int32Array(count).fill(-1);
  const buckets = sources ? bucketByEdge(graph.edgeCount, sources) : null;
  const cost = costs.minutes;
  for (let i = 0; i < count; i++) {
    const e = points.edge[i];
    if (e < 0 || cost[e] === Infinity) continue;
    const t = points.t[i], a = graph.edgeFrom[e], b = graph.edgeTo[e];
    let best = times.minutes[a] + t * cost[e], bestSource = times.source[a];
    if (!costs.forwardOnly[e]) {
      const viaTo = times.minutes[b] + (1 - t) * cost[e];
      if (viaTo < best) { best = viaTo; bestSource = times.source[b]; }
    }
    if (buckets && sources) {
      for (let k = buckets.start[e]; k < buckets.start[e + 1]; k++) {
        const s = buckets.at[k];
        const direct = accessMinutes(sources.accessMeters[s]) + alongMinutes(costs, e, sources.t[s], t);
        if (direct < best) { best = direct; bestSource = s; }
      }
    }
    if (best === Infinity) continue;
    minutes[i] = best + accessMinutes(points.accessMeters[i]);
    source[i] = bestSource;
  }
  return { minutes, source };
}

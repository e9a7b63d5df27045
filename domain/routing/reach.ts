// For placement (domain/coverage/placement.ts): which points each candidate site reaches
// within the cutoff on its own. One cut-off Dijkstra per candidate into a reused search state
// (only the nodes it reached are reset), then only the edges at those nodes are scanned for
// points, so a candidate costs in proportion to its 15-minute neighbourhood, not the district.
// Same timing rule as point-times.ts (either end of the point's edge, or straight along the
// edge from the candidate), so reachSets agrees with pointMinutes ≤ cutoff.
import { runSearch, searchState } from './dijkstra.ts';
import { alongMinutes, bucketByEdge } from './point-times.ts';
import { accessMinutes } from './speeds.ts';
import type { EdgeCosts, RoadGraph, Snapped } from './types.ts';

export function reachSets(graph: RoadGraph, costs: EdgeCosts, candidates: Snapped, points: Snapped, cutoffMinutes: number): Int32Array[] {
  const state = searchState(graph);
  const buckets = bucketByEdge(graph.edgeCount, points);
  const pointBest = new Float64Array(points.edge.length).fill(Infinity);
  const seen: number[] = [];
  const only = new Int32Array(1);
  const { edgeFrom, adjStart, adjEdge } = graph;
  const cost = costs.minutes, nodeMinutes = state.times.minutes;
  const offer = (i: number, m: number) => {
    if (pointBest[i] === Infinity) seen.push(i);
    if (m < pointBest[i]) pointBest[i] = m;
  };
  const out: Int32Array[] = [];
  for (let c = 0; c < candidates.edge.length; c++) {
    only[0] = c;
    runSearch(graph, costs, candidates, only, cutoffMinutes, state);
    seen.length = 0;
    for (let k = 0; k < state.touchedCount; k++) {
      const n = state.touched[k], mn = nodeMinutes[n];
      for (let a = adjStart[n]; a < adjStart[n + 1]; a++) {
        const e = adjEdge[a];
        if (cost[e] === Infinity) continue;
        const fromEnd = edgeFrom[e] === n;
        if (!fromEnd && costs.forwardOnly[e]) continue;
        for (let q = buckets.start[e]; q < buckets.start[e + 1]; q++) {
          const i = buckets.at[q];
          offer(i, mn + (fromEnd ? points.t[i] : 1 - points.t[i]) * cost[e]);
        }
      }
    }
    const ce = candidates.edge[c];
    if (ce >= 0 && cost[ce] !== Infinity) {
      const walk = accessMinutes(candidates.accessMeters[c]);
      for (let q = buckets.start[ce]; q < buckets.start[ce + 1]; q++) {
        const i = buckets.at[q];
        offer(i, walk + alongMinutes(costs, ce, candidates.t[c], points.t[i]));
      }
    }
    const within: number[] = [];
    for (const i of seen) {
      if (pointBest[i] + accessMinutes(points.accessMeters[i]) <= cutoffMinutes) within.push(i);
      pointBest[i] = Infinity;
    }
    out.push(Int32Array.from(within).sort());
  }
  return out;
}

// Multi-source shortest travel times over the road graph: Dijkstra (1959), "A note on two
// problems in connexion with graphs", Numerische Mathematik 1, 269–271, with every source
// seeded at once (a super-source joined to each source's snapped spot), so one search answers
// "minutes to the nearest facility" for every node. Sources start at their snapped spot: the
// walk from the facility to the road, then the part of its edge to either end.
import { NodeHeap } from './heap.ts';
import { accessMinutes } from './speeds.ts';
import type { EdgeCosts, NodeTimes, RoadGraph, Snapped } from './types.ts';

/** A reusable search: arrays sized to the graph, reset only where the last search wrote. */
export interface SearchState {
  times: NodeTimes;
  heap: NodeHeap;
  touched: Int32Array; // the nodes the last search reached, in settle order (first `touchedCount`)
  touchedCount: number;
}

export function searchState(graph: RoadGraph): SearchState {
  const n = graph.nodeCount;
  return {
    times: { minutes: new Float64Array(n).fill(Infinity), source: new Int32Array(n).fill(-1), viaEdge: new Int32Array(n).fill(-1) },
    heap: new NodeHeap(n),
    touched: new Int32Array(n),
    touchedCount: 0,
  };
}

export function travelTimes(graph: RoadGraph, costs: EdgeCosts, sources: Snapped, cutoffMinutes: number): NodeTimes {
  const state = searchState(graph);
  runSearch(graph, costs, sources, null, cutoffMinutes, state);
  return state.times;
}

/** Search from `sources` (or only those listed in `only`) into `state`, after resetting it. */
export function runSearch(graph: RoadGraph, costs: EdgeCosts, sources: Snapped, only: Int32Array | null, cutoffMinutes: number, state: SearchState): void {
  const { minutes, source, viaEdge } = state.times;
  for (let i = 0; i < state.touchedCount; i++) {
    const n = state.touched[i];
    minutes[n] = Infinity; source[n] = -1; viaEdge[n] = -1;
  }
  state.touchedCount = 0;
  const heap = state.heap;
  heap.clear();
  const { edgeFrom, edgeTo, adjStart, adjEdge } = graph;
  const cost = costs.minutes, forwardOnly = costs.forwardOnly;

  const offer = (node: number, m: number, s: number, via: number) => {
    if (m > cutoffMinutes || m >= minutes[node]) return;
    minutes[node] = m; source[node] = s; viaEdge[node] = via;
    heap.push(node, m);
  };
  const count = only ? only.length : sources.edge.length;
  for (let k = 0; k < count; k++) {
    const s = only ? only[k] : k;
    const e = sources.edge[s];
    if (e < 0 || cost[e] === Infinity) continue;
    const walk = accessMinutes(sources.accessMeters[s]), t = sources.t[s];
    offer(edgeTo[e], walk + (1 - t) * cost[e], s, -1); // along the digitised direction: always allowed
    if (!forwardOnly[e]) offer(edgeFrom[e], walk + t * cost[e], s, -1);
  }
  // Every node given a finite time is popped exactly once (decrease-key), so `touched` lists
  // them all, in settle order.
  while (heap.size > 0) {
    const u = heap.pop();
    state.touched[state.touchedCount++] = u;
    const mu = minutes[u], su = source[u];
    for (let a = adjStart[u]; a < adjStart[u + 1]; a++) {
      const e = adjEdge[a];
      const c = cost[e];
      if (c === Infinity) continue;
      let v: number;
      if (edgeFrom[e] === u) v = edgeTo[e];
      else if (forwardOnly[e]) continue; // against a one-way street
      else v = edgeFrom[e];
      const m = mu + c;
      if (m > cutoffMinutes || m >= minutes[v]) continue;
      minutes[v] = m; source[v] = su; viaEdge[v] = e;
      heap.push(v, m);
    }
  }
}

// Territories grown from seeds: a multi-source Dijkstra on the cell graph where each seed's
// path cost is divided by its reach (a larger reach grows a larger territory). Every node
// takes the label of the seed that reaches it cheapest along a path of its own label, so each
// territory is connected. Noisy, terrain-aware edge costs make boundaries organic and let them
// follow ridges instead of drawing Voronoi straight lines.
import type { CellGraph } from './cell-graph.ts';
import { MinHeap } from './heap.ts';

export interface Seed { node: number; label: number; reach: number }

export interface GrowOptions {
  /** Cost of stepping between adjacent nodes a → b (before the seed weight). */
  edgeCost: (a: number, b: number) => number;
  /** Whether a label may claim a node (default: any). */
  allowed?: (label: number, node: number) => boolean;
  /** Restrict growth to these nodes (default: all). */
  within?: (node: number) => boolean;
}

export function growRegions(g: CellGraph, seeds: readonly Seed[], opts: GrowOptions): Int32Array {
  const label = new Int32Array(g.count).fill(-1), cost = new Float64Array(g.count).fill(Infinity);
  let maxLabel = 0;
  for (const s of seeds) maxLabel = Math.max(maxLabel, s.label);
  const weightOf = new Float64Array(maxLabel + 1);
  const heap = new MinHeap(4096);
  for (const s of seeds) {
    weightOf[s.label] = 1 / s.reach;
    if (cost[s.node] === 0) continue; // first seed on a node wins
    cost[s.node] = 0; label[s.node] = s.label;
    heap.push(0, s.node);
  }
  const done = new Uint8Array(g.count);
  while (heap.size) {
    const key = heap.peekKey(), a = heap.pop();
    if (done[a] || key > cost[a]) continue;
    done[a] = 1;
    const lab = label[a], w = weightOf[lab];
    for (let k = g.adjStart[a]; k < g.adjStart[a + 1]; k++) {
      const b = g.adj[k];
      if (done[b] || (opts.within && !opts.within(b)) || (opts.allowed && !opts.allowed(lab, b))) continue;
      const c = cost[a] + w * opts.edgeCost(a, b);
      if (c < cost[b]) { cost[b] = c; label[b] = lab; heap.push(c, b); }
    }
  }
  return label;
}

/** Gives unlabelled nodes (inside `within`) the label of a labelled neighbour, breadth first;
 *  `accept` can refuse a label for a node. */
export function fillUnlabelled(g: CellGraph, label: Int32Array, within: (node: number) => boolean,
  accept: (label: number, node: number) => boolean = () => true): void {
  let front: number[] = [];
  for (let a = 0; a < g.count; a++) if (label[a] >= 0 && within(a)) front.push(a);
  while (front.length) {
    const next: number[] = [];
    for (const a of front) {
      for (let k = g.adjStart[a]; k < g.adjStart[a + 1]; k++) {
        const b = g.adj[k];
        if (label[b] < 0 && within(b) && accept(label[a], b)) { label[b] = label[a]; next.push(b); }
      }
    }
    front = next;
  }
}

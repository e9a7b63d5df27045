// Splits a town's blocks among its communities: seeds spread by farthest-point sampling from the
// seat block, then the communities take turns claiming the nearest free block next to their
// territory, so they come out about equal (a town of 60 blocks and 12 communities gives each
// about 5) and compact.
import type { CellGraph } from './cell-graph.ts';

/** Returns, for each block node in `nodes`, its community index 0..k−1 (same order as nodes). */
export function splitBlocks(g: CellGraph, nodes: readonly number[], k: number): number[] {
  if (k <= 0 || nodes.length === 0) return nodes.map(() => -1);
  const index = new Map(nodes.map((n, i) => [n, i]));
  const seeds = [0];
  const dist = (a: number, b: number) => Math.hypot(g.x[nodes[a]] - g.x[nodes[b]], g.y[nodes[a]] - g.y[nodes[b]]);
  while (seeds.length < Math.min(k, nodes.length)) {
    let best = 0, bestD = -1;
    for (let i = 0; i < nodes.length; i++) {
      const d = Math.min(...seeds.map((s) => dist(i, s)));
      if (d > bestD) { bestD = d; best = i; }
    }
    seeds.push(best);
  }
  const label = nodes.map(() => -1);
  seeds.forEach((s, c) => { label[s] = c; });
  const adjacent = (i: number) => {
    const out: number[] = [], n = nodes[i];
    for (let m = g.adjStart[n]; m < g.adjStart[n + 1]; m++) { const j = index.get(g.adj[m]); if (j !== undefined) out.push(j); }
    return out;
  };
  for (let grew = true; grew;) {
    grew = false;
    seeds.forEach((s, c) => {
      let best = -1, bestD = Infinity;
      for (let i = 0; i < nodes.length; i++) {
        if (label[i] !== c) continue;
        for (const j of adjacent(i)) if (label[j] < 0 && dist(j, s) < bestD) { bestD = dist(j, s); best = j; }
      }
      if (best >= 0) { label[best] = c; grew = true; }
    });
  }
  return label;
}

// Village roads (村道) and mine access roads: each settlement cluster is joined to the nearest
// road that is not its own lanes, nearest clusters first so later ones can join earlier links;
// finally any piece of the network still cut off is joined to the main one, so the whole road
// layer is one connected routing graph.
import { TOWNSHIPS } from '../design.ts';
import { fromUV } from '../frame.ts';
import { cellCenter } from '../lattice.ts';
import type { Layout } from '../layout.ts';
import type { Cluster } from '../village-housing.ts';
import { type RoadGraph, roadMoves } from './graph.ts';
import type { Network } from './network.ts';

function joinToNetwork(g: RoadGraph, net: Network, from: number, own: Set<number>, cls: 'tertiary'): boolean {
  const path = g.finder.find([from], (n) => n !== from && net.onNet(n) && !own.has(n), roadMoves(g, (a, b) => net.factor(a, b)));
  if (!path) return false;
  net.addPath(path, cls, null);
  return true;
}

function clusterNodes(g: RoadGraph, cells: readonly number[]): Set<number> {
  const w = g.L.nx + 1, out = new Set<number>();
  for (const c of cells) {
    const i = c % g.L.nx, j = (c - i) / g.L.nx, v = j * w + i;
    out.add(v); out.add(v + 1); out.add(v + w); out.add(v + w + 1);
  }
  return out;
}

export function linkSettlements(layout: Layout, g: RoadGraph, net: Network, clusters: Cluster[], taken: Uint8Array): void {
  for (let c = 0; c < taken.length; c++) if (taken[c]) g.openCentre[c] = 0; // roads go round houses, on the lanes
  const [sx, sy] = fromUV(...TOWNSHIPS[0].seat);
  const order = clusters.filter((cl) => cl.cells.length).map((cl) => {
    const [x, y] = cellCenter(layout.L, cl.cells[0]);
    return { cl, own: clusterNodes(g, cl.cells), d: Math.hypot(x - sx, y - sy) };
  }).sort((a, b) => a.d - b.d);
  for (const { cl, own } of order) joinToNetwork(g, net, cl.centreVertex, own, 'tertiary');
  for (const m of layout.urban.mines) {
    const own = clusterNodes(g, m.cells);
    const cells = new Set(m.cells), w = g.L.nx + 1;
    const edgeOfMine = (v: number) => {
      const i = v % w, j = (v - i) / w;
      return [[i - 1, j - 1], [i, j - 1], [i - 1, j], [i, j]].some(([ci, cj]) => !cells.has(cj * g.L.nx + ci));
    };
    const gate = [...own].find(edgeOfMine) ?? [...own][0];
    joinToNetwork(g, net, gate, new Set([gate]), 'tertiary');
  }
}

/** Joins every connected piece of the network to the largest one. */
export function connectNetwork(g: RoadGraph, net: Network): number {
  let joined = 0;
  for (let round = 0; round < 50; round++) {
    const comp = new Int32Array(net.degree.length).fill(-1), sizes: number[] = [];
    for (let start = 0; start < net.degree.length; start++) {
      if (!net.degree[start] || comp[start] >= 0) continue;
      const id = sizes.length, stack = [start];
      comp[start] = id; let size = 0;
      while (stack.length) {
        const a = stack.pop()!; size++;
        for (const b of net.neighbours(a)) if (comp[b] < 0) { comp[b] = id; stack.push(b); }
      }
      sizes.push(size);
    }
    if (sizes.length <= 1) break;
    const main = sizes.indexOf(Math.max(...sizes));
    const small = sizes.map((s, id) => ({ s, id })).filter((x) => x.id !== main).sort((a, b) => a.s - b.s)[0].id;
    const from = comp.findIndex((c) => c === small);
    const path = g.finder.find([from], (n) => comp[n] === main, roadMoves(g, (a, b) => net.factor(a, b)));
    if (!path) break;
    net.addPath(path, 'tertiary', null);
    joined++;
  }
  return joined;
}

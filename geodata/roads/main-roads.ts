// Trunk roads (邢峰公路, 魏峰公路, 永峰公路: domain-rules.md §3.3) routed through their design
// points and across the district boundary, then county roads between neighbouring township seats
// ("和峪线": one character of each end, the usual naming of 县道). Routes prefer flat ground and
// existing roads, so they follow the valleys and share the trunk where it is on the way.
import { TOWNSHIPS, TRUNKS } from '../design.ts';
import { HEIGHT_M, WIDTH_M, fromUV } from '../frame.ts';
import type { Layout } from '../layout.ts';
import { BLOCK } from '../lattice.ts';
import { type RoadGraph, roadMoves } from './graph.ts';
import type { Network } from './network.ts';

/** Short forms for county-road names. */
const SHORT: Record<string, string> = {
  滏阳东路街道: '滏', 临水镇: '临', 峰峰镇: '峰', 新坡镇: '新', 大社镇: '社', 和村镇: '和', 义井镇: '义',
  彭城镇: '彭', 界城镇: '界', 大峪镇: '峪', 西固义乡: '固',
};
const LINKS: readonly [string, string][] = [
  ['和村镇', '大峪镇'], ['大峪镇', '界城镇'], ['界城镇', '彭城镇'], ['和村镇', '大社镇'], ['大社镇', '义井镇'],
  ['义井镇', '新坡镇'], ['新坡镇', '西固义乡'], ['彭城镇', '临水镇'], ['西固义乡', '滏阳东路街道'], ['大峪镇', '临水镇'],
  ['峰峰镇', '临水镇'],
];

function nearestVertex(g: RoadGraph, x: number, y: number, ok: (v: number) => boolean): number {
  let best = -1, bestD = Infinity;
  for (let v = 0; v < g.V; v++) {
    const d = (g.L.vx[v] - x) ** 2 + (g.L.vy[v] - y) ** 2;
    if (d < bestD && ok(v)) { bestD = d; best = v; }
  }
  return best;
}

/** Seat node of each township: the corner of its seat block nearest the design seat. */
export function seatNodes(layout: Layout, g: RoadGraph): number[] {
  const w = g.L.nx + 1;
  return TOWNSHIPS.map((t, k) => {
    const b = layout.urban.blocks.find((bl) => bl.town === k && bl.rank === 0);
    const [sx, sy] = fromUV(...t.seat);
    if (!b) return nearestVertex(g, sx, sy, () => true);
    const corners = [0, BLOCK].flatMap((dj) => [0, BLOCK].map((di) => (b.bj * BLOCK + dj) * w + b.bi * BLOCK + di));
    return corners.sort((a, c) => Math.hypot(g.L.vx[a] - sx, g.L.vy[a] - sy) - Math.hypot(g.L.vx[c] - sx, g.L.vy[c] - sy))[0];
  });
}

/** Not inside a town block or water body (all four cells behind one barrier). */
function open(g: RoadGraph, v: number): boolean {
  const w = g.L.nx + 1, i = v % w, j = (v - i) / w;
  if (i < 1 || j < 1 || i >= g.L.nx || j >= g.L.ny) return true;
  const b = g.barrier[(j - 1) * g.L.nx + i - 1];
  return b < 0 || b !== g.barrier[(j - 1) * g.L.nx + i] || b !== g.barrier[j * g.L.nx + i - 1] || b !== g.barrier[j * g.L.nx + i];
}

function touchesDistrict(g: RoadGraph, v: number): boolean {
  const w = g.L.nx + 1, i = v % w, j = (v - i) / w;
  for (const [ci, cj] of [[i - 1, j - 1], [i, j - 1], [i - 1, j], [i, j]]) {
    if (ci >= 0 && cj >= 0 && ci < g.L.nx && cj < g.L.ny && g.inside[cj * g.L.nx + ci]) return true;
  }
  return false;
}

export function route(g: RoadGraph, net: Network, a: number, b: number): number[] {
  const [bx, by] = g.xy(b);
  const path = g.finder.find([a], (n) => n === b, roadMoves(g, (p, q) => net.factor(p, q)),
    (n) => 0.44 * Math.hypot(g.x[n] - bx, g.y[n] - by));
  if (!path) throw new Error(`roads: no route between nodes ${a} and ${b}`);
  return path;
}

export function buildTrunks(layout: Layout, g: RoadGraph, net: Network): number[] {
  const seats = seatNodes(layout, g);
  const inExtent = (v: number) => g.L.vx[v] >= 0 && g.L.vy[v] >= 0 && g.L.vx[v] <= WIDTH_M && g.L.vy[v] <= HEIGHT_M;
  for (const t of TRUNKS) {
    const nodes = t.via.map(([u, v], k) => {
      const [x, y] = fromUV(u, v);
      const end = k === 0 || k === t.via.length - 1;
      const town = TOWNSHIPS.findIndex((d) => d.seat[0] === u && d.seat[1] === v);
      if (town >= 0) return seats[town];
      return nearestVertex(g, x, y, (n) => inExtent(n) && open(g, n) && (end ? !touchesDistrict(g, n) : touchesDistrict(g, n)));
    });
    for (let k = 0; k + 1 < nodes.length; k++) net.addPath(route(g, net, nodes[k], nodes[k + 1]), 'trunk', t.name);
  }
  return seats;
}

/** County roads between neighbouring seats; inside towns they keep the street names. */
export function buildCountyRoads(g: RoadGraph, net: Network, seats: readonly number[]): void {
  for (const [a, b] of LINKS) {
    const ia = TOWNSHIPS.findIndex((t) => t.name === a), ib = TOWNSHIPS.findIndex((t) => t.name === b);
    net.addPath(route(g, net, seats[ia], seats[ib]), 'secondary', `${SHORT[a]}${SHORT[b]}线`, true);
  }
}

// The road graph's nodes and moves. Nodes are lattice vertices (ids 0…V−1) and cell centres
// (V + cell): moving vertex→centre→vertex crosses a cell diagonally, so two roads that cross
// inside a cell always meet at its centre and junctions are shared vertices, as a routing graph
// needs. Town blocks can only be passed along their streets (the block edges); cells holding
// houses, mines or water cannot be crossed. Costs favour flat ground, so roads follow valleys.
import { HEIGHT_M, WIDTH_M } from '../frame.ts';
import { type Lattice, cellCenter } from '../lattice.ts';
import { PathFinder, type Expand } from '../search.ts';
import type { Terrain } from '../terrain.ts';

export interface RoadGraph {
  L: Lattice;
  /** Number of vertices; node ids ≥ V are cell centres. */
  V: number;
  x: Float64Array;
  y: Float64Array;
  elev: Float32Array;
  xy(n: number): [number, number];
  /** Per cell: 1 if its centre may carry a road. */
  openCentre: Uint8Array;
  /** Per cell: a barrier id (town block, water body, mine; −1 none). A lattice edge between two
   *  cells of the same barrier cannot be travelled: blocks are passed on their streets only. */
  barrier: Int32Array;
  /** Per cell: in the district. */
  inside: Uint8Array;
  finder: PathFinder;
}

export function createRoadGraph(L: Lattice, T: Terrain, mask: Uint8Array, barrier: Int32Array): RoadGraph {
  const V = L.vx.length, C = L.nx * L.ny;
  const x = new Float64Array(V + C), y = new Float64Array(V + C), elev = new Float32Array(V + C);
  x.set(L.vx); y.set(L.vy); elev.set(T.vertElev);
  for (let c = 0; c < C; c++) { const [cx, cy] = cellCenter(L, c); x[V + c] = cx; y[V + c] = cy; elev[V + c] = T.cellElev[c]; }
  const openCentre = Uint8Array.from(mask, (_, c) => (barrier[c] < 0 ? 1 : 0));
  return { L, V, x, y, elev, openCentre, barrier, inside: mask, xy: (n) => [x[n], y[n]], finder: new PathFinder(V + C) };
}

/** Moves from a node, each with its base cost (metres × (1 + 14·slope), × 4 outside the
 *  district and along its rim, so roads cross the boundary rather than follow it) times
 *  `edgeFactor` (existing roads are cheaper). */
export function roadMoves(g: RoadGraph, edgeFactor: (a: number, b: number) => number): Expand {
  const { L, V, x, y, elev, barrier, inside, openCentre } = g, w = L.nx + 1, nx = L.nx;
  const ok = (n: number) => x[n] >= 0 && y[n] >= 0 && x[n] <= WIDTH_M && y[n] <= HEIGHT_M;
  const cost = (a: number, b: number, out: boolean): number => {
    const len = Math.hypot(x[b] - x[a], y[b] - y[a]);
    return len * (1 + (14 * Math.abs(elev[b] - elev[a])) / len) * edgeFactor(a, b) * (out ? 4 : 1);
  };
  const cell = (ci: number, cj: number) => (ci >= 0 && cj >= 0 && ci < nx && cj < L.ny ? cj * nx + ci : -1);
  const centre = (a: number, c: number, visit: (n: number, cost: number) => void) => {
    if (c >= 0 && openCentre[c]) visit(V + c, cost(a, V + c, !inside[c]));
  };
  // along a lattice line, between the two cells on either side of the edge
  const step = (a: number, b: number, c1: number, c2: number, visit: (n: number, cost: number) => void) => {
    if (!ok(b)) return;
    const b1 = c1 >= 0 ? barrier[c1] : -1, b2 = c2 >= 0 ? barrier[c2] : -1;
    if (b1 >= 0 && b1 === b2) return;
    visit(b, cost(a, b, !(c1 >= 0 && inside[c1] && c2 >= 0 && inside[c2])));
  };
  return (a, visit) => {
    if (a >= V) {
      const c = a - V, i = c % nx, j = (c - i) / nx, v = j * w + i, out = !inside[c];
      if (ok(v)) visit(v, cost(a, v, out));
      if (ok(v + 1)) visit(v + 1, cost(a, v + 1, out));
      if (ok(v + w)) visit(v + w, cost(a, v + w, out));
      if (ok(v + w + 1)) visit(v + w + 1, cost(a, v + w + 1, out));
      return;
    }
    const i = a % w, j = (a - i) / w;
    const sw = cell(i - 1, j - 1), se = cell(i, j - 1), nw = cell(i - 1, j), ne = cell(i, j);
    if (i + 1 < w) step(a, a + 1, se, ne, visit);
    if (i > 0) step(a, a - 1, sw, nw, visit);
    if (j < L.ny) step(a, a + w, nw, ne, visit);
    if (j > 0) step(a, a - w, sw, se, visit);
    centre(a, sw, visit); centre(a, se, visit); centre(a, nw, visit); centre(a, ne, visit);
  };
}

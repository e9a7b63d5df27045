// The layout lattice: a quadrilateral mesh of ~80 m cells over the extent. Every areal layer
// (district, townships, villages, grids, landuse) is a union of whole cells, so partitions are
// exact by construction (shared edges have identical vertices) and nothing needs a clipper.
// The mesh is smoothly warped so town streets (which run on lattice lines) curve gently, then
// jittered in the countryside and relaxed along boundaries (relax.ts) so edges do not look drawn
// on graph paper.
import { HEIGHT_M, WIDTH_M } from './frame.ts';
import { fbm } from './noise.ts';

export interface Lattice {
  /** Cells per row / column. */
  nx: number;
  ny: number;
  /** Nominal cell size in metres. */
  s: number;
  /** Vertex positions in the metric frame, index j * (nx + 1) + i. */
  vx: Float64Array;
  vy: Float64Array;
}

/** Town blocks are 3 × 3 cells; streets run on every third lattice line. */
export const BLOCK = 3;

export function createLattice(seed: number, cellM = 80, marginM = 400): Lattice {
  const nx = Math.ceil((WIDTH_M + 2 * marginM) / cellM);
  const ny = Math.ceil((HEIGHT_M + 2 * marginM) / cellM);
  const vx = new Float64Array((nx + 1) * (ny + 1));
  const vy = new Float64Array((nx + 1) * (ny + 1));
  const wx = fbm(seed, 'lattice-warp-x', 3), wy = fbm(seed, 'lattice-warp-y', 3);
  const amp = 160, wave = 3500; // metres: gentle, slope of the warp ≈ 0.1
  for (let j = 0; j <= ny; j++) {
    for (let i = 0; i <= nx; i++) {
      const x = -marginM + i * cellM, y = -marginM + j * cellM;
      const k = j * (nx + 1) + i;
      vx[k] = x + amp * wx.at(x / wave, y / wave);
      vy[k] = y + amp * wy.at(x / wave, y / wave);
    }
  }
  return { nx, ny, s: cellM, vx, vy };
}

export const vid = (L: Lattice, i: number, j: number): number => j * (L.nx + 1) + i;
export const cid = (L: Lattice, i: number, j: number): number => j * L.nx + i;
export const cellCount = (L: Lattice): number => L.nx * L.ny;

/** Corner vertex ids of cell c, counter-clockwise from the south-west. */
export function corners(L: Lattice, c: number): [number, number, number, number] {
  const i = c % L.nx, j = (c - i) / L.nx, w = L.nx + 1;
  const a = j * w + i;
  return [a, a + 1, a + w + 1, a + w];
}

/** A point inside cell c by bilinear interpolation, (a, b) ∈ [0, 1]² along i and j. */
export function cellPoint(L: Lattice, c: number, a: number, b: number): [number, number] {
  const [p, q, r, s] = corners(L, c);
  const x = (1 - b) * ((1 - a) * L.vx[p] + a * L.vx[q]) + b * ((1 - a) * L.vx[s] + a * L.vx[r]);
  const y = (1 - b) * ((1 - a) * L.vy[p] + a * L.vy[q]) + b * ((1 - a) * L.vy[s] + a * L.vy[r]);
  return [x, y];
}

export const cellCenter = (L: Lattice, c: number): [number, number] => cellPoint(L, c, 0.5, 0.5);

/** Edge-adjacent neighbours of cell c (−1 beyond the lattice): south, east, north, west. */
export function neighbours(L: Lattice, c: number): [number, number, number, number] {
  const i = c % L.nx, j = (c - i) / L.nx;
  return [
    j > 0 ? c - L.nx : -1,
    i < L.nx - 1 ? c + 1 : -1,
    j < L.ny - 1 ? c + L.nx : -1,
    i > 0 ? c - 1 : -1,
  ];
}

/** The cell containing metric point (x, y), found by walking from a nominal guess. */
export function cellAt(L: Lattice, x: number, y: number): number {
  const [ox, oy] = [L.vx[0], L.vy[0]];
  let i = Math.min(L.nx - 1, Math.max(0, Math.floor((x - ox) / L.s)));
  let j = Math.min(L.ny - 1, Math.max(0, Math.floor((y - oy) / L.s)));
  for (let step = 0; step < 12; step++) {
    const [cx, cy] = cellCenter(L, cid(L, i, j));
    const di = Math.round((x - cx) / L.s), dj = Math.round((y - cy) / L.s);
    if (di === 0 && dj === 0) break;
    i = Math.min(L.nx - 1, Math.max(0, i + Math.sign(di)));
    j = Math.min(L.ny - 1, Math.max(0, j + Math.sign(dj)));
  }
  return cid(L, i, j);
}

// Courtyard houses (院落) in one lattice cell: two back-to-back rows, the south row's gates on the
// lane along the cell's south edge, the north row's on the north lane, main houses (正房) in the
// middle of the cell. A few plots stay empty (gardens, threshing floors).
import { type Lattice, cellPoint } from './lattice.ts';
import type { XY } from './model.ts';
import type { Rng } from './prng.ts';

export interface Courtyard {
  /** Main house footprint (closed ring). */
  ring: XY[];
  /** Gate on the lane: the household's address point. */
  gate: XY;
  /** Which cell edge the gate faces. */
  facing: 'south' | 'north';
  /** Column from west to east (for door numbering). */
  col: number;
}

/** Plots of one cell, west to east, south row first. `insetM` keeps houses off the lanes. */
export function courtyardPlots(L: Lattice, c: number, r: Rng, insetM = 5, emptyShare = 0.1, columns?: number): Courtyard[] {
  const s = L.s, inset = insetM / s, pickCols = r.chance(0.5) ? 4 : 5, cols = columns ?? pickCols;
  const w = (1 - 2 * inset) / cols, mid = 0.5, gap = 0.6 / s;
  const houseDepth = r.float(7.5, 10) / s;
  const out: Courtyard[] = [];
  for (const facing of ['south', 'north'] as const) {
    for (let k = 0; k < cols; k++) {
      if (r.chance(emptyShare)) continue;
      const a0 = inset + k * w + 1 / s, a1 = inset + (k + 1) * w - 1 / s;
      const [b0, b1] = facing === 'south' ? [mid - gap - houseDepth, mid - gap] : [mid + gap, mid + gap + houseDepth];
      const p = (a: number, b: number) => cellPoint(L, c, a, b);
      const ring = [p(a0, b0), p(a1, b0), p(a1, b1), p(a0, b1), p(a0, b0)];
      const gate = p((a0 + a1) / 2 + r.float(-0.25, 0.25) * w, facing === 'south' ? inset : 1 - inset);
      out.push({ ring, gate, facing, col: k });
    }
  }
  return out;
}

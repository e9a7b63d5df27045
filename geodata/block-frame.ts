// Coordinates inside a town block: (a, b) ∈ [0, 1]² maps bilinearly onto the block's four outer
// corners, so buildings line up with the (gently curving) streets. Sizes in metres are turned
// into parameter steps with the block's width and depth.
import type { Lattice } from './lattice.ts';
import { BLOCK } from './lattice.ts';
import type { XY } from './model.ts';
import type { Block } from './urban.ts';

export interface BlockFrame {
  at(a: number, b: number): XY;
  /** Block width (a) and depth (b) in metres. */
  widthM: number;
  depthM: number;
  /** A rectangle [a0, a1] × [b0, b1] as a closed ring. */
  rect(a0: number, b0: number, a1: number, b1: number): XY[];
}

export function blockFrame(L: Lattice, b: Block): BlockFrame {
  const w = L.nx + 1, i0 = b.bi * BLOCK, j0 = b.bj * BLOCK;
  const v = (i: number, j: number): XY => [L.vx[j * w + i], L.vy[j * w + i]];
  const p00 = v(i0, j0), p10 = v(i0 + BLOCK, j0), p11 = v(i0 + BLOCK, j0 + BLOCK), p01 = v(i0, j0 + BLOCK);
  const at = (a: number, bb: number): XY => [
    (1 - bb) * ((1 - a) * p00[0] + a * p10[0]) + bb * ((1 - a) * p01[0] + a * p11[0]),
    (1 - bb) * ((1 - a) * p00[1] + a * p10[1]) + bb * ((1 - a) * p01[1] + a * p11[1]),
  ];
  const widthM = (Math.hypot(p10[0] - p00[0], p10[1] - p00[1]) + Math.hypot(p11[0] - p01[0], p11[1] - p01[1])) / 2;
  const depthM = (Math.hypot(p01[0] - p00[0], p01[1] - p00[1]) + Math.hypot(p11[0] - p10[0], p11[1] - p10[1])) / 2;
  return {
    at, widthM, depthM,
    rect: (a0, b0, a1, b1) => [at(a0, b0), at(a1, b0), at(a1, b1), at(a0, b1), at(a0, b0)],
  };
}

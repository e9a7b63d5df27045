// Hilbert-curve index of a lattice cell: consecutive indices are adjacent cells, so cutting a
// Hilbert-ordered list into runs gives compact, mostly contiguous groups (grids).
export function hilbertIndex(order: number, x: number, y: number): number {
  let d = 0;
  for (let s = 1 << (order - 1); s > 0; s >>= 1) {
    const rx = (x & s) > 0 ? 1 : 0, ry = (y & s) > 0 ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry === 0) {
      if (rx === 1) { x = s - 1 - x; y = s - 1 - y; }
      [x, y] = [y, x];
    }
  }
  return d;
}

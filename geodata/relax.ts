// Takes the graph-paper look off the lattice before anything is built on it: countryside
// vertices get a random nudge (≤ 22 % of a cell), and vertices on territory boundaries are
// relaxed towards the middle of their two boundary neighbours, which turns cell staircases into
// wandering lines. Town vertices stay put so streets stay straight, and the outline's extreme
// vertices stay put so the extent is still exactly filled.
import { HEIGHT_M, WIDTH_M } from './frame.ts';
import type { Lattice } from './lattice.ts';
import { rng } from './prng.ts';

/** Per vertex: 1 if any of its (up to 4) cells satisfies `test`. */
function touching(L: Lattice, test: (c: number) => boolean): Uint8Array {
  const out = new Uint8Array(L.vx.length);
  for (let j = 0; j < L.ny; j++) for (let i = 0; i < L.nx; i++) {
    if (!test(j * L.nx + i)) continue;
    const a = j * (L.nx + 1) + i;
    out[a] = out[a + 1] = out[a + L.nx + 1] = out[a + L.nx + 2] = 1;
  }
  return out;
}

const clamp = (v: number, hi: number) => Math.min(hi, Math.max(0, v));

export function relaxLattice(L: Lattice, labels: Int32Array, isTown: (c: number) => boolean, seed: number): void {
  const pinned = touching(L, isTown), r = rng(seed, 'relax'), w = L.nx + 1;
  for (let v = 0; v < L.vx.length; v++) {
    const x = L.vx[v], y = L.vy[v];
    if (x <= 0.5 || y <= 0.5 || x >= WIDTH_M - 0.5 || y >= HEIGHT_M - 0.5) pinned[v] = 1;
  }
  const jitter = 0.22 * L.s;
  for (let v = 0; v < L.vx.length; v++) {
    const dx = r.float(-jitter, jitter), dy = r.float(-jitter, jitter);
    if (pinned[v]) continue;
    L.vx[v] = clamp(L.vx[v] + dx, WIDTH_M); L.vy[v] = clamp(L.vy[v] + dy, HEIGHT_M);
  }
  const ox = L.vx.slice(), oy = L.vy.slice(), maxShift = 0.3 * L.s;
  const lab = (i: number, j: number) => (i < 0 || j < 0 || i >= L.nx || j >= L.ny ? -1 : labels[j * L.nx + i]);
  for (let round = 0; round < 3; round++) {
    const nx = L.vx.slice(), ny = L.vy.slice();
    for (let j = 1; j < L.ny; j++) for (let i = 1; i < L.nx; i++) {
      const v = j * w + i;
      if (pinned[v]) continue;
      // boundary edges leaving v: east, north, west, south (cells on either side differ)
      const ends: number[] = [];
      if (lab(i, j - 1) !== lab(i, j)) ends.push(v + 1);
      if (lab(i - 1, j) !== lab(i, j)) ends.push(v + w);
      if (lab(i - 1, j - 1) !== lab(i - 1, j)) ends.push(v - 1);
      if (lab(i - 1, j - 1) !== lab(i, j - 1)) ends.push(v - w);
      if (ends.length !== 2) continue;
      const mx = (L.vx[ends[0]] + L.vx[ends[1]]) / 2, my = (L.vy[ends[0]] + L.vy[ends[1]]) / 2;
      let tx = L.vx[v] + 0.4 * (mx - L.vx[v]), ty = L.vy[v] + 0.4 * (my - L.vy[v]);
      const shift = Math.hypot(tx - ox[v], ty - oy[v]);
      if (shift > maxShift) { tx = ox[v] + ((tx - ox[v]) * maxShift) / shift; ty = oy[v] + ((ty - oy[v]) * maxShift) / shift; }
      nx[v] = clamp(tx, WIDTH_M);
      ny[v] = clamp(ty, HEIGHT_M);
    }
    L.vx.set(nx); L.vy.set(ny);
  }
}

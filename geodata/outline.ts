// The district outline: a synthetic irregular blob (NOT derived from any boundary file), made of
// whole lattice cells, then the whole lattice is stretched so that the outline's bounding box is
// exactly the published WGS-84 extent (domain-rules.md §3.2).
import { HEIGHT_M, WIDTH_M } from './frame.ts';
import { type Lattice, cellCenter, cellCount, corners, neighbours } from './lattice.ts';
import { fbm } from './noise.ts';
import { removePinches } from './polygonize.ts';
import { rng } from './prng.ts';

/** 1 for cells inside the district. `keep` lists design points (u, v) that must fall inside,
 *  away from the rim (the rim bulges out to reach them); `seats` must also be kept clear of the
 *  bays, which would otherwise put a town on the district boundary. */
export function districtMask(L: Lattice, seed: number, keep: readonly (readonly [number, number])[],
  seats: readonly (readonly [number, number])[] = []): Uint8Array {
  const n = cellCount(L), mask = new Uint8Array(n);
  const rim = fbm(seed, 'outline-rim', 4, 0.55), dent = fbm(seed, 'outline-dent', 3);
  const r0 = rng(seed, 'outline-bays');
  // three bays cut into the rim, so the shape reads as a boundary, not a blob
  const seatAngles = seats.map(([u, v]) => Math.atan2((v - 0.5) / 0.5, (u - 0.5) / 0.5));
  const bays = [0, 1, 2].map((k) => {
    let at = (k * 2 * Math.PI) / 3 + r0.float(-0.6, 0.6);
    for (let step = 0; step < 12 && seatAngles.some((a) => Math.abs(Math.atan2(Math.sin(at - a), Math.cos(at - a))) < 0.5); step++) at += 0.12;
    return { at, depth: r0.float(0.18, 0.3), w: r0.float(0.16, 0.28) };
  });
  const p = 1.9;
  const superRadius = (dx: number, dy: number) => Math.pow(Math.abs(dx) ** p + Math.abs(dy) ** p, 1 / p);
  // the rim bulges out smoothly where a design point would be too close to it
  const lobes = [...keep, ...seats].map(([ku, kv]) => [[ku, kv], 0.16, 0.3] as const).map(([[ku, kv], margin, width]) => {
    const kx = (ku - 0.5) / 0.5, ky = (kv - 0.5) / 0.5;
    return { at: Math.atan2(ky, kx), reach: superRadius(kx, ky) + margin, width };
  });
  const angleGap = (a: number, b: number) => Math.atan2(Math.sin(a - b), Math.cos(a - b));
  for (let c = 0; c < n; c++) {
    const [x, y] = cellCenter(L, c);
    const dx = (x / WIDTH_M - 0.5) / 0.5, dy = (y / HEIGHT_M - 0.5) / 0.5;
    const rho = superRadius(dx, dy);
    if (rho > 1.6) continue;
    const theta = Math.atan2(dy, dx);
    // a wobbly rim, periodic in theta, plus finer dents that make headlands and bays
    let r = 0.86 + 0.26 * rim.at(1.3 * Math.cos(theta) + 3, 1.3 * Math.sin(theta) + 3) + 0.09 * dent.at(x / 2600, y / 2600);
    for (const b of bays) r -= b.depth * Math.exp(-((angleGap(theta, b.at) / b.w) ** 2));
    if (rho < r) { mask[c] = 1; continue; }
    // the rim bulges out to take in every design point
    for (const l of lobes) if (rho < l.reach * Math.exp(-((angleGap(theta, l.at) / l.width) ** 2))) { mask[c] = 1; break; }
  }
  keepLargestComponent(L, mask);
  fillHoles(L, mask);
  const labels = Int32Array.from(mask, (m) => (m ? 0 : -1));
  removePinches(L, labels);
  for (let c = 0; c < n; c++) mask[c] = labels[c] === 0 ? 1 : 0;
  return mask;
}

function flood(L: Lattice, start: number[], ok: (c: number) => boolean, seen: Uint8Array): number[] {
  const stack = start.filter((c) => ok(c) && !seen[c]), got: number[] = [];
  for (const c of stack) seen[c] = 1;
  while (stack.length) {
    const c = stack.pop()!;
    got.push(c);
    for (const m of neighbours(L, c)) if (m >= 0 && !seen[m] && ok(m)) { seen[m] = 1; stack.push(m); }
  }
  return got;
}

function keepLargestComponent(L: Lattice, mask: Uint8Array): void {
  const seen = new Uint8Array(mask.length);
  let best: number[] = [];
  for (let c = 0; c < mask.length; c++) {
    if (!mask[c] || seen[c]) continue;
    const comp = flood(L, [c], (m) => mask[m] === 1, seen);
    if (comp.length > best.length) best = comp;
  }
  mask.fill(0);
  for (const c of best) mask[c] = 1;
}

function fillHoles(L: Lattice, mask: Uint8Array): void {
  const border: number[] = [];
  for (let i = 0; i < L.nx; i++) border.push(i, (L.ny - 1) * L.nx + i);
  for (let j = 0; j < L.ny; j++) border.push(j * L.nx, j * L.nx + L.nx - 1);
  const seen = new Uint8Array(mask.length);
  flood(L, border, (m) => mask[m] === 0, seen);
  for (let c = 0; c < mask.length; c++) if (!mask[c] && !seen[c]) mask[c] = 1;
}

/** Cells from the rim (1 = touches the outside), −1 outside: a breadth-first distance. */
export function rimDepth(L: Lattice, mask: Uint8Array): Int16Array {
  const depth = new Int16Array(mask.length).fill(-1);
  let front: number[] = [];
  for (let c = 0; c < mask.length; c++) {
    if (!mask[c]) continue;
    if (neighbours(L, c).some((m) => m < 0 || !mask[m])) { depth[c] = 1; front.push(c); }
  }
  for (let d = 2; front.length; d++) {
    const next: number[] = [];
    for (const c of front) for (const m of neighbours(L, c)) if (m >= 0 && mask[m] && depth[m] < 0) { depth[m] = d; next.push(m); }
    front = next;
  }
  return depth;
}

/** Affine-maps every vertex so the mask's bounding box becomes [0, WIDTH_M] × [0, HEIGHT_M]. */
export function fitToExtent(L: Lattice, mask: Uint8Array): void {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (let c = 0; c < mask.length; c++) {
    if (!mask[c]) continue;
    for (const v of corners(L, c)) {
      x0 = Math.min(x0, L.vx[v]); x1 = Math.max(x1, L.vx[v]);
      y0 = Math.min(y0, L.vy[v]); y1 = Math.max(y1, L.vy[v]);
    }
  }
  const sx = WIDTH_M / (x1 - x0), sy = HEIGHT_M / (y1 - y0);
  for (let v = 0; v < L.vx.length; v++) {
    L.vx[v] = (L.vx[v] - x0) * sx;
    L.vy[v] = (L.vy[v] - y0) * sy;
  }
  L.s *= Math.sqrt(sx * sy);
}

// Grids (网格): each village/community is cut into grids of 300–500 households (≤ 2,500
// people), domain-rules.md §1.9. Occupied cells are ordered along a Hilbert curve and cut into
// runs (grid-cut.ts); empty cells then join the nearest grid of their unit, breadth first.
import { cutRunsScored, GRID_MAX, GRID_MIN } from './grid-cut.ts';
import { hilbertIndex } from './hilbert.ts';
import type { Layout } from './layout.ts';
import { cellCount, neighbours } from './lattice.ts';
import { removePinches } from './polygonize.ts';

export interface GridPlan {
  /** Per cell: grid index (−1 outside). */
  label: Int32Array;
  /** Per grid: its unit and number within the unit (1…). */
  grids: { unit: number; number: number }[];
  /** Units whose households could not be cut within the limits. */
  outliers: { unit: number; households: number }[];
}

/** Tries the Hilbert curve in four orientations, each rotated to four starting points, and
 *  keeps the first order whose cut fits the limits (households come in lumps of a cell, so one
 *  order can fail where another fits). */
function bestOrder(L: Layout['L'], order: number, cells: number[], hh: Int32Array) {
  const size = 1 << order;
  const keys: ((i: number, j: number) => number)[] = [
    (i, j) => hilbertIndex(order, i, j), (i, j) => hilbertIndex(order, j, i),
    (i, j) => hilbertIndex(order, size - 1 - i, j), (i, j) => hilbertIndex(order, i, size - 1 - j),
  ];
  let first: { occupied: number[]; weights: number[]; cuts: number[] } | null = null;
  for (const key of keys) {
    const sorted = cells.map((c) => ({ c, h: key(c % L.nx, Math.floor(c / L.nx)) })).sort((a, b) => a.h - b.h).map((x) => x.c);
    for (const shift of [0, 0.25, 0.5, 0.75]) {
      const k = Math.floor(shift * sorted.length), occupied = [...sorted.slice(k), ...sorted.slice(0, k)];
      const weights = occupied.map((c) => hh[c]);
      const { cuts, feasible } = occupied.length ? cutRunsScored(weights) : { cuts: [0], feasible: true };
      first ??= { occupied, weights, cuts };
      if (feasible) return { occupied, weights, cuts };
    }
  }
  return first!;
}

export function planGrids(layout: Layout, householdsPerCell: Int32Array): GridPlan {
  const { L } = layout, n = cellCount(L), label = new Int32Array(n).fill(-1);
  const grids: GridPlan['grids'] = [], outliers: GridPlan['outliers'] = [];
  const cellsOf: number[][] = layout.units.map(() => []);
  for (let c = 0; c < n; c++) if (layout.village[c] >= 0) cellsOf[layout.village[c]].push(c);
  const order = Math.ceil(Math.log2(Math.max(L.nx, L.ny)));
  for (const u of layout.units) {
    const { occupied, weights, cuts } = bestOrder(L, order, cellsOf[u.index].filter((c) => householdsPerCell[c] > 0), householdsPerCell);
    let from = 0;
    cuts.forEach((to, k) => {
      const g = grids.length, sum = weights.slice(from, to).reduce((s, w) => s + w, 0);
      grids.push({ unit: u.index, number: k + 1 });
      if (occupied.length && (sum < GRID_MIN || sum > GRID_MAX)) outliers.push({ unit: u.index, households: sum });
      for (let i = from; i < to; i++) label[occupied[i]] = g;
      from = to;
    });
    if (!occupied.length) label[cellsOf[u.index][0]] = grids.length - 1;
    // empty cells join a neighbouring grid of the same unit
    let front = cellsOf[u.index].filter((c) => label[c] >= 0);
    while (front.length) {
      const next: number[] = [];
      for (const c of front) for (const m of neighbours(L, c)) {
        if (m >= 0 && label[m] < 0 && layout.village[m] === u.index) { label[m] = label[c]; next.push(m); }
      }
      front = next;
    }
    const first = label[cellsOf[u.index].find((c) => label[c] >= 0) ?? -1] ?? -1;
    for (const c of cellsOf[u.index]) if (label[c] < 0) label[c] = first; // exclaves
  }
  const frozen = Uint8Array.from(householdsPerCell, (h) => (h > 0 ? 1 : 0));
  // a pinch fix may only move an empty cell, and only within its unit
  const unitOf = (g: number) => (g < 0 ? -1 : grids[g].unit);
  for (let c = 0; c < n; c++) if (!frozen[c] && label[c] >= 0 && neighbours(L, c).some((m) => m >= 0 && label[m] >= 0 && unitOf(label[m]) !== unitOf(label[c]))) frozen[c] = 1;
  removePinches(L, label, frozen);
  fixStubbornPinches(L, label, grids, householdsPerCell);
  return { label, grids, outliers };
}

/** Pinches between occupied cells: move one cell of the window to a neighbouring grid of the
 *  same unit, when both grids stay within 300–500 households (or it was already outside). */
function fixStubbornPinches(L: Layout['L'], label: Int32Array, grids: GridPlan['grids'], hh: Int32Array): void {
  const sum = new Float64Array(grids.length);
  for (let c = 0; c < label.length; c++) if (label[c] >= 0) sum[label[c]] += hh[c];
  const fine = (g: number, s: number) => (s >= GRID_MIN && s <= GRID_MAX) || !(sum[g] >= GRID_MIN && sum[g] <= GRID_MAX);
  const pinchAt = (i: number, j: number) => {
    if (i < 0 || j < 0 || i + 1 >= L.nx || j + 1 >= L.ny) return false;
    const a = j * L.nx + i, b = a + 1, c = a + L.nx, d = c + 1;
    return (label[a] >= 0 && label[a] === label[d] && label[b] !== label[a] && label[c] !== label[a])
      || (label[b] >= 0 && label[b] === label[c] && label[a] !== label[b] && label[d] !== label[b]);
  };
  const clean = (cell: number) => {
    const i = cell % L.nx, j = (cell - i) / L.nx;
    return !pinchAt(i - 1, j - 1) && !pinchAt(i, j - 1) && !pinchAt(i - 1, j) && !pinchAt(i, j);
  };
  for (let pass = 0; pass < 12; pass++) {
    let moved = 0;
    for (let j = 0; j + 1 < L.ny; j++) for (let i = 0; i + 1 < L.nx; i++) {
      const a = j * L.nx + i, b = a + 1, c = a + L.nx, d = c + 1;
      for (const [x, y, o1, o2] of [[a, d, b, c], [b, c, a, d]]) {
        const lx = label[x];
        if (lx < 0 || lx !== label[y] || label[o1] === lx || label[o2] === lx) continue;
        // try: give o1 or o2 label lx, or give x or y the label of o1
        const tries: [number, number][] = [[o1, lx], [o2, lx], [x, label[o1]], [y, label[o1]], [x, label[o2]], [y, label[o2]]];
        let done = false;
        for (const strict of [true, false]) for (const [cell, to] of tries) {
          if (done) break;
          const from = label[cell];
          if (to < 0 || from < 0 || grids[to].unit !== grids[from].unit) continue;
          if (!fine(from, sum[from] - hh[cell]) || !fine(to, sum[to] + hh[cell])) continue;
          label[cell] = to;
          if (strict && !clean(cell)) { label[cell] = from; continue; } // would pinch elsewhere
          sum[from] -= hh[cell]; sum[to] += hh[cell]; moved++; done = true;
        }
        // or swap a diagonal cell with an off-diagonal one (household totals barely change)
        for (const [p, q] of [[x, o1], [x, o2], [y, o1], [y, o2]]) {
          if (done) break;
          const lp = label[p], lq = label[q];
          if (lq < 0 || grids[lp].unit !== grids[lq].unit) continue;
          const delta = hh[q] - hh[p];
          if (!fine(lp, sum[lp] + delta) || !fine(lq, sum[lq] - delta)) continue;
          label[p] = lq; label[q] = lp;
          if (!clean(p) || !clean(q)) { label[p] = lp; label[q] = lq; continue; }
          sum[lp] += delta; sum[lq] -= delta; moved++; done = true;
        }
      }
    }
    if (!moved) break;
  }
}

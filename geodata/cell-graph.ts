// The graph that territories grow on: lattice cells, except that each town block (3 × 3 cells
// between streets) is one node, so township, village and community boundaries never cut a
// block in two. Adjacency is edge-adjacency of the member cells.
import { type Lattice, cellCenter, cellCount, neighbours } from './lattice.ts';

export interface CellGraph {
  count: number;
  /** Lattice cell → node (−1 outside the district). */
  of: Int32Array;
  /** Member cells of node k: cells[start[k] .. start[k + 1]). */
  start: Int32Array;
  cells: Int32Array;
  x: Float64Array;
  y: Float64Array;
  adjStart: Int32Array;
  adj: Int32Array;
}


/** `urbanBlock[c]` ≥ 0 groups the cells of one town block; others stay single. */
export function buildCellGraph(L: Lattice, mask: Uint8Array, urbanBlock: Int32Array): CellGraph {
  const n = cellCount(L), of = new Int32Array(n).fill(-1), nodeOfBlock = new Map<number, number>();
  let count = 0;
  for (let c = 0; c < n; c++) {
    if (!mask[c]) continue;
    if (urbanBlock[c] >= 0) {
      let k = nodeOfBlock.get(urbanBlock[c]);
      if (k === undefined) nodeOfBlock.set(urbanBlock[c], (k = count++));
      of[c] = k;
    } else of[c] = count++;
  }
  const size = new Int32Array(count + 1);
  for (let c = 0; c < n; c++) if (of[c] >= 0) size[of[c] + 1]++;
  const start = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) start[k + 1] = start[k] + size[k + 1];
  const fill = start.slice(0, count), cells = new Int32Array(start[count]);
  const x = new Float64Array(count), y = new Float64Array(count);
  for (let c = 0; c < n; c++) {
    const k = of[c];
    if (k < 0) continue;
    cells[fill[k]++] = c;
    const [cx, cy] = cellCenter(L, c);
    x[k] += cx; y[k] += cy;
  }
  for (let k = 0; k < count; k++) { const m = start[k + 1] - start[k]; x[k] /= m; y[k] /= m; }
  const adjSets: number[][] = Array.from({ length: count }, () => []);
  for (let c = 0; c < n; c++) {
    const k = of[c];
    if (k < 0) continue;
    for (const m of neighbours(L, c)) {
      const o = m >= 0 ? of[m] : -1;
      if (o >= 0 && o !== k && !adjSets[k].includes(o)) adjSets[k].push(o);
    }
  }
  const adjStart = new Int32Array(count + 1);
  for (let k = 0; k < count; k++) adjStart[k + 1] = adjStart[k] + adjSets[k].length;
  const adj = new Int32Array(adjStart[count]);
  for (let k = 0; k < count; k++) adj.set(adjSets[k], adjStart[k]);
  return { count, of, start, cells, x, y, adjStart, adj };
}

// Township and village/community territories on the cell graph. Townships grow from their seat
// and town blocks, weighted so the sparse western townships are larger; communities split their
// town's blocks; villages grow from their centres over the countryside. Costs rise with slope,
// so boundaries like to run along ridges.
import type { CellGraph } from './cell-graph.ts';
import type { Lattice } from './lattice.ts';
import { fbm } from './noise.ts';
import { removePinches } from './polygonize.ts';
import type { Terrain } from './terrain.ts';

export function nodeElevation(g: CellGraph, T: Terrain): Float32Array {
  const e = new Float32Array(g.count);
  for (let k = 0; k < g.count; k++) {
    let s = 0;
    for (let m = g.start[k]; m < g.start[k + 1]; m++) s += T.cellElev[g.cells[m]];
    e[k] = s / (g.start[k + 1] - g.start[k]);
  }
  return e;
}

/** Step cost between adjacent nodes: metres, ×(1 + 6·slope), × a smooth ±45 % wobble. */
export function terrainCost(g: CellGraph, elev: Float32Array, seed: number, label: string, wobbleScaleM: number) {
  const wobble = fbm(seed, label, 3);
  return (a: number, b: number): number => {
    const d = Math.hypot(g.x[a] - g.x[b], g.y[a] - g.y[b]);
    const slope = Math.abs(elev[a] - elev[b]) / d;
    const mx = (g.x[a] + g.x[b]) / 2, my = (g.y[a] + g.y[b]) / 2;
    return d * (1 + 6 * slope) * (1 + 0.45 * wobble.at(mx / wobbleScaleM, my / wobbleScaleM));
  };
}

/** Spreads node labels to lattice cells (−1 outside). */
export function toCells(g: CellGraph, nodeLabel: Int32Array, n: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  for (let k = 0; k < g.count; k++) for (let m = g.start[k]; m < g.start[k + 1]; m++) out[g.cells[m]] = nodeLabel[k];
  return out;
}

/** Makes village and township labels free of pinches together: a village fix can move a cell
 *  to another township, so township labels are re-derived and checked after each round. */
export function settleLabels(L: Lattice, village: Int32Array, townOfVillage: readonly number[], frozen: Uint8Array): Int32Array {
  const town = new Int32Array(village.length);
  for (let round = 0; round < 6; round++) {
    removePinches(L, village, frozen);
    for (let c = 0; c < village.length; c++) town[c] = village[c] < 0 ? -1 : townOfVillage[village[c]];
    const before = town.slice();
    if (removePinches(L, town, frozen) === 0) break;
    for (let c = 0; c < town.length; c++) {
      if (town[c] === before[c]) continue;
      // adopt the village of a neighbour in the new township
      const i = c % L.nx;
      for (const m of [c - 1, c + 1, c - L.nx, c + L.nx, c - L.nx - 1, c - L.nx + 1, c + L.nx - 1, c + L.nx + 1]) {
        if (m >= 0 && m < town.length && Math.abs((m % L.nx) - i) <= 1 && before[m] === town[c] && village[m] >= 0) { village[c] = village[m]; break; }
      }
    }
  }
  return town;
}


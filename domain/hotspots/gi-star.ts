// Getis-Ord Gi* hot spots over grid cells (issue 7 item 2). Getis, A. & Ord, J. K. (1992). The
// analysis of spatial association by use of distance statistics. Geographical Analysis 24(3):
// 189–206; the standardised form with the cell itself in its own neighbourhood ("Gi*") from
// Ord, J. K. & Getis, A. (1995). Local spatial autocorrelation statistics: distributional issues
// and an application. Geographical Analysis 27(4):286–306:
//
//   Gi* = (Σⱼ wᵢⱼ xⱼ − X̄ Σⱼ wᵢⱼ) / (S √[(n Σⱼ wᵢⱼ² − (Σⱼ wᵢⱼ)²) / (n − 1)])
//   X̄ = Σⱼ xⱼ / n,  S = √(Σⱼ xⱼ² / n − X̄²)   (j runs over all n cells, i included)
//
// which is already a z-score (mean 0, variance 1 under randomisation) and is what ArcGIS's Hot
// Spot Analysis reports as GiZScore. Weights are binary (fixed distance band, self = 1), so
// Σⱼ wᵢⱼ² = Σⱼ wᵢⱼ = Wᵢ = 1 + |neighbours of i|.
import type { HotSpotClass } from '../analysis/types.ts';
import { benjaminiHochberg } from './fdr.ts';
import { distanceBandNeighbours } from './neighbours.ts';
import { twoSidedP } from './normal.ts';

// The issue-7 contract names every hot-spot step under gi-star.ts; these two live in their own
// files (fdr.ts, neighbours.ts) and are re-exported so either import path works.
export { benjaminiHochberg, distanceBandNeighbours };

/** Defaults of the daily hot-spot run. The demo's 417 grids share ~374 km² (≈ 0.9 km² each, centres
 * ≈ 1 km apart in the towns), so a 1.5 km band reaches the ring of grids around a town grid;
 * sparse rural grids may have none (their Gi* is then their own standardised count). 14 days of
 * cases matches the 14-day quiet period after which a COVID-19 zone lifts (domain-rules.md §1.1). */
export const HOTSPOT_DEFAULTS: Readonly<{ bandMeters: number; lookbackDays: number }> = Object.freeze({ bandMeters: 1500, lookbackDays: 14 });

/** Gi* z-scores and two-sided normal p-values. `neighbours[i]` lists the cells j ≠ i inside i's
 * band (as distanceBandNeighbours gives them); i itself is added with weight 1. A set with no
 * variance (all counts equal), fewer than 2 cells, or a cell whose band covers every cell (the
 * variance term is 0) has no evidence either way: z = 0, p = 1. */
export function giStar(values: ArrayLike<number>, neighbours: readonly (readonly number[])[]): { z: Float64Array; p: Float64Array } {
  const n = values.length;
  if (neighbours.length !== n) throw new RangeError(`neighbours has ${neighbours.length} rows for ${n} values`);
  let sum = 0;
  for (let j = 0; j < n; j++) {
    if (!Number.isFinite(values[j])) throw new RangeError(`value ${j} is not a finite number: ${values[j]}`);
    sum += values[j];
  }
  const mean = n > 0 ? sum / n : 0;
  let squares = 0; // two passes: Σ(x − X̄)² does not cancel the way Σx² − nX̄² does
  for (let j = 0; j < n; j++) squares += (values[j] - mean) ** 2;
  const s = n > 0 ? Math.sqrt(squares / n) : 0;
  const flat = n < 2 || s <= 1e-12 * Math.abs(mean);

  const z = new Float64Array(n), p = new Float64Array(n).fill(1);
  const seen = new Int32Array(n).fill(-1); // seen[j] = i when j was already listed for cell i
  for (let i = 0; i < n; i++) {
    let local = values[i];
    for (const j of neighbours[i]) {
      if (!Number.isInteger(j) || j < 0 || j >= n || j === i) throw new RangeError(`cell ${i}: neighbour ${j} is not another cell's index`);
      if (seen[j] === i) throw new RangeError(`cell ${i}: neighbour ${j} is listed twice`);
      seen[j] = i;
      local += values[j];
    }
    if (flat) continue;
    const w = 1 + neighbours[i].length;
    const varianceTerm = (n * w - w * w) / (n - 1);
    if (varianceTerm <= 0) continue;
    z[i] = (local - mean * w) / (s * Math.sqrt(varianceTerm));
    p[i] = twoSidedP(z[i]);
  }
  return { z, p };
}

/** Confidence levels of the bins, strictest first: Gi_Bin ±3, ±2, ±1 in ArcGIS. */
const LEVELS = [
  { alpha: 0.01, hot: 'hot99', cold: 'cold99' },
  { alpha: 0.05, hot: 'hot95', cold: 'cold95' },
  { alpha: 0.1, hot: 'hot90', cold: 'cold90' },
] as const;

/** Hot/cold spot bins with the false discovery rate correction, as ArcGIS's Hot Spot Analysis does
 * with "Apply False Discovery Rate (FDR) Correction" checked: the z and p fields stay uncorrected,
 * and a cell enters the 99/95/90 % bin when the Benjamini–Hochberg procedure over all cells'
 * p-values rejects it at α = 0.01/0.05/0.10 (the strictest level that does), hot when z > 0 and
 * cold when z < 0. Without FDR a cell with p < 0.05 is "95 %"; with it, the cutoff drops to the
 * largest p(k) ≤ 0.05·k/n — at most 0.05 and usually far less when few cells stand out
 * (ArcGIS Pro tool reference, "Hot Spot Analysis (Getis-Ord Gi*)", usage notes on Gi_Bin). */
export function classifyHotSpots(z: ArrayLike<number>, p: ArrayLike<number>): HotSpotClass[] {
  if (z.length !== p.length) throw new RangeError(`z has ${z.length} values, p has ${p.length}`);
  const rejected = LEVELS.map((level) => benjaminiHochberg(p, level.alpha));
  return Array.from({ length: z.length }, (_, i): HotSpotClass => {
    if (!(z[i] > 0 || z[i] < 0)) return 'none'; // 0 or NaN: no direction
    const level = LEVELS.findIndex((_, l) => rejected[l][i]);
    if (level < 0) return 'none';
    return z[i] > 0 ? LEVELS[level].hot : LEVELS[level].cold;
  });
}

export interface HotSpotResult { z: Float64Array; p: Float64Array; classes: HotSpotClass[]; neighbourCounts: Int32Array }

/** The whole step: band neighbours of the cell centres, Gi* of the counts and the FDR bins. */
export function hotSpots(counts: ArrayLike<number>, centres: readonly (readonly [number, number])[], bandMeters = HOTSPOT_DEFAULTS.bandMeters): HotSpotResult {
  if (counts.length !== centres.length) throw new RangeError(`${counts.length} counts for ${centres.length} centres`);
  const neighbours = distanceBandNeighbours(centres, bandMeters);
  const { z, p } = giStar(counts, neighbours);
  return { z, p, classes: classifyHotSpots(z, p), neighbourCounts: Int32Array.from(neighbours, (nb) => nb.length) };
}

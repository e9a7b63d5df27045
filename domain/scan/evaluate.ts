// The scan's inner loop, run once on the observed data and once per Monte Carlo replication.
// Only the observed counts change between replications (the expected counts depend on the
// marginals, which the permutation keeps), so a replication is: count the cases of the last
// maxWindowDays days per location, turn them into suffix sums (cases in the last L days for each
// window length L), then for each centre add its neighbours' sums ring by ring and score every
// (circle, window) cylinder with the tabled log likelihood ratio (llr.ts).
import type { Circles } from './cylinders.ts';

export interface ScanTables {
  total: number;
  /** Window lengths minWindowDays + w, for w = 0 .. windows − 1. */
  minWindowDays: number;
  windows: number;
  /** Smallest observed count a cluster may have (SaTScan's "minimum number of cases", default 2). */
  minCases: number;
  xlnx: Float64Array;
  /**
   * μ of cylinder (q, w) = circleCases[q] · windowShare[w], with windowShare[w] = (cases in the
   * window) / C; ln μ = lnCircleCases[q] + lnWindowShare[w]. Kept as two short factors rather than
   * a table per cylinder so the hot loop reads little memory; only ln(C − μ), needed once a
   * cylinder passes c > μ, is tabled per cylinder (q·windows + w).
   */
  circleCases: Int32Array;
  lnCircleCases: Float64Array;
  windowShare: Float64Array;
  lnWindowShare: Float64Array;
  lnRest: Float64Array;
}

/**
 * Cases in the last minWindowDays + w days per location, into out[location·windows + w], from the
 * first `recent` case slots (slotLocation, slotAge: days before the analysis day, < maxWindowDays);
 * firstNonzero[location] = the first window with a case (windows when none).
 */
export function windowCounts(
  slotLocation: Int32Array, slotAge: Int32Array, recent: number, locations: number, maxWindowDays: number,
  t: ScanTables, byAge: Int32Array, out: Int32Array, firstNonzero: Int32Array,
): void {
  byAge.fill(0);
  for (let s = 0; s < recent; s++) byAge[slotLocation[s] * maxWindowDays + slotAge[s]]++;
  const nW = t.windows;
  for (let z = 0; z < locations; z++) {
    let sum = 0, a = 0, first = nW;
    const row = z * maxWindowDays;
    for (; a < t.minWindowDays - 1; a++) sum += byAge[row + a];
    for (let w = 0; w < nW; w++, a++) {
      out[z * nW + w] = sum += byAge[row + a];
      if (sum > 0 && first === nW) first = w;
    }
    firstNonzero[z] = first;
  }
}

/**
 * The largest log likelihood ratio over all cylinders. With `best` given, also each circle's best
 * ratio and window (−1 when no window of it has a high-rate cluster) for the secondary clusters.
 * Without it (a replication) a pruning that cannot change the maximum: a window to which the
 * newest ring added no case has the same count as in the smaller circle but a larger μ, hence a
 * smaller ratio than one already scored, so it is skipped — and so is a ring with no recent case.
 */
export function maxLlr(
  circles: Circles, counts: Int32Array, firstNonzero: Int32Array, t: ScanTables, acc: Int32Array,
  best?: { llr: Float64Array; window: Int32Array },
): number {
  const { neighbours, nbStart, circleStart, size } = circles;
  const { windows: nW, total, minCases, xlnx, circleCases, lnCircleCases, windowShare, lnWindowShare, lnRest } = t;
  let max = 0;
  for (let i = 0; i + 1 < circleStart.length; i++) {
    const first = circleStart[i], last = circleStart[i + 1];
    if (first === last) continue;
    acc.fill(0);
    let k = 0;
    const nb0 = nbStart[i];
    for (let q = first; q < last; q++) {
      let changed = nW;
      for (const end = size[q]; k < end; k++) {
        const z = neighbours[nb0 + k], f = firstNonzero[z];
        if (f === nW) continue;
        if (f < changed) changed = f;
        const row = z * nW;
        for (let w = f; w < nW; w++) acc[w] += counts[row + w];
      }
      let w = best ? 0 : changed;
      // acc grows with w (longer windows hold more cases): start at the first window with enough.
      while (w < nW && acc[w] < minCases) w++;
      let circleBest = 0, circleWindow = -1;
      const cases = circleCases[q], lnCases = lnCircleCases[q];
      for (; w < nW; w++) {
        const c = acc[w];
        if (c <= cases * windowShare[w]) continue;
        const rest = total - c;
        const llr = xlnx[c] - c * (lnCases + lnWindowShare[w]) + xlnx[rest] - rest * lnRest[q * nW + w];
        if (llr > circleBest) { circleBest = llr; circleWindow = w; }
      }
      if (circleBest > max) max = circleBest;
      if (best) { best.llr[q] = circleBest; best.window[q] = circleWindow; }
    }
  }
  return max;
}

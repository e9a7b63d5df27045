// Cuts a sequence of household counts (occupied cells in Hilbert order) into consecutive runs
// of 300–500 households each (domain-rules.md §1.9), as even as possible: a small dynamic
// programme over cut positions. When no cut satisfies the limits (a unit under 300 households,
// or one of 501–599), the least-bad cut is taken and the caller reports it.
export const GRID_MIN = 300;
export const GRID_MAX = 500;

export function cutRuns(weights: readonly number[]): number[] {
  return cutRunsScored(weights).cuts;
}

/** The cut and whether every run is within the limits. */
export function cutRunsScored(weights: readonly number[]): { cuts: number[]; feasible: boolean } {
  const n = weights.length, total = weights.reduce((s, w) => s + w, 0);
  if (n === 0) return { cuts: [], feasible: true };
  const prefix = [0];
  for (const w of weights) prefix.push(prefix[prefix.length - 1] + w);
  let best: { cost: number; cuts: number[] } = { cost: Infinity, cuts: [n] };
  const kMin = Math.max(1, Math.floor(total / GRID_MAX)), kMax = Math.max(kMin, Math.ceil(total / GRID_MIN));
  for (let k = kMin; k <= Math.min(kMax, n); k++) {
    const target = total / k;
    const penalty = (sum: number) => (sum - target) ** 2 + (sum < GRID_MIN ? 1e6 * (GRID_MIN - sum) : 0) + (sum > GRID_MAX ? 1e6 * (sum - GRID_MAX) : 0);
    if (k === 1) {
      if (penalty(total) < best.cost) best = { cost: penalty(total), cuts: [n] };
      continue;
    }
    // cost[m][i]: best cost of splitting the first i items into m runs
    const cost = Array.from({ length: k + 1 }, () => new Float64Array(n + 1).fill(Infinity));
    const from = Array.from({ length: k + 1 }, () => new Int32Array(n + 1));
    cost[0][0] = 0;
    for (let m = 1; m <= k; m++) {
      for (let i = m; i <= n; i++) {
        // only runs of a plausible size are tried (keeps the programme near linear)
        for (let j = i - 1; j >= m - 1; j--) {
          const sum = prefix[i] - prefix[j];
          if (sum > 1.6 * GRID_MAX) break;
          if (cost[m - 1][j] === Infinity || sum < 0.4 * GRID_MIN) continue;
          const c = cost[m - 1][j] + penalty(sum);
          if (c < cost[m][i]) { cost[m][i] = c; from[m][i] = j; }
        }
      }
    }
    if (cost[k][n] < best.cost) {
      const cuts: number[] = [];
      for (let m = k, i = n; m > 0; i = from[m][i], m--) cuts.push(i);
      best = { cost: cost[k][n], cuts: cuts.reverse() };
    }
  }
  return { cuts: best.cuts, feasible: best.cost < 1e6 }; // end index (exclusive) of each run
}

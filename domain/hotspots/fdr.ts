// Benjamini, Y. & Hochberg, Y. (1995). Controlling the false discovery rate: a practical and
// powerful approach to multiple testing. J. R. Stat. Soc. B 57(1):289–300, the step-up
// procedure: sort the m p-values p(1) ≤ … ≤ p(m), find the largest k with p(k) ≤ (k/m)·α,
// reject the hypotheses of p(1) … p(k). It keeps the expected share of false rejections ≤ α for
// independent tests, and Benjamini & Yekutieli (2001, Ann. Stat. 29:1165) show it also does under
// positive regression dependence, close to the case of neighbouring Gi* scores (they share cells
// and correlate positively; strictly, two-sided p-values need not satisfy it).
// Caldas de Castro & Singer (2006, Geographical Analysis 38(2):180–208) make the case for it in
// local statistics of spatial association; ArcGIS's Hot Spot Analysis offers it for its Gi_Bin.

/** The largest p-value the step-up procedure rejects at level `alpha`, or -Infinity when it
 * rejects none. NaN p-values count as 1 (never rejected, but they still count in m). */
export function bhCutoff(p: ArrayLike<number>, alpha: number): number {
  if (!(alpha >= 0 && alpha <= 1)) throw new RangeError(`alpha must be in [0, 1], got ${alpha}`);
  const m = p.length;
  const sorted = Float64Array.from({ length: m }, (_, i) => (Number.isNaN(p[i]) ? 1 : p[i])).sort();
  for (let k = m; k >= 1; k--) if (sorted[k - 1] <= (k / m) * alpha) return sorted[k - 1];
  return -Infinity;
}

/** Which hypotheses the Benjamini–Hochberg step-up procedure rejects at false discovery rate
 * `alpha`, in input order. Ties with the cutoff are rejected together (as the procedure does:
 * if p(k+1) = p(k) ≤ (k/m)·α then k + 1 also qualifies). */
export function benjaminiHochberg(p: ArrayLike<number>, alpha: number): boolean[] {
  const cutoff = bhCutoff(p, alpha);
  return Array.from({ length: p.length }, (_, i) => p[i] <= cutoff);
}

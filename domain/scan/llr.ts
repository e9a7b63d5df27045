// The space-time permutation scan's test statistic (Kulldorff, Heffernan, Hartman, Assunção &
// Mostashari 2005, "A space-time permutation scan statistic for disease outbreak detection",
// PLoS Medicine 2(3):e59, eq. 3–4): with C cases in all, c observed and μ expected inside a
// cylinder, the generalised likelihood ratio under the Poisson approximation is
//   GLR = (c/μ)^c · ((C−c)/(C−μ))^(C−c)   when c > μ (high-rate clusters only), else 1,
// so its log is c·ln(c/μ) + (C−c)·ln((C−c)/(C−μ)). The scan's hot loop evaluates it as
//   xlnx[c] − c·ln μ + xlnx[C−c] − (C−c)·ln(C−μ)
// with x·ln x tabled once for the integers 0..C and ln μ, ln(C−μ) tabled once per cylinder: μ
// depends only on the marginals, which the permutation keeps (see space-time-permutation.ts).

/** Log likelihood ratio of a cylinder with `observed` of `total` cases where `expected` were due; 0 unless observed > expected. */
export function poissonLlr(observed: number, expected: number, total: number): number {
  if (!(observed > expected)) return 0;
  const rest = total - observed;
  const inside = observed * Math.log(observed / expected);
  // (C−c)·ln((C−c)/(C−μ)) → 0 as C−c → 0 (x ln x → 0).
  return rest > 0 ? inside + rest * Math.log(rest / (total - expected)) : inside;
}

/** t[k] = k·ln k for k = 0..n, with 0·ln 0 = 0. */
export function xLogXTable(n: number): Float64Array {
  const t = new Float64Array(n + 1);
  for (let k = 2; k <= n; k++) t[k] = k * Math.log(k);
  return t;
}

/**
 * SaTScan's relative risk of a cluster: the risk inside over the risk outside,
 * (c/μ) / ((C−c)/(C−μ)). When every case is inside, the outside risk is 0; report c/μ instead of ∞
 * so the figure stays a finite JSON number.
 */
export function relativeRisk(observed: number, expected: number, total: number): number {
  const rest = total - observed;
  if (expected <= 0) return 0;
  return rest > 0 ? (observed / expected) / (rest / (total - expected)) : observed / expected;
}

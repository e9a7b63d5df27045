// CDC's Early Aberration Reporting System detectors C1, C2 and C3 on a daily count series
// (issue 7 item 3: fever-clinic visits and fever-drug sales per village). Hutwagner, L.,
// Thompson, W., Seeman, G. M. & Treadwell, T. (2003). The bioterrorism preparedness and response
// Early Aberration Reporting System (EARS). J. Urban Health 80(2 Suppl 1):i89–i96; the formulas
// as written out by Fricker, R. D., Hegler, B. L. & Dunfee, D. A. (2008). Comparing syndromic
// surveillance detection methods: EARS' versus a CUSUM-based methodology. Stat. Med. 27:3407–3429:
//
//   C1(t) = (x_t − x̄₁) / s₁   x̄₁, s₁: mean and sample SD (n − 1) of x_{t−7} … x_{t−1}
//   C2(t) = (x_t − x̄₂) / s₂   x̄₂, s₂: the same over x_{t−9} … x_{t−3} (a 2-day guard band keeps
//                             the first days of an outbreak out of its own baseline)
//   C3(t) = Σ_{i=0..2} max(0, C2(t−i) − 1)
//
// flagged when C1 > 3, C2 > 3, C3 > 2 (Fricker et al. 2008; R's surveillance::earsC starts C1, C2
// and C3 on the same days, 7, 9 and 11 days in). Needing no more history than that is why EARS
// suits a system that has just started collecting.
import type { EarsMethod } from '../analysis/types.ts';

export interface EarsStat { c1: number | null; c2: number | null; c3: number | null; methods: EarsMethod[] }

export const EARS_THRESHOLDS: Readonly<Record<EarsMethod, number>> = Object.freeze({ C1: 3, C2: 3, C3: 2 });

/** The floor on the baseline SD. A flat baseline (a village with no fever visit all week) has
 * SD 0, and any visit would score +∞. CDC's BioSense first ran C2 with a floor of 0.2; Tokars,
 * Burkom, Xing et al. (2009), "Enhancing time-series detection algorithms for automated
 * biosurveillance", Emerg. Infect. Dis. 15(4):533–539, found a floor of 1.0 detected more added
 * counts at the same 1 % alert rate (facility-syndrome series, mean 7.7 a day). A village's
 * series here is sparser still (the demo's ≈ 0.2–3 a day), where the floor matters most: on
 * simulated Poisson series of mean 0.6 a day with a weekly rhythm, 1.0 cuts the quiet days that
 * some method flags from 16 % (floor 0.2) to 1 %. With 1.0, one visit after a silent week scores
 * C = 1 (no signal), four score 4 (a signal). R's surveillance::earsC calls the same knob
 * `minSigma` (default 0); pass `minSd` to change it. */
export const EARS_MIN_SD = 1;

const C1_LAG = 1, C2_LAG = 3, BASELINE_DAYS = 7;

/** (x_t − mean) / max(sd, minSd) over the 7 days ending `lag` days before t; null without them. */
function standardised(x: ArrayLike<number>, t: number, lag: number, minSd: number): number | null {
  const first = t - lag - BASELINE_DAYS + 1;
  if (first < 0) return null;
  let sum = 0;
  for (let i = first; i <= t - lag; i++) sum += x[i];
  const mean = sum / BASELINE_DAYS;
  let squares = 0;
  for (let i = first; i <= t - lag; i++) squares += (x[i] - mean) ** 2;
  const sd = Math.sqrt(squares / (BASELINE_DAYS - 1));
  return (x[t] - mean) / Math.max(sd, minSd);
}

/** C1, C2, C3 and the methods that flag, one entry per day of `counts` (oldest first). A statistic
 * is null until its baseline exists: C1 from day 7, C2 from day 9, C3 from day 11 (0-based). */
export function ears(counts: ArrayLike<number>, opts: { minSd?: number } = {}): EarsStat[] {
  const minSd = opts.minSd ?? EARS_MIN_SD;
  if (!(minSd > 0 && Number.isFinite(minSd))) throw new RangeError(`minSd must be a positive number, got ${minSd}`);
  for (let t = 0; t < counts.length; t++) {
    if (!Number.isFinite(counts[t])) throw new RangeError(`count ${t} is not a finite number: ${counts[t]}`);
  }
  const c2 = Array.from({ length: counts.length }, (_, t) => standardised(counts, t, C2_LAG, minSd));
  return Array.from({ length: counts.length }, (_, t): EarsStat => {
    const c1 = standardised(counts, t, C1_LAG, minSd);
    const window = t >= 2 ? [c2[t], c2[t - 1], c2[t - 2]] : [null];
    const c3 = window.every((v) => v !== null) ? window.reduce((s: number, v) => s + Math.max(0, v! - 1), 0) : null;
    const methods: EarsMethod[] = [];
    if (c1 !== null && c1 > EARS_THRESHOLDS.C1) methods.push('C1');
    if (c2[t] !== null && c2[t]! > EARS_THRESHOLDS.C2) methods.push('C2');
    if (c3 !== null && c3 > EARS_THRESHOLDS.C3) methods.push('C3');
    return { c1, c2: c2[t], c3, methods };
  });
}

// The prospective space-time permutation scan statistic (Kulldorff, Heffernan, Hartman, Assunção
// & Mostashari 2005, "A space-time permutation scan statistic for disease outbreak detection",
// PLoS Medicine 2(3):e59), the method SaTScan runs and NYC DOHMH has run daily since 2014.
// Cylinders: circles around each location (cylinders.ts) × time windows that end on the analysis
// day (prospective: a cluster that ended weeks ago is not news). Expected counts come from the
// case counts alone (plan.ts), so no population is needed and purely spatial or purely temporal
// patterns (a village's size, a weekend dip) are adjusted away. Significance: Monte Carlo —
// permute the days among the cases (Fisher–Yates, seeded), take each replication's largest log
// likelihood ratio, p = rank / (R + 1) with rank = 1 + replications at or above the observed
// ratio (Dwass 1957; SaTScan). Secondary clusters use the same null distribution of maxima, as
// SaTScan does, which makes their p-values conservative.
// Recurrence interval: SaTScan reports, for prospective analyses, the time between signals this
// strong expected by chance if the analysis is repeated at the same frequency — for a daily
// analysis, 1/p days (p = 0.01 → once in 100 days).
import { fisherYates } from '../stats/shuffle.ts';
import { seededRandom } from '../stats/prng.ts';
import { maxLlr, windowCounts } from './evaluate.ts';
import { relativeRisk } from './llr.ts';
import { planScan } from './plan.ts';
import { pickNonOverlapping } from './secondary.ts';

export interface ScanInput {
  locations: { id: number; lng: number; lat: number }[];
  /** Study period length; day index 0 .. days − 1, days − 1 = the analysis day. */
  days: number;
  /** location = index into locations. */
  cases: { location: number; day: number }[];
}

export interface ScanParams {
  maxWindowDays: number;
  minWindowDays: number;
  /** Largest circle, as a share of all cases in the study period (SaTScan's % of population at risk; here the cases). */
  maxSpatialShare: number;
  maxRadiusMeters: number;
  replications: number;
  seed: number;
  maxClusters: number;
}

export const SCAN_DEFAULTS: ScanParams = {
  // NYC DOHMH's daily reportable-disease scans (Greene et al. 2016, Emerg Infect Dis 22(10):1808;
  // Levin-Rector et al. 2024, JMIR Public Health Surveill 10:e50653; docs peers.md §1.8): windows
  // of 2 to 30 days over a 365-day study period. A 1-day minimum would signal a single day's
  // batch of late reports; 30 days is longer than two incubation periods of the diseases tracked.
  maxWindowDays: 30,
  minWindowDays: 2,
  // SaTScan's default maximum spatial cluster size, 50 %; the radius cap keeps a cluster to a
  // township or two (Fengfeng's towns are 5–10 km apart; the district is ~20 km across), so a
  // signal points field teams at one area rather than half the district.
  maxSpatialShare: 0.5,
  maxRadiusMeters: 5000,
  // SaTScan's default; p-values down to 0.001, recurrence intervals up to 1000 days.
  replications: 999,
  seed: 1,
  maxClusters: 5,
};

export interface ScanCluster {
  /** Indices into input.locations, nearest the centre first. */
  locations: number[];
  centre: number;
  radiusMeters: number;
  startDay: number;
  endDay: number;
  observed: number;
  expected: number;
  relativeRisk: number;
  llr: number;
  pValue: number;
  recurrenceDays: number;
}

export interface ScanResult {
  /** Most likely first, then secondary clusters with no location in common with a more likely one. */
  clusters: ScanCluster[];
  /** Monte Carlo replications behind the p-values: 0 when there was no cluster to test. */
  replications: number;
  totalCases: number;
}

function check(input: ScanInput, p: ScanParams): void {
  const whole = (x: number, min: number) => Number.isInteger(x) && x >= min;
  if (!whole(input.days, 1)) throw new RangeError(`days must be a whole number ≥ 1, got ${input.days}`);
  if (!whole(p.minWindowDays, 1) || !whole(p.maxWindowDays, p.minWindowDays)) throw new RangeError('need 1 ≤ minWindowDays ≤ maxWindowDays, whole days');
  if (!(p.maxSpatialShare > 0 && p.maxSpatialShare <= 1)) throw new RangeError('maxSpatialShare must be in (0, 1]');
  if (!(p.maxRadiusMeters >= 0)) throw new RangeError('maxRadiusMeters must be ≥ 0');
  if (!whole(p.replications, 0) || !whole(p.maxClusters, 1)) throw new RangeError('replications ≥ 0 and maxClusters ≥ 1 must be whole numbers');
  input.cases.forEach((c, i) => {
    if (!Number.isInteger(c.location) || c.location < 0 || c.location >= input.locations.length) throw new RangeError(`case ${i}: location ${c.location} is not an index into locations`);
    if (!Number.isInteger(c.day) || c.day < 0 || c.day >= input.days) throw new RangeError(`case ${i}: day ${c.day} is outside 0..${input.days - 1}`);
  });
}

/** Prospective: only cylinders that end on the last day. Yields the replications done so far (0 once the observed data are scanned). */
export function* scanSteps(input: ScanInput, params: ScanParams): Generator<number, ScanResult> {
  check(input, params);
  const total = input.cases.length;
  const plan = planScan(input.locations, input.days, Int32Array.from(input.cases, (c) => c.location), Int32Array.from(input.cases, (c) => c.day), params);
  const { circles, tables, slotLocation, slotAge, recent, maxWindowDays } = plan;
  const nLoc = input.locations.length, nW = tables.windows, nCircles = circles.size.length;
  const byAge = new Int32Array(nLoc * maxWindowDays), counts = new Int32Array(nLoc * nW), firstNonzero = new Int32Array(nLoc), acc = new Int32Array(nW);

  const best = { llr: new Float64Array(nCircles), window: new Int32Array(nCircles) };
  windowCounts(slotLocation, slotAge, recent, nLoc, maxWindowDays, tables, byAge, counts, firstNonzero);
  const observedCounts = counts.slice();
  if (nW > 0) maxLlr(circles, counts, firstNonzero, tables, acc, best);
  const picked = pickNonOverlapping(circles, best.llr, nLoc, params.maxClusters);
  if (picked.length === 0) return { clusters: [], replications: 0, totalCases: total };
  yield 0;

  const random = seededRandom(params.seed);
  const atOrAbove = new Int32Array(picked.length);
  for (let r = 0; r < params.replications; r++) {
    fisherYates(slotLocation, random, recent);
    windowCounts(slotLocation, slotAge, recent, nLoc, maxWindowDays, tables, byAge, counts, firstNonzero);
    const max = maxLlr(circles, counts, firstNonzero, tables, acc);
    for (let j = 0; j < picked.length; j++) if (max >= best.llr[picked[j]]) atOrAbove[j]++;
    yield r + 1;
  }

  const clusters = picked.map((q, j): ScanCluster => {
    const w = best.window[q], start = circles.nbStart[circles.centre[q]], end = start + circles.size[q];
    const locations = Array.from(circles.neighbours.subarray(start, end));
    const observed = locations.reduce((sum, z) => sum + observedCounts[z * nW + w], 0);
    const expected = tables.circleCases[q] * tables.windowShare[w];
    const pValue = (atOrAbove[j] + 1) / (params.replications + 1);
    return {
      locations, centre: circles.centre[q], radiusMeters: circles.distanceMeters[end - 1],
      startDay: input.days - (tables.minWindowDays + w), endDay: input.days - 1,
      observed, expected, relativeRisk: relativeRisk(observed, expected, total), llr: best.llr[q],
      pValue, recurrenceDays: 1 / pValue,
    };
  });
  return { clusters, replications: params.replications, totalCases: total };
}

/** Runs scanSteps to the end. */
export function spaceTimePermutationScan(input: ScanInput, params: ScanParams): ScanResult {
  const steps = scanSteps(input, params);
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
  }
}

/** 'ongoing' when it shares a location with a cluster signalled on an earlier day, else 'new' (NYC DOHMH's rule, Levin-Rector et al. 2024). */
export function clusterStatus(locationIds: number[], earlier: number[][]): 'new' | 'ongoing' {
  const mine = new Set(locationIds);
  return earlier.some((ids) => ids.some((id) => mine.has(id))) ? 'ongoing' : 'new';
}

// Everything about a scan that the Monte Carlo replications share: the circles, the case slots
// sorted by day, and the expected counts of every cylinder with their logarithms.
// Kulldorff et al. 2005 (PLoS Med 2(3):e59), eq. 1–2: with c_zd cases in location z on day d,
// C_z = Σ_d c_zd, C_d = Σ_z c_zd and C = Σ c_zd, the expected count of cell (z, d) given no
// space-time interaction is μ_zd = C_z·C_d / C, so a cylinder of circle Z and window D expects
// μ = (Σ_{z∈Z} C_z)·(Σ_{d∈D} C_d) / C. Permuting the days among the cases keeps every C_z and C_d,
// hence every μ: they are computed once here, never per replication.
import { buildCircles, type Circles } from './cylinders.ts';
import type { ScanTables } from './evaluate.ts';
import { xLogXTable } from './llr.ts';

/** SaTScan's default "minimum number of cases in a cluster for high rates" (v9.3 and later): 2. */
export const MIN_CLUSTER_CASES = 2;

export interface ScanPlan {
  circles: Circles;
  tables: ScanTables;
  maxWindowDays: number;
  /** Case slots nearest day first: slotAge[s] = days before the analysis day. Permuting slotLocation permutes the days among the cases. */
  slotLocation: Int32Array;
  slotAge: Int32Array;
  /** Slots whose day falls in the last maxWindowDays days: the only ones a replication must draw. */
  recent: number;
}

export function planScan(
  locations: readonly { lng: number; lat: number }[], days: number, caseLocation: Int32Array, caseDay: Int32Array,
  p: { maxWindowDays: number; minWindowDays: number; maxSpatialShare: number; maxRadiusMeters: number },
): ScanPlan {
  const total = caseLocation.length;
  const perLocation = new Int32Array(locations.length), perAge = new Int32Array(days);
  for (let i = 0; i < total; i++) { perLocation[caseLocation[i]]++; perAge[days - 1 - caseDay[i]]++; }

  // Counting sort of the cases by age (days before the analysis day).
  const ageStart = new Int32Array(days + 1);
  for (let a = 0; a < days; a++) ageStart[a + 1] = ageStart[a] + perAge[a];
  const slotLocation = new Int32Array(total), slotAge = new Int32Array(total), next = ageStart.slice(0, days);
  for (let i = 0; i < total; i++) {
    const a = days - 1 - caseDay[i], s = next[a]++;
    slotLocation[s] = caseLocation[i];
    slotAge[s] = a;
  }
  const maxWindowDays = Math.min(p.maxWindowDays, days);
  const minWindowDays = p.minWindowDays;
  const windows = Math.max(0, maxWindowDays - minWindowDays + 1);

  const circles = buildCircles(locations, perLocation, p.maxSpatialShare * total, p.maxRadiusMeters);
  const nCircles = circles.size.length;
  const windowShare = Float64Array.from({ length: windows }, (_, w) => (total > 0 ? ageStart[minWindowDays + w] / total : 0));
  const lnRest = new Float64Array(nCircles * windows);
  for (let q = 0; q < nCircles; q++) {
    for (let w = 0; w < windows; w++) lnRest[q * windows + w] = Math.log(total - circles.cases[q] * windowShare[w]);
  }
  const tables: ScanTables = {
    total, minWindowDays, windows, minCases: MIN_CLUSTER_CASES, xlnx: xLogXTable(total),
    circleCases: circles.cases, lnCircleCases: Float64Array.from(circles.cases, (x) => Math.log(x)), windowShare, lnWindowShare: windowShare.map((x) => Math.log(x)), lnRest,
  };
  return { circles, tables, maxWindowDays, slotLocation, slotAge, recent: ageStart[maxWindowDays] };
}

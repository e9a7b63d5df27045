// One day's prospective space-time permutation scan (Kulldorff et al. 2005, domain/scan) over the
// villages: cases counted in the village holding their home, a study period of the 365 days up to
// the day, 999 Monte Carlo replications seeded from the date (a rerun of a day gives the same
// answer). The replications run through `scanSteps` and hand the event loop back every ~20 ms, so
// requests and the live stream keep flowing while a day is analysed in the background.
import type { Polygon } from 'geojson';
import { circle } from '@turf/turf';
import type { ScanClusterOut } from '../../domain/analysis/types.ts';
import { clusterStatus, SCAN_DEFAULTS, scanSteps, type ScanInput, type ScanParams } from '../../domain/scan/space-time-permutation.ts';
import { addDays, daysBetween } from '../../domain/zones/calendar.ts';
import type { Located } from './areas.ts';
import type { CasePoint } from './inputs.ts';

export const SCAN_STUDY_DAYS = 365;
/** The longest stretch the scan keeps the event loop (ms). */
export const YIELD_EVERY_MS = 20;
/** Clusters kept in the run (and drawn on the map): significant at 5 %, i.e. a recurrence
 * interval of at least 20 days. Alerts take the stricter scan_cluster thresholds (rules.ts). */
export const SCAN_REPORT_P = 0.05;
/** A one-village cluster has radius 0: its circle is drawn at least this wide so the map shows it. */
export const MIN_CIRCLE_METERS = 500;

/** The day's seed: its date as a number (2022-05-27 → 20220527). */
export const seedOf = (day: string): number => Number(day.replaceAll('-', ''));

/** Runs a step generator to its end, yielding to the event loop (setImmediate) whenever
 * `everyMs` have passed since the last yield. */
export async function drain<T>(steps: Generator<unknown, T>, everyMs = YIELD_EVERY_MS): Promise<T> {
  let since = performance.now();
  for (;;) {
    const s = steps.next();
    if (s.done) return s.value;
    if (performance.now() - since >= everyMs) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      since = performance.now();
    }
  }
}

export interface ScanDay { params: Record<string, number>; clusters: ScanClusterOut[] }

/** `villageOf[k]`: index into `places` of case k's village (−1: outside every village, not counted);
 * `earlier`: the village ids of clusters signalled on earlier days (new vs ongoing). */
export async function scanDay(places: readonly Located[], cases: readonly CasePoint[], villageOf: Int32Array, day: string,
  earlier: number[][], overrides: Partial<ScanParams> = {}): Promise<ScanDay> {
  const params: ScanParams = { ...SCAN_DEFAULTS, seed: seedOf(day), ...overrides };
  const first = addDays(day, -(SCAN_STUDY_DAYS - 1));
  const counted = cases.flatMap((c, k) => (villageOf[k] >= 0 && c.day >= first && c.day <= day ? [{ c, location: villageOf[k] }] : []));
  const dayOf = new Map<string, number>(); // dates repeat: parse each once
  const index = (d: string) => dayOf.get(d) ?? dayOf.set(d, daysBetween(first, d)).get(d)!;
  const input: ScanInput = { locations: places.map((p) => ({ id: p.id, lng: p.centre[0], lat: p.centre[1] })), days: SCAN_STUDY_DAYS,
    cases: counted.map(({ c, location }) => ({ location, day: index(c.day) })) };
  const out = { params: { ...params, studyDays: SCAN_STUDY_DAYS, cases: counted.length, locations: places.length, reportP: SCAN_REPORT_P }, clusters: [] as ScanClusterOut[] };
  // Fewer than two cases, or one village: no space-time interaction to find.
  if (counted.length < 2 || places.length < 2) return out;
  const result = await drain(scanSteps(input, params));
  out.clusters = result.clusters.filter((k) => k.pValue <= SCAN_REPORT_P).map((k, i): ScanClusterOut => {
    const inside = new Set(k.locations);
    const startDay = addDays(first, k.startDay), endDay = addDays(first, k.endDay);
    const locationIds = k.locations.map((l) => places[l].id).sort((a, b) => a - b);
    const centre = places[k.centre].centre;
    return { rank: i + 1, locationIds, centre, radiusMeters: k.radiusMeters, startDay, endDay, observed: k.observed, expected: k.expected,
      relativeRisk: k.relativeRisk, llr: k.llr, pValue: k.pValue, recurrenceDays: k.recurrenceDays, status: clusterStatus(locationIds, earlier),
      circle: circle(centre, Math.max(k.radiusMeters, MIN_CIRCLE_METERS) / 1000, { steps: 48, units: 'kilometers' }).geometry as Polygon,
      memberIds: counted.filter(({ c, location }) => inside.has(location) && c.day >= startDay && c.day <= endDay).map(({ c }) => c.id) };
  });
  return out;
}

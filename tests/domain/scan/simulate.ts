// Seeded test data for the scan: a grid of locations near Fengfeng, a year of background cases
// and optionally extra cases planted in a few neighbouring locations over the last days.
// The background has no space-time interaction (the null hypothesis: where a case lives says
// nothing about when it falls ill) but is far from uniform, so that a scan that does not adjust
// for purely spatial and purely temporal variation fails: locations differ in size (lognormal,
// σ 0.6, as villages do), weekends see 60 % of a weekday's reports, and the last 30 days rise
// district-wide to 3× — a wave everywhere is not a local cluster.
import { seededRandom } from '../../../domain/stats/prng.ts';
import type { ScanInput } from '../../../domain/scan/space-time-permutation.ts';

export interface Planted { locations: number[]; firstDay: number }

/** side × side locations spaced `spacingMeters` apart around 114.2039 E, 36.4204 N. */
export function gridLocations(side: number, spacingMeters: number): ScanInput['locations'] {
  const dLng = spacingMeters / (111_320 * Math.cos((36.4204 * Math.PI) / 180)), dLat = spacingMeters / 110_950;
  return Array.from({ length: side * side }, (_, i) => ({ id: 1000 + i, lng: 114.2039 + (i % side) * dLng, lat: 36.4204 + Math.floor(i / side) * dLat }));
}

/**
 * `background` cases drawn independently by location weight × day weight; with `plant`, `extra`
 * more cases over the last `plant.days` days in `plant.size` grid-adjacent locations (a block
 * around a random cell), spread evenly over those days and locations.
 */
export function simulate(seed: number, o: { side: number; days: number; background: number; plant?: { size: number; days: number; extra: number } }): { input: ScanInput; planted: Planted | null } {
  const rnd = seededRandom(seed);
  const locations = gridLocations(o.side, 1000);
  const n = locations.length;
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const locationWeight = cumulative(Array.from({ length: n }, () => Math.exp(0.6 * gauss())));
  const dayWeight = cumulative(Array.from({ length: o.days }, (_, d) => (d % 7 >= 5 ? 0.6 : 1) * (1 + (2 * Math.max(0, d - (o.days - 30))) / 30)));
  const cases: ScanInput['cases'] = [];
  for (let i = 0; i < o.background; i++) cases.push({ location: draw(locationWeight, rnd()), day: draw(dayWeight, rnd()) });
  if (!o.plant) return { input: { locations, days: o.days, cases }, planted: null };
  // A block of grid neighbours: start at a random cell away from the edge, add right, up, up-right, left…
  const x = 1 + Math.floor(rnd() * (o.side - 3)), y = 1 + Math.floor(rnd() * (o.side - 3));
  const steps: [number, number][] = [[0, 0], [1, 0], [0, 1], [1, 1], [-1, 0]];
  const planted = steps.slice(0, o.plant.size).map(([dx, dy]) => (y + dy) * o.side + (x + dx));
  const firstDay = o.days - o.plant.days;
  for (let k = 0; k < o.plant.extra; k++) cases.push({ location: planted[k % planted.length], day: firstDay + (k % o.plant.days) });
  return { input: { locations, days: o.days, cases }, planted: { locations: planted, firstDay } };
}

function cumulative(xs: number[]): number[] {
  let sum = 0;
  return xs.map((x) => (sum += x));
}

/** The index i with cum[i − 1] ≤ u·total < cum[i]. */
function draw(cum: number[], u: number): number {
  const r = u * cum[cum.length - 1];
  let lo = 0, hi = cum.length - 1;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] <= r) lo = mid + 1; else hi = mid; }
  return lo;
}

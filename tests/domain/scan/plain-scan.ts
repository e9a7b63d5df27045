// A plain implementation of the same prospective space-time permutation scan, written straight
// from Kulldorff et al. 2005 (PLoS Med 2(3):e59) with none of domain/scan's economies: the full
// location × day count matrix, every cylinder's observed and expected counts summed cell by cell
// (μ_zd = C_z·C_d / C), logarithms computed each time, all days permuted each replication.
// It is the reference the tests compare the optimised scan with, and the "plain" row of
// bench/scan.ts (SaTScan itself is a closed binary that does not run here).
import { haversineMeters } from '../../../domain/scan/cylinders.ts';
import { seededRandom } from '../../../domain/stats/prng.ts';
import type { ScanInput, ScanParams } from '../../../domain/scan/space-time-permutation.ts';

export interface PlainBest { llr: number; centre: number; locations: number[]; windowDays: number; observed: number; expected: number }

function circlesOf(input: ScanInput, perLocation: number[], maxCases: number, maxRadiusMeters: number): { centre: number; locations: number[] }[] {
  const out: { centre: number; locations: number[] }[] = [];
  input.locations.forEach((a, i) => {
    const d = input.locations.map((b, j) => (j === i ? 0 : haversineMeters(a.lng, a.lat, b.lng, b.lat)));
    const order = d.map((_, j) => j).sort((x, y) => d[x] - d[y] || (x === i ? -1 : y === i ? 1 : x - y));
    let cases = 0;
    for (let k = 0; k < order.length; k++) {
      if (d[order[k]] > maxRadiusMeters) break;
      cases += perLocation[order[k]];
      if (cases > maxCases) break;
      // a circle of this radius holds every location at the same distance: wait for the last one
      if (k + 1 < order.length && d[order[k + 1]] - d[order[k]] <= 1e-6) continue;
      out.push({ centre: i, locations: order.slice(0, k + 1) });
    }
  });
  return out;
}

function scanMatrix(m: number[][], days: number, circles: { centre: number; locations: number[] }[], p: ScanParams): PlainBest {
  const C = m.reduce((s, row) => s + row.reduce((a, b) => a + b, 0), 0);
  const perLocation = m.map((row) => row.reduce((a, b) => a + b, 0));
  const perDay = Array.from({ length: days }, (_, d) => m.reduce((s, row) => s + row[d], 0));
  let best: PlainBest = { llr: 0, centre: -1, locations: [], windowDays: 0, observed: 0, expected: 0 };
  for (const { centre, locations } of circles) {
    for (let L = p.minWindowDays; L <= Math.min(p.maxWindowDays, days); L++) {
      let c = 0, mu = 0;
      for (const z of locations) for (let d = days - L; d < days; d++) { c += m[z][d]; mu += (perLocation[z] * perDay[d]) / C; }
      if (c < 2 || c <= mu) continue;
      const llr = c * Math.log(c / mu) + (C - c > 0 ? (C - c) * Math.log((C - c) / (C - mu)) : 0);
      if (llr > best.llr) best = { llr, centre, locations, windowDays: L, observed: c, expected: mu };
    }
  }
  return best;
}

/** The most likely cluster and its Monte Carlo p-value over `replications` full permutations. */
export function plainScan(input: ScanInput, p: ScanParams, replications = p.replications): { best: PlainBest; pValue: number } {
  const n = input.locations.length;
  const matrix = (pairs: [number, number][]) => {
    const m = Array.from({ length: n }, () => new Array<number>(input.days).fill(0));
    for (const [z, d] of pairs) m[z][d]++;
    return m;
  };
  const perLocation = new Array<number>(n).fill(0);
  for (const c of input.cases) perLocation[c.location]++;
  const circles = circlesOf(input, perLocation, p.maxSpatialShare * input.cases.length, p.maxRadiusMeters);
  const best = scanMatrix(matrix(input.cases.map((c) => [c.location, c.day])), input.days, circles, p);
  const days = input.cases.map((c) => c.day), random = seededRandom(p.seed);
  let rank = 1;
  for (let r = 0; r < replications; r++) {
    for (let i = days.length - 1; i > 0; i--) { const j = Math.floor(random() * (i + 1)); [days[i], days[j]] = [days[j], days[i]]; }
    if (scanMatrix(matrix(input.cases.map((c, i) => [c.location, days[i]])), input.days, circles, p).llr >= best.llr) rank++;
  }
  return { best, pValue: rank / (replications + 1) };
}

import { describe, expect, it } from 'vitest';
import { maxLlr, windowCounts } from '../../../domain/scan/evaluate.ts';
import { poissonLlr, relativeRisk } from '../../../domain/scan/llr.ts';
import { planScan } from '../../../domain/scan/plan.ts';
import { SCAN_DEFAULTS, clusterStatus, scanSteps, spaceTimePermutationScan, type ScanInput, type ScanParams } from '../../../domain/scan/space-time-permutation.ts';
import { seededRandom } from '../../../domain/stats/prng.ts';
import { fisherYates } from '../../../domain/stats/shuffle.ts';
import { plainScan } from './plain-scan.ts';
import { simulate } from './simulate.ts';

// A: the seat; B: 1 km east; C: 20 km north. Four days, day 3 the analysis day.
const dLng = 1000 / (111_320 * Math.cos((36.42 * Math.PI) / 180));
const tiny: ScanInput = {
  locations: [{ id: 11, lng: 114.2, lat: 36.42 }, { id: 12, lng: 114.2 + dLng, lat: 36.42 }, { id: 13, lng: 114.2, lat: 36.6 }],
  days: 4,
  cases: [
    ...[0, 1, 2, 3, 3, 3].map((day) => ({ location: 0, day })), // A: 6 cases, 3 on the last day
    ...[0, 1, 2].map((day) => ({ location: 1, day })), // B: 3
    ...[0, 1, 2, 3].map((day) => ({ location: 2, day })), // C: 4
  ],
};
const tinyParams: ScanParams = { ...SCAN_DEFAULTS, minWindowDays: 1, maxWindowDays: 2, maxSpatialShare: 1, replications: 99 };

describe('spaceTimePermutationScan on a hand example', () => {
  it('finds {A} on the last day with μ = C_A·C_day / C', () => {
    // C = 13; C_A = 6; C_day3 = 4 → μ = 24/13 = 1.846, c = 3: LLR 3·ln(1.625) + 10·ln(10/11.1538) = 1.45652 − 1.09199 = 0.36453.
    // The other high-rate cylinders score less: {A} days 2–3: c 4, μ 42/13 → 0.116; {A, B} day 3: c 3, μ 36/13 → 0.012;
    // {C} holds one case on day 3, below SaTScan's minimum of 2.
    const r = spaceTimePermutationScan(tiny, tinyParams);
    expect(r.totalCases).toBe(13);
    expect(r.clusters).toHaveLength(1); // every other candidate contains A
    const [c] = r.clusters;
    expect(c).toMatchObject({ locations: [0], centre: 0, radiusMeters: 0, startDay: 3, endDay: 3, observed: 3 });
    expect(c.expected).toBeCloseTo(24 / 13, 12);
    expect(c.llr).toBeCloseTo(poissonLlr(3, 24 / 13, 13), 12);
    expect(c.llr).toBeCloseTo(0.36453, 5);
    expect(c.relativeRisk).toBeCloseTo(relativeRisk(3, 24 / 13, 13), 12);
    expect(c.pValue).toBeGreaterThan(0.05); // 3 cases where 1.8 were due is no outbreak
    expect(c.recurrenceDays).toBeCloseTo(1 / c.pValue, 12);
  });

  it('rejects cases outside the study period or the location list', () => {
    expect(() => spaceTimePermutationScan({ ...tiny, cases: [{ location: 0, day: 4 }] }, tinyParams)).toThrow(/day 4 is outside 0..3/);
    expect(() => spaceTimePermutationScan({ ...tiny, cases: [{ location: 3, day: 0 }] }, tinyParams)).toThrow(/location 3/);
    expect(() => spaceTimePermutationScan(tiny, { ...tinyParams, minWindowDays: 3, maxWindowDays: 2 })).toThrow(/minWindowDays/);
  });

  it('returns no cluster and runs no replication when nothing is above expectation', () => {
    expect(spaceTimePermutationScan({ ...tiny, cases: [] }, tinyParams)).toEqual({ clusters: [], replications: 0, totalCases: 0 });
    const even: ScanInput = { ...tiny, cases: [0, 1, 2, 3].flatMap((day) => [0, 1, 2].map((location) => ({ location, day }))) };
    expect(spaceTimePermutationScan(even, tinyParams).clusters).toEqual([]);
  });
});

describe('the permutation', () => {
  it('keeps both marginals: cases per location and cases per day', () => {
    const { input } = simulate(3, { side: 5, days: 40, background: 300 });
    const plan = planScan(input.locations, input.days, Int32Array.from(input.cases, (c) => c.location), Int32Array.from(input.cases, (c) => c.day), SCAN_DEFAULTS);
    const margins = () => {
      const perLocation = new Array<number>(25).fill(0), perAge = new Array<number>(40).fill(0);
      plan.slotLocation.forEach((z, s) => { perLocation[z]++; perAge[plan.slotAge[s]]++; });
      return { perLocation, perAge };
    };
    const before = margins(), pairs = () => [...plan.slotLocation].map((z, s) => `${z}:${plan.slotAge[s]}`).join();
    const original = pairs();
    fisherYates(plan.slotLocation, seededRandom(5));
    expect(margins()).toEqual(before);
    expect(pairs()).not.toEqual(original); // but the pairing of place and day did change
  });

  it('skips only cylinders that cannot beat the maximum: pruned and full evaluation agree on 200 permutations', () => {
    const { input } = simulate(4, { side: 8, days: 120, background: 600 });
    const plan = planScan(input.locations, input.days, Int32Array.from(input.cases, (c) => c.location), Int32Array.from(input.cases, (c) => c.day), SCAN_DEFAULTS);
    const n = input.locations.length, nW = plan.tables.windows;
    const byAge = new Int32Array(n * plan.maxWindowDays), counts = new Int32Array(n * nW), first = new Int32Array(n), acc = new Int32Array(nW);
    const best = { llr: new Float64Array(plan.circles.size.length), window: new Int32Array(plan.circles.size.length) };
    const rnd = seededRandom(9);
    for (let r = 0; r < 200; r++) {
      fisherYates(plan.slotLocation, rnd, plan.recent);
      windowCounts(plan.slotLocation, plan.slotAge, plan.recent, n, plan.maxWindowDays, plan.tables, byAge, counts, first);
      expect(maxLlr(plan.circles, counts, first, plan.tables, acc)).toBe(maxLlr(plan.circles, counts, first, plan.tables, acc, best));
    }
  });
});

describe('against the plain implementation (tests/domain/scan/plain-scan.ts)', () => {
  it.each([1, 2, 3, 4, 5, 6])('finds the same most likely cluster, seed %i', (seed) => {
    const { input } = simulate(seed, { side: 6, days: 60, background: 240, plant: seed % 2 ? { size: 3, days: 5, extra: 6 } : undefined });
    const params = { ...SCAN_DEFAULTS, replications: 0 };
    const ours = spaceTimePermutationScan({ ...input }, { ...params, replications: 1 }).clusters[0];
    const { best } = plainScan(input, params, 0);
    expect(ours.llr).toBeCloseTo(best.llr, 9);
    expect(ours).toMatchObject({ centre: best.centre, observed: best.observed, startDay: input.days - best.windowDays });
    expect(ours.expected).toBeCloseTo(best.expected, 9);
    expect(new Set(best.locations)).toEqual(new Set(ours.locations));
  });
  it('gives a p-value close to the plain one (different random streams, 199 replications each)', () => {
    const { input } = simulate(12, { side: 5, days: 60, background: 200, plant: { size: 2, days: 4, extra: 3 } });
    const params = { ...SCAN_DEFAULTS, replications: 199 };
    const ours = spaceTimePermutationScan(input, params).clusters[0].pValue, plain = plainScan(input, params).pValue;
    expect(ours).toBeGreaterThan(0.02); // a borderline cluster, so the comparison means something
    expect(Math.abs(ours - plain)).toBeLessThan(0.1); // two Monte Carlo estimates: sd ≈ √(p(1−p)/200) each
  });
});

describe('scanSteps', () => {
  const { input } = simulate(21, { side: 6, days: 90, background: 300, plant: { size: 3, days: 5, extra: 8 } });
  const params = { ...SCAN_DEFAULTS, replications: 49, seed: 3 };

  it('yields the replications done, then returns what spaceTimePermutationScan returns', () => {
    const steps = scanSteps(input, params), seen: number[] = [];
    let s = steps.next();
    for (; !s.done; s = steps.next()) seen.push(s.value);
    expect(seen).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(s.value).toEqual(spaceTimePermutationScan(input, params));
  });
  it('is deterministic for a seed, and the seed drives the p-values', () => {
    const noise = simulate(22, { side: 6, days: 90, background: 300 }).input; // no cluster: mid-range p-values
    const a = spaceTimePermutationScan(noise, params);
    expect(spaceTimePermutationScan(noise, params)).toEqual(a);
    const b = spaceTimePermutationScan(noise, { ...params, seed: 4 });
    expect(b.clusters.map((c) => c.llr)).toEqual(a.clusters.map((c) => c.llr)); // the observed data do not depend on it
    expect(b.clusters.map((c) => c.pValue)).not.toEqual(a.clusters.map((c) => c.pValue));
  });
  it('reports secondary clusters that share no location with a more likely one, in order of LLR', () => {
    const { clusters } = spaceTimePermutationScan(input, { ...params, maxClusters: 5 });
    expect(clusters.length).toBeGreaterThan(1);
    const seen = new Set<number>();
    clusters.forEach((c, i) => {
      for (const z of c.locations) { expect(seen.has(z)).toBe(false); seen.add(z); }
      if (i > 0) {
        expect(c.llr).toBeLessThanOrEqual(clusters[i - 1].llr);
        expect(c.pValue).toBeGreaterThanOrEqual(clusters[i - 1].pValue); // same null distribution of maxima
      }
      expect(c.endDay).toBe(input.days - 1); // prospective
      expect(c.endDay - c.startDay + 1).toBeGreaterThanOrEqual(SCAN_DEFAULTS.minWindowDays);
      expect(c.endDay - c.startDay + 1).toBeLessThanOrEqual(SCAN_DEFAULTS.maxWindowDays);
      expect(c.radiusMeters).toBeLessThanOrEqual(SCAN_DEFAULTS.maxRadiusMeters);
    });
  });
});

describe('clusterStatus', () => {
  it('is ongoing when a location was in a cluster signalled before, else new', () => {
    expect(clusterStatus([5, 6], [[1, 2], [6, 7]])).toBe('ongoing');
    expect(clusterStatus([5, 6], [[1, 2]])).toBe('new');
    expect(clusterStatus([5], [])).toBe('new');
  });
});

// Greedy maximal covering (placement.ts): a hand example where greedy is not optimal, the lazy
// heap against a plain greedy recount, the (1 − 1/e) bound against brute force over all subsets,
// the best single site, monotonicity in K, already-covered points and early stopping.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { greedyPlacement } from '../../../domain/coverage/placement.ts';

const sets = (...lists: number[][]) => lists.map((l) => Int32Array.from(l));
const sum = (idx: Iterable<number>, residents: ArrayLike<number>) => { let s = 0; for (const i of idx) s += residents[i]; return s; };

/** Residents covered by `chosen` candidates together with the already covered. */
function coverOf(reach: readonly Int32Array[], residents: number[], covered: Uint8Array, chosen: number[]): number {
  const all = new Set<number>();
  residents.forEach((_, i) => { if (covered[i]) all.add(i); });
  for (const c of chosen) for (const i of reach[c]) all.add(i);
  return sum(all, residents);
}

/** Plain greedy: recount every candidate at every step (ties: the lowest index). */
function plainGreedy(reach: readonly Int32Array[], residents: number[], covered: Uint8Array, k: number) {
  const chosen: number[] = [];
  const picks: { candidate: number; addedResidents: number; coveredAfter: number }[] = [];
  for (let step = 0; step < k; step++) {
    const before = coverOf(reach, residents, covered, chosen);
    let best = -1, bestGain = 0;
    reach.forEach((_, c) => {
      const gain = coverOf(reach, residents, covered, [...chosen, c]) - before;
      if (gain > bestGain) { best = c; bestGain = gain; }
    });
    if (best < 0) break;
    chosen.push(best);
    picks.push({ candidate: best, addedResidents: bestGain, coveredAfter: before + bestGain });
  }
  return picks;
}

function bestSubset(reach: readonly Int32Array[], residents: number[], covered: Uint8Array, k: number): number {
  let best = coverOf(reach, residents, covered, []);
  for (let mask = 1; mask < 1 << reach.length; mask++) {
    const chosen = reach.map((_, c) => c).filter((c) => mask & (1 << c));
    if (chosen.length <= k) best = Math.max(best, coverOf(reach, residents, covered, chosen));
  }
  return best;
}

const instance = fc.integer({ min: 1, max: 12 }).chain((points) => fc.record({
  residents: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: points, maxLength: points }),
  covered: fc.array(fc.boolean(), { minLength: points, maxLength: points }).map((b) => Uint8Array.from(b, Number)),
  reach: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: points - 1 }), { maxLength: points }).map((a) => Int32Array.from(a)), { maxLength: 8 }),
  k: fc.integer({ min: 0, max: 5 }),
}));

describe('greedyPlacement', () => {
  // Points 0–5, one resident each. Candidate 0 covers 0–3 (4), 1 covers 0, 1, 4 (3), 2 covers 2, 3, 5 (3).
  // Greedy takes 0 then adds 1 (4 or 5): 5. The optimum for K = 2 is {1, 2}: 6.
  const reach = sets([0, 1, 2, 3], [0, 1, 4], [2, 3, 5]);
  const residents = [1, 1, 1, 1, 1, 1];
  it('hand example: greedy 0 then 1 (tie with 2 broken by the lower index), then 2; not the K=2 optimum', () => {
    expect(greedyPlacement(reach, residents, new Uint8Array(6), 3)).toEqual([
      { candidate: 0, addedResidents: 4, coveredAfter: 4 },
      { candidate: 1, addedResidents: 1, coveredAfter: 5 },
      { candidate: 2, addedResidents: 1, coveredAfter: 6 },
    ]);
    expect(bestSubset(reach, residents, new Uint8Array(6), 2)).toBe(6);
  });
  it('already-covered points add nothing; coveredAfter starts from them', () => {
    const covered = Uint8Array.from([1, 1, 1, 1, 0, 0]);
    expect(greedyPlacement(reach, residents, covered, 3)).toEqual([
      { candidate: 1, addedResidents: 1, coveredAfter: 5 },
      { candidate: 2, addedResidents: 1, coveredAfter: 6 },
    ]);
    expect([...covered]).toEqual([1, 1, 1, 1, 0, 0]); // not mutated
  });
  it('K beyond what helps: stops at the first site that adds nobody; K = 0 and no candidates: nothing', () => {
    expect(greedyPlacement(reach, residents, new Uint8Array(6), 10)).toHaveLength(3);
    expect(greedyPlacement(reach, residents, new Uint8Array(6), 0)).toEqual([]);
    expect(greedyPlacement([], residents, new Uint8Array(6), 3)).toEqual([]);
    expect(greedyPlacement(sets([0, 0, 0]), [5], new Uint8Array(1), 2)).toEqual([{ candidate: 0, addedResidents: 5, coveredAfter: 5 }]);
  });

  it('random instances: same picks as a plain greedy; first pick = best single site; monotone in K; ≥ (1 − 1/e) of the optimum', () => {
    fc.assert(fc.property(instance, ({ residents, covered, reach, k }) => {
      const picks = greedyPlacement(reach, residents, covered, k);
      expect(picks).toEqual(plainGreedy(reach, residents, covered, k));
      const before = coverOf(reach, residents, covered, []);
      const single = Math.max(before, ...reach.map((_, c) => coverOf(reach, residents, covered, [c])));
      if (k >= 1) expect(picks.at(-1)?.coveredAfter ?? before).toBeGreaterThanOrEqual(single);
      const more = greedyPlacement(reach, residents, covered, k + 1);
      expect(more.slice(0, picks.length)).toEqual(picks);
      expect(more.at(-1)?.coveredAfter ?? before).toBeGreaterThanOrEqual(picks.at(-1)?.coveredAfter ?? before);
      // The bound is on what the K sites add beyond the already covered.
      const gained = (picks.at(-1)?.coveredAfter ?? before) - before;
      expect(gained).toBeGreaterThanOrEqual((1 - 1 / Math.E) * (bestSubset(reach, residents, covered, k) - before) - 1e-9);
      picks.forEach((p) => expect(p.addedResidents).toBeGreaterThan(0));
    }), { numRuns: 400 });
  });

  it('a district-sized instance: 70 candidates × 160 000 points, 10 picks with falling gains', () => {
    let seed = 3;
    const rand = (n: number) => (seed = (seed * 1_664_525 + 1_013_904_223) >>> 0) % n;
    const points = 160_000;
    const big = Array.from({ length: 70 }, () => { const c = rand(points); return Int32Array.from({ length: 3000 }, (_, j) => (c + j * 7) % points); });
    const res = Float64Array.from({ length: points }, () => 1 + rand(5));
    const picks = greedyPlacement(big, res, new Uint8Array(points), 10);
    expect(picks).toHaveLength(10);
    for (let i = 1; i < picks.length; i++) expect(picks[i].addedResidents).toBeLessThanOrEqual(picks[i - 1].addedResidents);
  });
});

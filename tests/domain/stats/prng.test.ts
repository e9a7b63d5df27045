import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../domain/stats/prng.ts';
import { fisherYates } from '../../../domain/stats/shuffle.ts';
import { mulberry32 } from '../../../geodata/prng.ts';

describe('seededRandom', () => {
  it('is mulberry32: the same stream as the demo generator for the same seed', () => {
    const a = seededRandom(42), b = mulberry32(42);
    for (let i = 0; i < 1000; i++) expect(a()).toBe(b());
  });
  it('repeats for a seed, differs between seeds, stays in [0, 1) with mean ½', () => {
    const draw = (seed: number) => { const r = seededRandom(seed); return Array.from({ length: 20_000 }, r); };
    const xs = draw(7);
    expect(draw(7)).toEqual(xs);
    expect(draw(8).slice(0, 10)).not.toEqual(xs.slice(0, 10));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 2);
  });
});

describe('fisherYates', () => {
  it('permutes: the same multiset comes back', () => {
    const xs = Int32Array.from([5, 1, 1, 2, 9, 9, 9, 0]);
    fisherYates(xs, seededRandom(3));
    expect([...xs].sort()).toEqual([0, 1, 1, 2, 5, 9, 9, 9]);
  });
  it('draws its first `count` entries uniformly from the whole array, whatever its order before', () => {
    // 10 values; one step of the partial shuffle, repeated on the same array 50,000 times:
    // each value should sit in slot 0 about 5,000 times (binomial sd ≈ 67).
    const xs = Int32Array.from({ length: 10 }, (_, i) => i), hits = new Array<number>(10).fill(0), rnd = seededRandom(11);
    for (let r = 0; r < 50_000; r++) { fisherYates(xs, rnd, 1); hits[xs[0]]++; }
    for (const h of hits) expect(Math.abs(h - 5000)).toBeLessThan(300);
  });
});

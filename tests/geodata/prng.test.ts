import { describe, expect, it } from 'vitest';
import { mulberry32, rng } from '../../geodata/prng.ts';
import { cutRuns } from '../../geodata/grid-cut.ts';
import { hilbertIndex } from '../../geodata/hilbert.ts';

describe('seeded randomness', () => {
  it('repeats a stream for the same seed and label', () => {
    const a = rng(42, 'roads'), b = rng(42, 'roads');
    expect(Array.from({ length: 20 }, () => a.next())).toEqual(Array.from({ length: 20 }, () => b.next()));
  });

  it('gives different streams for different labels or seeds', () => {
    expect(rng(42, 'roads').next()).not.toBe(rng(42, 'names').next());
    expect(rng(42, 'roads').next()).not.toBe(rng(43, 'roads').next());
  });

  it('mulberry32 stays in [0, 1)', () => {
    const next = mulberry32(0);
    for (let k = 0; k < 10_000; k++) { const x = next(); expect(x >= 0 && x < 1).toBe(true); }
  });
});

describe('cutting households into grids', () => {
  it('cuts a run of cells into grids of 300–500 households', () => {
    const weights = Array.from({ length: 120 }, (_, k) => 5 + (k % 13));
    const cuts = cutRuns(weights);
    let from = 0;
    for (const to of cuts) {
      const sum = weights.slice(from, to).reduce((s, w) => s + w, 0);
      expect(sum).toBeGreaterThanOrEqual(300);
      expect(sum).toBeLessThanOrEqual(500);
      from = to;
    }
    expect(from).toBe(weights.length);
  });

  it('keeps a unit under 300 households as one grid', () => {
    expect(cutRuns([100, 80, 50])).toEqual([3]);
  });

  it('orders cells along a Hilbert curve (neighbouring indices are neighbouring cells)', () => {
    const pos = new Map<number, [number, number]>();
    for (let x = 0; x < 16; x++) for (let y = 0; y < 16; y++) pos.set(hilbertIndex(4, x, y), [x, y]);
    for (let d = 1; d < 256; d++) {
      const [ax, ay] = pos.get(d - 1)!, [bx, by] = pos.get(d)!;
      expect(Math.abs(ax - bx) + Math.abs(ay - by)).toBe(1);
    }
  });
});

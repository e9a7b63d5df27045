// Benjamini–Hochberg step-up procedure (Benjamini & Hochberg 1995).
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, bhCutoff } from '../../../domain/hotspots/fdr.ts';

describe('benjaminiHochberg', () => {
  it("rejects 4 of the 15 p-values of the paper's worked example at q = 0.05 (Bonferroni would reject 3)", () => {
    // p(4) = 0.0095 ≤ 4/15·0.05 = 0.0133; p(5) = 0.0201 > 5/15·0.05 = 0.0167, and no larger k
    // qualifies (p(9) = 0.0459 > 0.03) — so 4 rejections.
    const p = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];
    expect(benjaminiHochberg(p, 0.05)).toEqual(p.map((_, i) => i < 4));
    expect(bhCutoff(p, 0.05)).toBe(0.0095);
  });

  it('is a step-up procedure: a p(k) below its line rescues larger-than-line p-values before it', () => {
    // Lines k·0.05/4 = 0.0125, 0.025, 0.0375, 0.05: p(1) = 0.02 and p(2) = 0.03 miss their lines,
    // but p(3) = 0.035 ≤ 0.0375, so the three smallest are rejected (a step-down would stop at 0).
    expect(benjaminiHochberg([0.035, 0.02, 0.9, 0.03], 0.05)).toEqual([true, true, false, true]);
  });

  it('agrees with SciPy on a mixed set, in input order', () => {
    // scipy.stats.false_discovery_control(p) (method 'bh', SciPy 1.17.1), rejected where ≤ α.
    const p = [0.0026, 0.2753, 0.5114, 0.138, 0.0186, 0.003, 0.9809, 0.3533, 0.6628, 0.5537, 0.0014, 0.0026, 0.01, 0.788, 0.6219,
      0.4836, 0.0006, 0.6704, 0.5124, 0.9483, 0.5491, 0.2045, 0.369, 0.8167, 0.012];
    const ones = (r: boolean[]) => r.flatMap((v, i) => (v ? [i] : []));
    expect(ones(benjaminiHochberg(p, 0.01))).toEqual([]);
    expect(ones(benjaminiHochberg(p, 0.05))).toEqual([0, 5, 10, 11, 12, 16, 24]);
    expect(ones(benjaminiHochberg(p, 0.1))).toEqual([0, 4, 5, 10, 11, 12, 16, 24]);
  });

  it('rejects ties together, counts NaN as 1, and handles empty input', () => {
    expect(benjaminiHochberg([0.02, 0.02, 0.02, 0.5], 0.05)).toEqual([true, true, true, false]);
    expect(benjaminiHochberg([0.001, NaN], 0.05)).toEqual([true, false]);
    expect(benjaminiHochberg([], 0.05)).toEqual([]);
    expect(bhCutoff([0.5, 0.9], 0.05)).toBe(-Infinity);
  });

  it('rejects an alpha outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.1], 5)).toThrow(RangeError);
    expect(() => benjaminiHochberg([0.1], NaN)).toThrow(RangeError);
  });
});

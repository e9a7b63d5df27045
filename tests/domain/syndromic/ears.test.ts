// EARS C1, C2, C3 on a short series, computed by hand (Fricker, Hegler & Dunfee 2008).
import { describe, expect, it } from 'vitest';
import { EARS_MIN_SD, EARS_THRESHOLDS, ears } from '../../../domain/syndromic/ears.ts';

describe('ears: hand-computed series', () => {
  // t:  0  1  2  3  4  5  6  7  8  9 10 11 12
  // x:  1  3  5  3  1  3  5  4  3  6  9 12  3
  // Baselines (7 days; sample SD, divisor 6). All SDs here exceed the floor, so it plays no part.
  //   x0..x6  = 1,3,5,3,1,3,5: mean 3,    Σ(x−x̄)² = 16,     var 8/3,   SD 1.632993
  //   x1..x7  = 3,5,3,1,3,5,4: mean 24/7, Σx² = 94, Σ(x−x̄)² = 94 − 576/7 = 82/7, var 41/21, SD 1.397276
  //   x2..x8  = 5,3,1,3,5,4,3: the same values, mean 24/7, var 41/21
  //   x3..x9  = 3,1,3,5,4,3,6: mean 25/7, Σx² = 105, Σ(x−x̄)² = 105 − 625/7 = 110/7, var 55/21, SD 1.618347
  //   x4..x10 = 1,3,5,4,3,6,9: mean 31/7, Σx² = 177, Σ(x−x̄)² = 177 − 961/7 = 278/7, var 139/21, SD 2.572751
  //   x5..x11 = 3,5,4,3,6,9,12: mean 6,   Σ(x−x̄)² = 9+1+4+9+0+9+36 = 68, var 34/3, SD 3.366502
  // C1(t) uses x_{t−7..t−1}; C2(t) uses x_{t−9..t−3}:
  //   C1(7)  = (4 − 3)/√(8/3)          =  0.612372
  //   C1(8)  = (3 − 24/7)/√(41/21)     = −0.306719
  //   C1(9)  = (6 − 24/7)/√(41/21)     =  1.840315
  //   C1(10) = (9 − 25/7)/√(55/21)     =  3.354392  > 3: flags
  //   C1(11) = (12 − 31/7)/√(139/21)   =  2.942931  (the rise is already in C1's baseline)
  //   C1(12) = (3 − 6)/√(34/3)         = −0.891133
  //   C2(9)  = (6 − 3)/√(8/3)          =  1.837117
  //   C2(10) = (9 − 24/7)/√(41/21)     =  3.987349  > 3: flags
  //   C2(11) = (12 − 24/7)/√(41/21)    =  6.134384  > 3: flags (the guard band keeps x9, x10 out)
  //   C2(12) = (3 − 25/7)/√(55/21)     = −0.353094
  //   C3(11) = (C2(9) − 1) + (C2(10) − 1) + (C2(11) − 1) = 0.837117 + 2.987349 + 5.134384 = 8.958850
  //   C3(12) = (C2(10) − 1) + (C2(11) − 1) + max(0, C2(12) − 1) = 2.987349 + 5.134384 + 0 = 8.121733
  const x = [1, 3, 5, 3, 1, 3, 5, 4, 3, 6, 9, 12, 3];
  const s = ears(x);
  const c1 = (t: number, mean: number, variance: number) => (x[t] - mean) / Math.sqrt(variance);

  it('has one entry per day and nulls until each baseline exists (C1 day 7, C2 day 9, C3 day 11)', () => {
    expect(s).toHaveLength(13);
    for (let t = 0; t < 7; t++) expect(s[t]).toEqual({ c1: null, c2: null, c3: null, methods: [] });
    expect(s[7].c1).not.toBeNull(); expect(s[8].c2).toBeNull();
    expect(s[9].c2).not.toBeNull(); expect(s[10].c3).toBeNull();
    expect(s[11].c3).not.toBeNull();
  });

  it('C1 against the 7 days before', () => {
    const expected: [number, number][] = [[7, c1(7, 3, 8 / 3)], [8, c1(8, 24 / 7, 41 / 21)], [9, c1(9, 24 / 7, 41 / 21)],
      [10, c1(10, 25 / 7, 55 / 21)], [11, c1(11, 31 / 7, 139 / 21)], [12, c1(12, 6, 34 / 3)]];
    for (const [t, e] of expected) expect(Math.abs(s[t].c1! - e)).toBeLessThan(1e-12);
    expect(s[10].c1).toBeCloseTo(3.354392, 6);
  });

  it('C2 against days t−9 … t−3, C3 the sum of the last three C2 excesses over 1', () => {
    const c2 = [c1(9, 3, 8 / 3), c1(10, 24 / 7, 41 / 21), c1(11, 24 / 7, 41 / 21), c1(12, 25 / 7, 55 / 21)];
    c2.forEach((e, k) => expect(Math.abs(s[9 + k].c2! - e)).toBeLessThan(1e-12));
    expect(Math.abs(s[11].c3! - (c2[0] - 1 + c2[1] - 1 + c2[2] - 1))).toBeLessThan(1e-12);
    expect(Math.abs(s[12].c3! - (c2[1] - 1 + c2[2] - 1))).toBeLessThan(1e-12);
    expect(s[11].c3).toBeCloseTo(8.95885, 5);
  });

  it('flags C1 > 3, C2 > 3, C3 > 2', () => {
    expect(EARS_THRESHOLDS).toEqual({ C1: 3, C2: 3, C3: 2 });
    expect(s.map((d) => d.methods)).toEqual([[], [], [], [], [], [], [], [], [], [], ['C1', 'C2'], ['C2', 'C3'], ['C3']]);
  });
});

describe('ears: flat and sparse series', () => {
  it('a flat series scores 0 everywhere and never flags', () => {
    const s = ears(Array(20).fill(4));
    expect(s.slice(11).every((d) => d.c1 === 0 && d.c2 === 0 && d.c3 === 0 && d.methods.length === 0)).toBe(true);
  });
  it('the SD floor (default 1.0) keeps a silent week from turning one visit into a signal', () => {
    expect(EARS_MIN_SD).toBe(1);
    const x = [...Array(10).fill(0), 1];
    expect(ears(x)[10]).toMatchObject({ c1: 1, c2: 1, methods: [] });
    expect(ears([...Array(10).fill(0), 4])[10]).toMatchObject({ c1: 4, c2: 4, methods: ['C1', 'C2'] });
    // BioSense's original floor of 0.2 would flag the single visit (C = 1/0.2 = 5).
    expect(ears(x, { minSd: 0.2 })[10]).toMatchObject({ c1: 5, c2: 5, methods: ['C1', 'C2'] });
  });
  it('C3 counts only excesses over 1, and an excess on one day is not enough', () => {
    // C2 = 2.5 on a single day: C3 = 1.5 ≤ 2, no flag.
    const s = ears([...Array(11).fill(0), 2.5, 0]);
    expect(s[11]).toMatchObject({ c2: 2.5, c3: 1.5, methods: [] });
    expect(s[12].c3).toBeCloseTo(1.5, 12);
  });
  it('handles short series and rejects bad input', () => {
    expect(ears([])).toEqual([]);
    expect(ears([1, 2, 3]).every((d) => d.c1 === null)).toBe(true);
    expect(() => ears([1, NaN])).toThrow(RangeError);
    expect(() => ears([1], { minSd: 0 })).toThrow(RangeError);
  });
});

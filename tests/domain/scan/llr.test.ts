import { describe, expect, it } from 'vitest';
import { buildCircles } from '../../../domain/scan/cylinders.ts';
import { poissonLlr, relativeRisk, xLogXTable } from '../../../domain/scan/llr.ts';

describe('poissonLlr (Kulldorff et al. 2005, eq. 3–4)', () => {
  it('matches a hand computation', () => {
    // C = 10, c = 4, μ = 1: 4·ln 4 + 6·ln(6/9) = 5.5451774 − 2.4327906 = 3.1123868
    expect(poissonLlr(4, 1, 10)).toBeCloseTo(3.1123868, 6);
    expect(relativeRisk(4, 1, 10)).toBeCloseTo(6, 12); // (4/1) / (6/9)
  });
  it('scores only high-rate cylinders (c > μ)', () => {
    expect(poissonLlr(2, 2, 10)).toBe(0);
    expect(poissonLlr(1, 3, 10)).toBe(0);
  });
  it('has the limit 0·ln 0 = 0 when every case is inside', () => {
    expect(poissonLlr(5, 2, 5)).toBeCloseTo(5 * Math.log(5 / 2), 12);
    expect(relativeRisk(5, 2, 5)).toBe(2.5);
  });
  it('tables x·ln x', () => {
    const t = xLogXTable(4);
    expect([...t]).toEqual([0, 0, 2 * Math.log(2), 3 * Math.log(3), 4 * Math.log(4)]);
  });
});

describe('buildCircles', () => {
  // West, centre, east on one parallel, 1 km apart, and a far location 30 km north.
  const dLng = 1000 / (111_320 * Math.cos((36.42 * Math.PI) / 180));
  const locs = [{ lng: 114.2 - dLng, lat: 36.42 }, { lng: 114.2, lat: 36.42 }, { lng: 114.2 + dLng, lat: 36.42 }, { lng: 114.2, lat: 36.69 }];
  const circlesOf = (c: ReturnType<typeof buildCircles>, i: number) =>
    Array.from(c.size.subarray(c.circleStart[i], c.circleStart[i + 1]), (k) => Array.from(c.neighbours.subarray(c.nbStart[i], c.nbStart[i] + k)));

  it('grows by nearest neighbours, letting equally distant ones in together, within the radius', () => {
    const c = buildCircles(locs, [1, 1, 1, 1], 4, 5000);
    expect(circlesOf(c, 1)).toEqual([[1], [1, 0, 2]]); // west and east are both 1 km away
    expect(circlesOf(c, 0)).toEqual([[0], [0, 1], [0, 1, 2]]);
    expect(circlesOf(c, 3)).toEqual([[3]]); // 30 km from the rest
    expect(c.distanceMeters[c.nbStart[0] + 2]).toBeCloseTo(2000, -1);
  });
  it('stops before the circle holds more than maxCases cases, and skips rings without cases', () => {
    expect(circlesOf(buildCircles(locs, [1, 1, 1, 1], 2, 5000), 0)).toEqual([[0], [0, 1]]);
    expect(circlesOf(buildCircles(locs, [1, 1, 1, 1], 2, 5000), 1)).toEqual([[1]]); // the ring of 2 would make 3
    expect(circlesOf(buildCircles(locs, [1, 0, 3, 1], 10, 5000), 0)).toEqual([[0], [0, 1, 2]]); // {0, 1} adds nothing
    expect(circlesOf(buildCircles(locs, [0, 2, 0, 0], 10, 5000), 0)).toEqual([[0, 1]]);
  });
});

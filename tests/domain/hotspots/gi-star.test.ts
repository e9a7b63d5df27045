// Getis-Ord Gi* against a hand-computed example (issue 7 item 6), the FDR bins, and the distance
// band neighbours.
import { describe, expect, it } from 'vitest';
import { classifyHotSpots, distanceBandNeighbours, giStar, hotSpots, HOTSPOT_DEFAULTS } from '../../../domain/hotspots/gi-star.ts';

const R = 6_371_008.8, RAD = Math.PI / 180;
/** n centres on the parallel 36.4° N (Fengfeng), `spacingMeters` apart along it. */
function line(n: number, spacingMeters: number): [number, number][] {
  const step = spacingMeters / (R * RAD * Math.cos(36.4 * RAD));
  return Array.from({ length: n }, (_, i) => [114.1 + i * step, 36.4]);
}

describe('giStar: hand-computed example', () => {
  // Six cells in a row, 1 km apart, band 1.5 km: each cell's neighbours are the cells beside it,
  // so the Gi* neighbourhood (self included) is 2 cells at the ends and 3 inside.
  //   x = 1, 2, 8, 10, 3, 0        n = 6
  //   X̄ = 24/6 = 4
  //   S² = Σx²/n − X̄² = (1 + 4 + 64 + 100 + 9 + 0)/6 − 16 = 178/6 − 16 = 41/3,  S = √(41/3) = 3.696846
  // Denominator S·√[(n·W − W²)/(n − 1)] (binary weights: Σw² = Σw = W):
  //   ends   (W = 2): √(41/3 · (12 − 4)/5) = √(328/15) = 4.676180
  //   inside (W = 3): √(41/3 · (18 − 9)/5) = √(123/5) = √24.6 = 4.959839
  // Numerators Σⱼ wᵢⱼxⱼ − X̄·W:
  //   cell 0: 1 + 2 − 4·2 = −5          z = −5/√(328/15) = −1.069249
  //   cell 1: 1 + 2 + 8 − 4·3 = −1      z = −1/√24.6     = −0.201619
  //   cell 2: 2 + 8 + 10 − 12 = 8       z =  8/√24.6     =  1.612956
  //   cell 3: 8 + 10 + 3 − 12 = 9       z =  9/√24.6     =  1.814575
  //   cell 4: 10 + 3 + 0 − 12 = 1       z =  1/√24.6     =  0.201619
  //   cell 5: 3 + 0 − 8 = −5            z = −5/√(328/15) = −1.069249
  // Two-sided p = 2(1 − Φ(|z|)); SciPy 2·norm.sf(|z|): 0.2849576, 0.8402142, 0.1067541, 0.0695892.
  const x = [1, 2, 8, 10, 3, 0];
  const end = Math.sqrt(328 / 15), inside = Math.sqrt(24.6);
  const expectedZ = [-5 / end, -1 / inside, 8 / inside, 9 / inside, 1 / inside, -5 / end];

  it('finds the neighbours beside each cell within the 1.5 km band', () => {
    expect(distanceBandNeighbours(line(6, 1000), 1500)).toEqual([[1], [0, 2], [1, 3], [2, 4], [3, 5], [4]]);
  });

  it('gives the z-scores computed by hand, to 1e-9', () => {
    const { z } = giStar(x, distanceBandNeighbours(line(6, 1000), 1500));
    expectedZ.forEach((e, i) => expect(Math.abs(z[i] - e)).toBeLessThan(1e-9));
    expect(z[2]).toBeCloseTo(1.612956, 6);
  });

  it('gives two-sided normal p-values (SciPy 2·norm.sf)', () => {
    const { p } = giStar(x, distanceBandNeighbours(line(6, 1000), 1500));
    const scipy = [0.2849576406684299, 0.8402142310487369, 0.10675413758032226, 0.06958922627547405, 0.8402142310487369, 0.2849576406684299];
    scipy.forEach((e, i) => expect(Math.abs(p[i] - e)).toBeLessThan(1e-12));
  });

  it('is invariant to shifting and scaling the counts and flips sign with them', () => {
    const nb = distanceBandNeighbours(line(6, 1000), 1500);
    const base = giStar(x, nb).z;
    const shifted = giStar(x.map((v) => 3 * v + 7), nb).z, negated = giStar(x.map((v) => -v), nb).z;
    base.forEach((z, i) => { expect(shifted[i]).toBeCloseTo(z, 12); expect(negated[i]).toBeCloseTo(-z, 12); });
  });
});

describe('giStar: no evidence', () => {
  it('all equal counts: z 0, p 1 (no division by a zero S)', () => {
    const { z, p } = giStar([3, 3, 3, 3], [[1], [0, 2], [1, 3], [2]]);
    expect(Array.from(z)).toEqual([0, 0, 0, 0]);
    expect(Array.from(p)).toEqual([1, 1, 1, 1]);
    expect(Array.from(giStar([0, 0, 0], [[], [], []]).z)).toEqual([0, 0, 0]);
  });
  it('a band covering every cell: z 0 (the neighbourhood is the whole set)', () => {
    const { z, p } = giStar([1, 5, 9], [[1, 2], [0, 2], [0, 1]]);
    expect(Array.from(z)).toEqual([0, 0, 0]);
    expect(Array.from(p)).toEqual([1, 1, 1]);
  });
  it('a single cell or none', () => {
    expect(Array.from(giStar([7], [[]]).p)).toEqual([1]);
    expect(giStar([], []).z).toHaveLength(0);
  });
  it('rejects malformed neighbour lists', () => {
    expect(() => giStar([1, 2], [[1]])).toThrow(/rows/);
    expect(() => giStar([1, 2], [[0], [0]])).toThrow(/another cell/);
    expect(() => giStar([1, 2, 3], [[1, 1], [0], []])).toThrow(/twice/);
    expect(() => giStar([1, NaN], [[1], [0]])).toThrow(/finite/);
  });
});

describe('classifyHotSpots with the FDR correction', () => {
  it('bins each cell at the strictest α where Benjamini–Hochberg rejects it', () => {
    // m = 10. α = 0.01: lines k·0.001; only p(1) = 0.0005 ≤ 0.001 → 99 %.
    // α = 0.05: lines k·0.005; p(4) = 0.019 ≤ 0.02, p(5) = 0.04 > 0.025 → p ≤ 0.019 are ≥ 95 %.
    // α = 0.10: lines k·0.01; p(5) = 0.04 ≤ 0.05, p(6) = 0.3 > 0.06 → p ≤ 0.04 are ≥ 90 %.
    // Cell 1 (p = 0.003) would be 99 % without the correction; with it, 95 %.
    const p = [0.0005, 0.003, 0.008, 0.019, 0.04, 0.3, 0.5, 0.6, 0.8, 0.9];
    const z = [3.5, -3, 2.65, 2.35, -2.05, 1, -0.7, 0.5, 0.25, 0.1];
    expect(classifyHotSpots(z, p)).toEqual(['hot99', 'cold95', 'hot95', 'hot95', 'cold90', 'none', 'none', 'none', 'none', 'none']);
  });
  it('leaves everything unbinned when nothing survives, and z = 0 unbinned', () => {
    expect(classifyHotSpots([1.7, -1.7, 0.2], [0.089, 0.089, 0.84])).toEqual(['none', 'none', 'none']);
    expect(classifyHotSpots([0, NaN], [0, 0])).toEqual(['none', 'none']);
    expect(() => classifyHotSpots([1], [])).toThrow(RangeError);
  });
});

describe('hotSpots on a grid with a planted cluster', () => {
  it('marks the planted block hot and nothing when the counts are flat', () => {
    // 9 × 9 grid, 1 km apart (a 1.5 km band holds the 8 cells around); 3 × 3 block of 20 in a field of 1.
    const centres: [number, number][] = [], counts: number[] = [];
    const dLng = 1000 / (R * RAD * Math.cos(36.4 * RAD)), dLat = 1000 / (R * RAD);
    for (let r = 0; r < 9; r++) for (let c = 0; c < 9; c++) {
      centres.push([114.1 + c * dLng, 36.4 + r * dLat]);
      counts.push(r >= 3 && r <= 5 && c >= 3 && c <= 5 ? 20 : 1);
    }
    const res = hotSpots(counts, centres, HOTSPOT_DEFAULTS.bandMeters);
    expect(res.neighbourCounts[40]).toBe(8);
    expect(res.neighbourCounts[0]).toBe(3);
    expect(res.classes[40]).toBe('hot99'); // the block's centre
    expect(res.classes.filter((c) => c.startsWith('cold'))).toEqual([]);
    expect(res.classes[0]).toBe('none');
    expect(hotSpots(counts.map(() => 4), centres).classes.every((c) => c === 'none')).toBe(true);
  });
});

describe('distanceBandNeighbours', () => {
  it('matches an O(n²) haversine scan on scattered points', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const pts: [number, number][] = Array.from({ length: 400 }, () => [114.05 + rand() * 0.25, 36.34 + rand() * 0.23]);
    const hav = (a: [number, number], b: [number, number]) => {
      const h = Math.sin(((b[1] - a[1]) * RAD) / 2) ** 2 + Math.cos(a[1] * RAD) * Math.cos(b[1] * RAD) * Math.sin(((b[0] - a[0]) * RAD) / 2) ** 2;
      return 2 * R * Math.asin(Math.sqrt(h));
    };
    for (const band of [300, 1500, 4000]) {
      const brute = pts.map((a, i) => pts.flatMap((b, j) => (j !== i && hav(a, b) <= band ? [j] : [])));
      expect(distanceBandNeighbours(pts, band)).toEqual(brute);
    }
  });
  it('includes a point just inside the band and excludes one just outside', () => {
    const [a, b] = line(2, 1499.9), [, c] = line(2, 1500.1);
    expect(distanceBandNeighbours([a, b, c], 1500)).toEqual([[1], [0, 2], [1]]);
  });
  it('rejects a non-positive band and bad positions', () => {
    expect(() => distanceBandNeighbours(line(2, 10), 0)).toThrow(RangeError);
    expect(() => distanceBandNeighbours([[114, 95]], 100)).toThrow(RangeError);
    expect(distanceBandNeighbours([], 100)).toEqual([]);
  });
});

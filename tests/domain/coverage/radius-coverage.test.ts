// Straight-line coverage (withinRadius) against a brute-force scan of every site: random data,
// ties (the lowest site index wins), the radius boundary, degenerate grids, and a loose timing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withinRadius } from '../../../domain/coverage/radius-coverage.ts';

function scan(points: Float64Array, sites: Float64Array, radius: number) {
  const n = points.length >> 1, nearest = new Int32Array(n).fill(-1), meters = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    let best = Infinity, id = -1;
    for (let s = 0; s < sites.length >> 1; s++) {
      const dx = sites[2 * s] - points[2 * i], dy = sites[2 * s + 1] - points[2 * i + 1], d2 = dx * dx + dy * dy;
      if (d2 < best) { best = d2; id = s; }
    }
    if (id >= 0 && best <= radius * radius) { nearest[i] = id; meters[i] = Math.sqrt(best); }
  }
  return { nearest, meters };
}

// Millimetre coordinates: subnormal doubles make the scan's squared distance underflow to 0 and
// call a point 1e-323 m away "within" a 5e-324 m radius, which says nothing about the grid.
const coords = (maxMeters: number) => fc.array(fc.integer({ min: -maxMeters * 1000, max: maxMeters * 1000 }), { maxLength: 200 })
  .map((a) => Float64Array.from(a.length % 2 ? a.slice(1) : a, (mm) => mm / 1000));

describe('withinRadius', () => {
  it('equals a brute-force scan on random points and sites', () => {
    fc.assert(fc.property(coords(5000), coords(5000), fc.double({ min: 0, max: 3000, noNaN: true }), (points, sites, radius) => {
      expect(withinRadius(points, sites, radius)).toEqual(scan(points, sites, radius));
    }), { numRuns: 500 });
  });
  it('equals the scan on integer grids, where ties are everywhere (lowest site index wins)', () => {
    const ints = fc.array(fc.integer({ min: -6, max: 6 }), { maxLength: 120 }).map((a) => Float64Array.from(a.length % 2 ? a.slice(1) : a));
    fc.assert(fc.property(ints, ints, fc.integer({ min: 0, max: 5 }), (points, sites, radius) => {
      expect(withinRadius(points, sites, radius)).toEqual(scan(points, sites, radius));
    }), { numRuns: 500 });
  });
  it('hand cases: the radius itself counts; ties; nothing in range', () => {
    const sites = Float64Array.from([0, 0, 10, 0, 0, 0]); // sites 0 and 2 coincide
    const points = Float64Array.from([5, 0, 0, 3, 10, 4, 20, 0, 0, -1000]);
    const { nearest, meters } = withinRadius(points, sites, 5);
    expect([...nearest]).toEqual([0, 0, 1, -1, -1]); // (5, 0) is 5 m from sites 0 and 1: the lower index
    expect([...meters]).toEqual([5, 3, 4, Infinity, Infinity]);
  });
  it('degenerate input: no sites, NaN coordinates, negative/zero/infinite radius, tiny radius over a wide area', () => {
    const points = Float64Array.from([0, 0, NaN, 1, 3, 4]);
    expect([...withinRadius(points, new Float64Array(0), 100).nearest]).toEqual([-1, -1, -1]);
    expect([...withinRadius(points, Float64Array.from([NaN, 0, 0, 0]), 100).nearest]).toEqual([1, -1, 1]);
    expect([...withinRadius(points, Float64Array.from([0, 0]), -1).nearest]).toEqual([-1, -1, -1]);
    expect([...withinRadius(points, Float64Array.from([0, 0]), 0).nearest]).toEqual([0, -1, -1]);
    expect([...withinRadius(points, Float64Array.from([1e6, 1e6]), Infinity).nearest]).toEqual([0, -1, 0]);
    // 1 mm radius over a 1 000 km spread: the cell widens so the grid stays small, still exact.
    const sites = Float64Array.from([0, 0, 1e6, 1e6, 3, 4.0005]);
    expect([...withinRadius(points, sites, 0.001).nearest]).toEqual([0, -1, 2]);
  });
  // Speed is measured in bench/coverage.ts beside the peers, not asserted here (a shared machine).
  it('100 000 points × 50 sites within 1 km: the same answer as the full scan', () => {
    let seed = 7;
    const rand = () => ((seed = (seed * 1_664_525 + 1_013_904_223) >>> 0) / 2 ** 32) * 20_000;
    const points = Float64Array.from({ length: 200_000 }, rand), sites = Float64Array.from({ length: 100 }, rand);
    // Counted by hand: toEqual on 100 000-element typed arrays takes seconds.
    const got = withinRadius(points, sites, 1000), want = scan(points, sites, 1000);
    let differ = 0;
    for (let i = 0; i < got.nearest.length; i++) if (got.nearest[i] !== want.nearest[i] || got.meters[i] !== want.meters[i]) differ++;
    expect(differ).toBe(0);
  });
});

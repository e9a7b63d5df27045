import { describe, expect, it } from 'vitest';
import { dbscan, EARTH_RADIUS_METERS, stDbscan } from '../../../domain/clusters/dbscan.ts';
import { mulberry32 } from '../../../geodata/prng.ts';
import { bruteDbscan } from './brute-force.ts';

const SEAT = [114.2039, 36.4204];
const M_LAT = (Math.PI / 180) * EARTH_RADIUS_METERS; // metres per degree of latitude on the sphere
/** Points given as metres east/north of the seat (small offsets: the sphere ≈ the plane here). */
function at(...xy: [number, number][]): { lng: number[]; lat: number[] } {
  const mLng = M_LAT * Math.cos((SEAT[1] * Math.PI) / 180);
  return { lng: xy.map(([x]) => SEAT[0] + x / mLng), lat: xy.map(([, y]) => SEAT[1] + y / M_LAT) };
}
const run = (p: { lng: number[]; lat: number[] }, epsMeters: number, minPoints: number) => Array.from(dbscan(p.lng, p.lat, { epsMeters, minPoints }));

describe('dbscan: hand cases', () => {
  it('returns nothing for no points and noise for isolated ones', () => {
    expect(run({ lng: [], lat: [] }, 200, 3)).toEqual([]);
    expect(run(at([0, 0], [1000, 0], [0, 1000]), 200, 2)).toEqual([-1, -1, -1]);
  });

  it('counts the point itself in minPoints (sklearn min_samples)', () => {
    const triangle = at([0, 0], [100, 0], [50, 80]);
    expect(run(triangle, 200, 3)).toEqual([0, 0, 0]);
    expect(run(triangle, 200, 4)).toEqual([-1, -1, -1]);
    expect(run(at([0, 0], [5000, 0]), 200, 1)).toEqual([0, 1]); // minPoints 1: every point is a cluster
  });

  it('takes eps inclusively, in great-circle metres', () => {
    const pair = { lng: [SEAT[0], SEAT[0]], lat: [SEAT[1], SEAT[1] + 200 / M_LAT] }; // 200 m due north
    expect(run(pair, 200.001, 2)).toEqual([0, 0]);
    expect(run(pair, 199.999, 2)).toEqual([-1, -1]);
  });

  it('numbers clusters by their first core point in input order, not by their first member', () => {
    // index 0 is a border point of the east cluster, whose first core point is index 3
    const p = at([220, 0], [-1000, 0], [-1100, 0], [400, 0], [500, 0], [-1050, 50], [450, 60]);
    expect(run(p, 200, 3)).toEqual([1, 0, 0, 1, 1, 0, 1]);
  });

  it('gives a border point reached by two clusters to the one discovered first', () => {
    // west core points at x ≤ −150, east core points at x ≥ 150; the point at 0 is within 200 m of
    // one core point of each but has only 2 neighbours itself (minPoints 4: not core)
    const west: [number, number][] = [[-150, 0], [-250, 0], [-300, 40], [-300, -40]];
    const east: [number, number][] = [[150, 0], [250, 0], [300, 40], [300, -40]];
    expect(run(at(...west, ...east, [0, 0]), 200, 4)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0]);
    expect(run(at(...east, ...west, [0, 0]), 200, 4)).toEqual([0, 0, 0, 0, 1, 1, 1, 1, 0]);
    expect(run(at([0, 0], ...east, ...west), 200, 4)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1]);
  });

  it('chains core points into one cluster and leaves a point beyond the last border as noise', () => {
    const chain = at(...Array.from({ length: 10 }, (_, i): [number, number] => [i * 150, 0]), [1350 + 150, 0], [1350 + 320, 0]);
    expect(run(chain, 160, 3)).toEqual([...new Array(11).fill(0), -1]);
  });

  it('rejects bad parameters and coordinates', () => {
    const p = at([0, 0]);
    expect(() => run(p, 0, 3)).toThrow(RangeError);
    expect(() => run(p, 200, 0)).toThrow(RangeError);
    expect(() => run(p, 200, 2.5)).toThrow(RangeError);
    expect(() => dbscan([1, 2], [3], { epsMeters: 1, minPoints: 1 })).toThrow(RangeError);
    expect(() => dbscan([Number.NaN], [3], { epsMeters: 1, minPoints: 1 })).toThrow(/not a valid/);
    expect(() => dbscan([1], [91], { epsMeters: 1, minPoints: 1 })).toThrow(/not a valid/);
  });
});

/** n random points: `share` in Gaussian clumps of σ sigmaM metres, the rest uniform in a square of `sideM`. */
function randomSet(seed: number, n: number, centre: [number, number], sideM: number, sigmaM: number, share = 0.7, days = 0) {
  const rnd = mulberry32(seed);
  const mLng = M_LAT * Math.cos((centre[1] * Math.PI) / 180);
  const clumps = Array.from({ length: 8 }, () => [(rnd() - 0.5) * sideM, (rnd() - 0.5) * sideM]);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  const lng: number[] = [], lat: number[] = [], day: number[] = [];
  for (let i = 0; i < n; i++) {
    const c = clumps[i % 8];
    const [x, y] = rnd() < share ? [c[0] + gauss() * sigmaM, c[1] + gauss() * sigmaM] : [(rnd() - 0.5) * sideM, (rnd() - 0.5) * sideM];
    lat.push(Math.max(-90, Math.min(90, centre[1] + y / M_LAT)));
    lng.push(centre[0] + x / mLng);
    day.push(Math.floor(rnd() * days));
  }
  return { lng, lat, day };
}

describe('dbscan matches a brute-force DBSCAN from the definition', () => {
  const cases: [string, [number, number], number, number, number][] = [
    ['a township at Fengfeng', [114.2, 36.4], 6000, 150, 200],
    ['near the equator', [30, 0.01], 6000, 150, 200],
    ['at 70° N', [20, 70], 6000, 150, 200],
    ['a province-wide extent, eps 20 km', [114, 36], 600_000, 15_000, 20_000],
    ['tight clumps over a province, eps 200 m (too many cells to count: comparison sort)', [114, 36], 600_000, 150, 200],
    ['a continent, eps 300 km (cells far from flat)', [100, 40], 6_000_000, 150_000, 300_000],
    ['close to the pole', [0, 89.99], 2000, 100, 150],
  ];
  for (const [name, centre, side, sigma, eps] of cases) {
    it(name, () => {
      for (const seed of [1, 2]) {
        const p = randomSet(seed, 400, centre, side, sigma);
        for (const minPoints of [2, 4, 8]) expect(run(p, eps, minPoints)).toEqual(bruteDbscan(p.lng, p.lat, eps, minPoints));
      }
    });
  }
});

describe('stDbscan (Birant & Kut 2007)', () => {
  it('splits a spatial cluster whose cases are further apart in time than the window', () => {
    const p = at([0, 0], [50, 0], [0, 50], [10, 10], [60, 0], [0, 60]);
    const day = [0, 1, 2, 20, 21, 22];
    expect(Array.from(stDbscan(p.lng, p.lat, day, { epsMeters: 200, minPoints: 3, windowDays: 7 }))).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(stDbscan(p.lng, p.lat, day, { epsMeters: 200, minPoints: 3, windowDays: 20 }))).toEqual([0, 0, 0, 0, 0, 0]);
    expect(Array.from(stDbscan(p.lng, p.lat, day, { epsMeters: 200, minPoints: 3, windowDays: 0 }))).toEqual([-1, -1, -1, -1, -1, -1]);
  });

  it('takes the window inclusively: days exactly windowDays apart are neighbours', () => {
    const p = at([0, 0], [10, 0], [20, 0]);
    expect(Array.from(stDbscan(p.lng, p.lat, [0, 7, 14], { epsMeters: 100, minPoints: 3, windowDays: 7 }))).toEqual([0, 0, 0]);
    expect(Array.from(stDbscan(p.lng, p.lat, [0, 7, 14], { epsMeters: 100, minPoints: 3, windowDays: 6 }))).toEqual([-1, -1, -1]);
  });

  it('equals plain DBSCAN when the window covers every day', () => {
    for (const seed of [11, 12, 13]) {
      const p = randomSet(seed, 3000, [114.2, 36.4], 8000, 300, 0.7, 60);
      const plain = Array.from(dbscan(p.lng, p.lat, { epsMeters: 200, minPoints: 3 }));
      expect(Array.from(stDbscan(p.lng, p.lat, p.day, { epsMeters: 200, minPoints: 3, windowDays: 1e9 }))).toEqual(plain);
      expect(new Set(plain).size).toBeGreaterThan(5);
    }
  });

  it('matches the brute-force definition with a time window', () => {
    for (const seed of [21, 22]) {
      const p = randomSet(seed, 400, [114.2, 36.4], 3000, 200, 0.8, 30);
      for (const windowDays of [0, 3, 7]) {
        expect(Array.from(stDbscan(p.lng, p.lat, p.day, { epsMeters: 250, minPoints: 3, windowDays })))
          .toEqual(bruteDbscan(p.lng, p.lat, 250, 3, p.day, windowDays));
      }
    }
  });

  it('rejects a day array of the wrong length or a negative window', () => {
    expect(() => stDbscan([1], [1], [], { epsMeters: 1, minPoints: 1, windowDays: 1 })).toThrow(RangeError);
    expect(() => stDbscan([1], [1], [0], { epsMeters: 1, minPoints: 1, windowDays: -1 })).toThrow(RangeError);
  });
});

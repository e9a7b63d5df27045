// Coverage sums per area (issue 8 item 3) on a hand-made district, then against a brute-force
// recount on random data; the polygon variant against point-in-ring; the uncovered cells' totals.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { coverageInPolygon, coverageRows, uncoveredCells, type AreaUnit, type CoverageInput } from '../../../domain/coverage/area-coverage.ts';
import { pointInRings } from '../../../domain/geometry/point-in-ring.ts';

const units: AreaUnit[] = [
  { level: 'district', id: 1, code: '130406', name: '峰峰矿区', parentId: null },
  { level: 'township', id: 10, code: 't10', name: '甲镇', parentId: 1 },
  { level: 'township', id: 11, code: 't11', name: '乙镇', parentId: 1 },
  { level: 'village', id: 100, code: 'v100', name: '一村', parentId: 10 },
  { level: 'village', id: 101, code: 'v101', name: '二村', parentId: 10 },
  { level: 'village', id: 102, code: 'v102', name: '三村', parentId: 11 },
  { level: 'village', id: 103, code: 'v103', name: '空村', parentId: 11 },
  { level: 'grid', id: 1000, code: 'g1000', name: '一网格', parentId: 100 },
  { level: 'grid', id: 1001, code: 'g1001', name: '三网格', parentId: 102 },
];
// Fengfeng; 0.0001° ≈ 9–11 m.
const [X0, Y0] = [114.2, 36.4];
const hand: CoverageInput = {
  residents: Int32Array.from([3, 4, 2, 5, 1, 6]),
  pointMinutes: Float64Array.from([5, 20, Infinity, 15, NaN, 3]),
  insideSealed: Uint8Array.from([0, 0, 1, 0, 0, 1]),
  village: Int32Array.from([100, 100, 101, 102, -1, 101]),
  grid: Int32Array.from([1000, 1000, -1, 1001, -1, -1]),
  units,
};
const lng = Float64Array.from([X0, X0 + 0.0002, X0 + 0.0001, X0 + 0.01, X0 + 0.0003, X0 + 0.02]);
const lat = Float64Array.from([Y0, Y0 + 0.0002, Y0, Y0 + 0.01, Y0 + 0.0001, Y0]);

describe('coverageRows', () => {
  const rows = coverageRows(hand, 15);
  it('district: covered at ≤ 15 min (15 itself counts), sealed residents apart, NaN/unknown village uncovered', () => {
    expect(rows.district).toEqual({ level: 'district', id: 1, code: '130406', name: '峰峰矿区', parentId: null,
      residents: 21, covered: 8, uncovered: 5, share: 8 / 13, insideSealed: 8 });
  });
  it('townships sum their villages; a village with only sealed residents has share 1', () => {
    expect(rows.townships.map((r) => [r.id, r.residents, r.covered, r.uncovered, r.insideSealed, r.share]))
      .toEqual([[10, 15, 3, 4, 8, 3 / 7], [11, 5, 5, 0, 0, 1]]);
    expect(rows.villages.map((r) => [r.id, r.parentId, r.residents, r.covered, r.uncovered, r.insideSealed, r.share]))
      .toEqual([[100, 10, 7, 3, 4, 0, 3 / 7], [101, 10, 8, 0, 0, 8, 1], [102, 11, 5, 5, 0, 0, 1], [103, 11, 0, 0, 0, 0, 1]]);
    expect(rows.grids.map((r) => [r.id, r.level, r.residents, r.covered])).toEqual([[1000, 'grid', 7, 3], [1001, 'grid', 5, 5]]);
  });
  it('more minutes never cover fewer', () => {
    expect([4, 5, 15, 19, 20, 60].map((m) => coverageRows(hand, m).district.covered)).toEqual([0, 3, 8, 8, 12, 12]); // NaN never
  });

  it('random districts: every row balances and equals a brute-force recount', () => {
    const point = fc.record({
      residents: fc.integer({ min: 0, max: 9 }),
      minutes: fc.oneof(fc.double({ min: 0, max: 40, noNaN: true }), fc.constant(Infinity)),
      sealed: fc.boolean(), village: fc.constantFrom(-1, 100, 101, 102, 103), grid: fc.constantFrom(-1, 1000, 1001),
    });
    fc.assert(fc.property(fc.array(point, { maxLength: 60 }), fc.integer({ min: 0, max: 30 }), (pts, minutes) => {
      const input: CoverageInput = {
        residents: Float64Array.from(pts.map((p) => p.residents)), pointMinutes: Float64Array.from(pts.map((p) => p.minutes)),
        insideSealed: Uint8Array.from(pts.map((p) => (p.sealed ? 1 : 0))), village: Int32Array.from(pts.map((p) => p.village)),
        grid: Int32Array.from(pts.map((p) => p.grid)), units,
      };
      const out = coverageRows(input, minutes);
      const brute = (keep: (p: (typeof pts)[number]) => boolean) => {
        const sel = pts.filter(keep), sum = (f: (p: (typeof pts)[number]) => boolean) => sel.filter(f).reduce((n, p) => n + p.residents, 0);
        return { residents: sum(() => true), covered: sum((p) => !p.sealed && p.minutes <= minutes), insideSealed: sum((p) => p.sealed) };
      };
      expect(out.district).toMatchObject(brute(() => true));
      for (const v of out.villages) expect(v).toMatchObject(brute((p) => p.village === v.id));
      for (const g of out.grids) expect(g).toMatchObject(brute((p) => p.grid === g.id));
      expect(out.townships[0]).toMatchObject(brute((p) => p.village === 100 || p.village === 101));
      for (const r of [out.district, ...out.townships, ...out.villages, ...out.grids]) {
        expect(r.covered + r.uncovered + r.insideSealed).toBe(r.residents);
        expect(r.share).toBeGreaterThanOrEqual(0);
        expect(r.share).toBeLessThanOrEqual(1);
      }
    }), { numRuns: 200 });
  });
});

describe('coverageInPolygon', () => {
  const square: Polygon = { type: 'Polygon', coordinates: [[[X0 - 0.001, Y0 - 0.001], [X0 + 0.005, Y0 - 0.001], [X0 + 0.005, Y0 + 0.005], [X0 - 0.001, Y0 + 0.005], [X0 - 0.001, Y0 - 0.001]]] };
  it('counts the points inside only (0, 1, 2, 4 and not 3, 5)', () => {
    expect(coverageInPolygon(hand, 15, lng, lat, square)).toEqual({ level: 'polygon', id: null, code: null, name: '', parentId: null,
      residents: 10, covered: 3, uncovered: 5, share: 3 / 8, insideSealed: 2 });
  });
  it('agrees with point-in-ring on random points', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: -0.01, max: 0.01, noNaN: true }), fc.double({ min: -0.01, max: 0.01, noNaN: true })), { maxLength: 80 }), (pts) => {
      const n = pts.length;
      const input: CoverageInput = { residents: new Float64Array(n).fill(2), pointMinutes: Float64Array.from(pts, (_, i) => i % 30),
        insideSealed: new Uint8Array(n), village: new Int32Array(n).fill(-1), grid: new Int32Array(n).fill(-1), units: [] };
      const xs = Float64Array.from(pts, ([dx]) => X0 + dx), ys = Float64Array.from(pts, ([, dy]) => Y0 + dy);
      const inside = pts.map((_, i) => pointInRings(square.coordinates as [number, number][][], xs[i], ys[i]));
      const row = coverageInPolygon(input, 15, xs, ys, square);
      expect(row.residents).toBe(2 * inside.filter(Boolean).length);
      expect(row.covered).toBe(2 * inside.filter((ok, i) => ok && i % 30 <= 15).length);
    }), { numRuns: 100 });
  });
});

describe('uncoveredCells', () => {
  it('sums the uncovered (not the sealed) into 100 m cells; best minutes, null when unreachable', () => {
    const out = uncoveredCells(hand, 15, lng, lat);
    // Uncovered: point 1 (4 residents, 20 min) and point 4 (1, NaN): both within ~30 m of X0,Y0.
    const props = out.features.map((f) => f.properties);
    expect(props.reduce((n, p) => n + p.residents, 0)).toBe(coverageRows(hand, 15).district.uncovered);
    expect(props.reduce((n, p) => n + p.households, 0)).toBe(2);
    expect(props.some((p) => p.minutes === 20)).toBe(true);
    for (const f of out.features) {
      const [x, y] = f.geometry.coordinates;
      expect(Math.abs(x - X0) * 89_600).toBeLessThan(150);
      expect(Math.abs(y - Y0) * 111_000).toBeLessThan(150);
    }
  });
  it('one cell per 100 m square: points 10 m apart share a cell, 1 km apart do not; households given are summed', () => {
    const n = 4;
    const input: CoverageInput = { residents: Int32Array.from([1, 2, 3, 4]), households: Int32Array.from([1, 1, 2, 1]),
      pointMinutes: Float64Array.from([Infinity, Infinity, 30, Infinity]), insideSealed: new Uint8Array(n),
      village: new Int32Array(n).fill(-1), grid: new Int32Array(n).fill(-1), units: [] };
    // Two pairs 9 m apart, in a projection centred on their bbox (X0, Y0).
    // x ≈ −448, −439, +439, +448 m and y ≈ ∓444 m: cells (−5, −5) and (4, 4).
    const xs = Float64Array.from([X0 - 0.0050, X0 - 0.0049, X0 + 0.0049, X0 + 0.0050]);
    const ys = Float64Array.from([Y0 - 0.0040, Y0 - 0.0040, Y0 + 0.0040, Y0 + 0.0040]);
    const props = uncoveredCells(input, 15, xs, ys).features.map((f) => f.properties);
    expect(props).toEqual([{ residents: 3, households: 2, minutes: null }, { residents: 7, households: 3, minutes: 30 }]);
    expect(uncoveredCells(input, 60, xs, ys).features.map((f) => f.properties.residents)).toEqual([3, 4]);
  });
  it('nothing uncovered, or no points: an empty collection', () => {
    const none: CoverageInput = { residents: new Int32Array(0), pointMinutes: new Float64Array(0), insideSealed: new Uint8Array(0),
      village: new Int32Array(0), grid: new Int32Array(0), units };
    expect(uncoveredCells(none, 15, new Float64Array(0), new Float64Array(0)).features).toEqual([]);
    const all: CoverageInput = { ...hand, pointMinutes: new Float64Array(6) };
    expect(uncoveredCells(all, 15, lng, lat).features).toEqual([]);
  });
});

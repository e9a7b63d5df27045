// Impact of a polygon (issue 4 item 4) over a tiny hand-made index, checked against hand counts and
// a brute-force point-in-polygon; the §1.8 resource oracle; checkpoints where roads cross.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { BUNDLED_PROFILES } from '../../../domain/zones/bundled-profiles.ts';
import { buildImpactIndex, impactOf, type ImpactSource } from '../../../domain/zones/impact.ts';
import { quarantineRooms, resourcesOf, testingNeeds } from '../../../domain/zones/supplies.ts';
import { pointInRings } from '../../../domain/geometry/point-in-ring.ts';

const params = BUNDLED_PROFILES.find((p) => p.key === 'cn-2021-community')!.params;
// A 0.01° square (≈ 895 m × 1 113 m) at Fengfeng, with a hole in its north-east corner.
const [X0, Y0, S] = [114.2, 36.4, 0.01];
const square: Polygon = { type: 'Polygon', coordinates: [
  [[X0, Y0], [X0 + S, Y0], [X0 + S, Y0 + S], [X0, Y0 + S], [X0, Y0]],
  [[X0 + 0.007, Y0 + 0.007], [X0 + 0.007, Y0 + 0.009], [X0 + 0.009, Y0 + 0.009], [X0 + 0.009, Y0 + 0.007], [X0 + 0.007, Y0 + 0.007]],
] };
const at = (fx: number, fy: number) => ({ lng: X0 + fx * S, lat: Y0 + fy * S });
const road = (id: number, roadClass: string, name: string | null, ...pts: [number, number][]) =>
  ({ id, name, roadClass, coordinates: pts.map(([fx, fy]): [number, number] => [X0 + fx * S, Y0 + fy * S]) });

const src: ImpactSource = {
  households: [
    { ...at(0.2, 0.2), residents: 3, over65: 1, buildingId: 1 },
    { ...at(0.5, 0.5), residents: 4, over65: 0, buildingId: 2 },
    { ...at(0.8, 0.8), residents: 9, over65: 9, buildingId: null }, // in the hole
    { ...at(1.2, 0.5), residents: 5, over65: 2, buildingId: null }, // east of the square
  ],
  buildings: [{ id: 1, ...at(0.2, 0.2) }, { id: 2, ...at(0.5, 0.5) }, { id: 3, ...at(-0.1, 0.5) }],
  roads: [
    road(1, 'trunk', '邢峰公路', [-0.5, 0.3], [1.5, 0.3]),           // straight through: 2 crossings
    road(2, 'residential', '朝阳路', [0.4, 0.4], [0.4, -0.3]),       // from inside out: 1
    road(3, 'tertiary', '市场街', [0.6, 0.6], [0.6, 0]),             // split on the boundary …
    road(4, 'lane', null, [0.6, 0], [0.6, -0.5]),                    // … and on outside: 1 in all
    road(5, 'lane', null, [0.1, 0.5], [0, 0.5]),                     // ends on the west edge, nothing beyond: 0
    road(6, 'secondary', '和社线', [0, 0.6], [0, 0.7], [0, 0.8], [0, 0.9]), // along the west edge (junctions are vertices, as in OSM) …
    road(7, 'residential', '车站街', [0.2, 0.7], [0, 0.7]),          // … an inside road meets it …
    road(8, 'lane', null, [-0.4, 0.8], [0, 0.8]),                    // … an outside one too: 1
    road(9, 'lane', null, [1.3, 1.3], [1, 1], [1.3, 0.9]),           // touches a corner, turns back: 0
    road(10, 'lane', null, [2, 2], [3, 3]),                          // far away: 0
    road(11, 'lane', null, [0.8, 0.2], [0.8, 0], [0.9, 0], [0.9, -0.3]), // in, along the south edge, out: 1
  ],
};
const index = buildImpactIndex(src);

describe('impactOf', () => {
  const r = impactOf(index, square, params, [at(0.3, 0.3), at(0.8, 0.8), at(2, 2)]);
  it('counts households, residents, ≥ 65, buildings and open loop items inside (not in the hole)', () => {
    expect(r).toMatchObject({ households: 2, residents: 7, over65: 1, buildings: 2, openLoopItems: 1 });
  });
  it('measures the area on the ellipsoid, minus the hole', () => {
    const expected = (S * 111_320 * Math.cos((36.405 * Math.PI) / 180)) * (S * 110_990) * (1 - 0.04);
    expect(r.areaSquareMeters / expected).toBeCloseTo(1, 2);
  });
  it('places one checkpoint per road per crossing, where the network really passes in or out', () => {
    expect(r.crossings.map((c) => [c.roadId, c.roadClass, c.roadName])).toEqual([
      [1, 'trunk', '邢峰公路'], [1, 'trunk', '邢峰公路'], [3, 'tertiary', '市场街'], [2, 'residential', '朝阳路'], [7, 'residential', '车站街'], [11, 'lane', null],
    ]);
    const trunk = r.crossings.filter((c) => c.roadId === 1).map((c) => c.lng).sort();
    expect(trunk[0]).toBeCloseTo(X0, 9);
    expect(trunk[1]).toBeCloseTo(X0 + S, 9);
    expect(r.crossings.find((c) => c.roadId === 2)).toMatchObject({ lng: expect.closeTo(X0 + 0.4 * S, 9), lat: expect.closeTo(Y0, 9) });
  });
  it('sizes testing and supplies from the residents (§1.8, profile resources)', () => {
    expect(r.testing).toEqual({ samplingPointsMin: 1, samplingPointsMax: 1, samplers: 1, completionHours: 24 });
    expect(r.supplies.totalPerDay).toEqual({ staples_kg: 2.1, vegetables_kg: 3.5, meat_eggs_kg: 1.4, milk_kg: 2.1, drinking_water_l: 17.5 });
    expect(r.supplies.perHouseholdPerDay.drinking_water_l).toBe(8.75);
  });
  it('is all zeros for a polygon where nobody lives', () => {
    const empty = impactOf(index, { type: 'Polygon', coordinates: [[[115, 37], [115.01, 37], [115.01, 37.01], [115, 37]]] }, params, []);
    expect(empty).toMatchObject({ residents: 0, households: 0, buildings: 0, crossings: [], testing: { samplingPointsMin: 0, samplers: 0 } });
    expect(empty.supplies.perHouseholdPerDay.staples_kg).toBe(0);
  });
  it('works on an empty index', () => {
    expect(impactOf(buildImpactIndex({ households: [], buildings: [], roads: [] }), square, params, [])).toMatchObject({ residents: 0, crossings: [] });
  });
  it('agrees with brute-force ray casting on random points and polygons', () => {
    fc.assert(fc.property(fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), { minLength: 1, maxLength: 300 }),
      fc.array(fc.double({ min: 0.2, max: 1, noNaN: true }), { minLength: 3, maxLength: 40 }), (pts, radii) => {
        // A star-shaped (so simple) polygon around the centre of the unit square.
        const ring = radii.map((rad, i) => [0.5 + 0.5 * rad * Math.cos((2 * Math.PI * i) / radii.length), 0.5 + 0.5 * rad * Math.sin((2 * Math.PI * i) / radii.length)]);
        ring.push(ring[0]);
        const households = pts.map(([x, y]) => ({ lng: x, lat: y, residents: 1, over65: 0, buildingId: null }));
        const got = impactOf(buildImpactIndex({ households, buildings: [], roads: [] }), { type: 'Polygon', coordinates: [ring] }, params, []);
        expect(got.households).toBe(pts.filter(([x, y]) => pointInRings([ring as [number, number][]], x, y)).length);
      }), { numRuns: 200 });
  });
});

describe('resources (§1.8, §7 oracle: Fengfeng, 46万 people)', () => {
  const res = resourcesOf(params);
  it('needs 154–230 sampling points and ≈ 1 278 samplers to test everyone in 24 h', () => {
    const t = testingNeeds(460_000, res);
    // §7 writes "153–230": 460 000 / 3 000 = 153.3, rounded down there; a point serves at most
    // 3 000 people, so 154 are needed.
    expect(Math.floor(460_000 / 3000)).toBe(153);
    expect(t).toEqual({ samplingPointsMin: 154, samplingPointsMax: 230, samplers: 1278, completionHours: 24 });
  });
  it('needs ≥ 920 quarantine rooms (20 per 10 000)', () => expect(quarantineRooms(460_000, res)).toBe(920));
  it('falls back to the §1.8 figures for a profile without a resources block', () => {
    const bare = resourcesOf({ zones: {} });
    expect(testingNeeds(460_000, bare)).toEqual(testingNeeds(460_000, res));
    expect(bare.daily_supply_per_person).toEqual({});
  });
});

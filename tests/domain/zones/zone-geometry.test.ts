// Checking a zone polygon from a user (422 codes) and the exact overlap test used for zone ↔ team
// area. The district is a hand-made concave outline with a bay and a hole, at Fengfeng.
import { describe, expect, it } from 'vitest';
import { difference, featureCollection, polygon as turfPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { MAX_ZONE_VERTICES, checkZoneGeometry, polygonsIntersect } from '../../../domain/zones/zone-geometry.ts';

const [X0, Y0, S] = [114.2, 36.4, 0.01]; // S ≈ 900 m east–west, 1 100 m north–south
const p = (fx: number, fy: number): Position => [X0 + fx * S, Y0 + fy * S];
const poly = (...rings: [number, number][][]): Polygon => ({ type: 'Polygon', coordinates: rings.map((r) => [...r, r[0]].map(([x, y]) => p(x, y))) });
// A U-shaped district (a bay cut into its north side from x 0.4 to 0.6, down to y 0.5) with a hole.
const district = poly(
  [[0, 0], [1, 0], [1, 1], [0.6, 1], [0.6, 0.5], [0.4, 0.5], [0.4, 1], [0, 1]],
  [[0.1, 0.1], [0.1, 0.2], [0.2, 0.2], [0.2, 0.1]],
);
const METER = 1 / 111_320 / S; // one metre northwards, in fractions of S

describe('checkZoneGeometry', () => {
  it('accepts a polygon inside and returns it rewound, without foreign members', () => {
    const r = checkZoneGeometry({ ...poly([[0.3, 0.3], [0.3, 0.4], [0.7, 0.4], [0.7, 0.3]]), bbox: [0, 0, 1, 1] }, district);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.geometry)).toEqual(['type', 'coordinates']);
  });
  it('accepts the district itself and pieces cut from its own rings (rest of county)', () => {
    expect(checkZoneGeometry(district, district).ok).toBe(true);
    const rest = difference(featureCollection([turfPolygon(district.coordinates), turfPolygon(poly([[0.3, 0.3], [0.3, 0.4], [0.7, 0.4], [0.7, 0.3]]).coordinates)]))!.geometry as Polygon | MultiPolygon;
    expect(checkZoneGeometry(rest, district)).toMatchObject({ ok: true });
    const east = poly([[0.6, 0], [1, 0], [1, 1], [0.6, 1]]); // shares three edges with the district
    expect(checkZoneGeometry(east, district).ok).toBe(true);
  });
  it('tolerates a vertex 0.5 m outside, not 5 m', () => {
    expect(checkZoneGeometry(poly([[0.3, 0.3], [0.3, -0.5 * METER], [0.35, 0.3]]), district).ok).toBe(true);
    expect(checkZoneGeometry(poly([[0.3, 0.3], [0.3, -5 * METER], [0.35, 0.3]]), district)).toMatchObject({ ok: false, code: 'outside_district', reason: expect.stringMatching(/vertex/) });
  });
  it('refuses an edge that cuts across the bay though every vertex is inside', () => {
    expect(checkZoneGeometry(poly([[0.3, 0.6], [0.7, 0.6], [0.7, 0.7], [0.3, 0.7]]), district))
      .toMatchObject({ ok: false, code: 'outside_district', reason: expect.stringMatching(/crosses/) });
  });
  it('refuses a polygon that encloses the district\'s hole', () => {
    expect(checkZoneGeometry(poly([[0.05, 0.05], [0.3, 0.05], [0.3, 0.3], [0.05, 0.3]]), district))
      .toMatchObject({ ok: false, code: 'outside_district', reason: expect.stringMatching(/encloses/) });
  });
  it('refuses a bow-tie as self_intersection', () => {
    expect(checkZoneGeometry(poly([[0.3, 0.3], [0.4, 0.4], [0.4, 0.3], [0.3, 0.4]]), district)).toMatchObject({ ok: false, code: 'self_intersection' });
  });
  it(`refuses more than ${MAX_ZONE_VERTICES} vertices (positions, as validate.ts counts them)`, () => {
    const circle = (n: number) => ({ type: 'Polygon', coordinates: [[...Array.from({ length: n - 1 }, (_, i) => p(0.3 + 0.1 * Math.cos((2 * Math.PI * i) / (n - 1)), 0.3 + 0.1 * Math.sin((2 * Math.PI * i) / (n - 1)))), p(0.4, 0.3)]] });
    expect(checkZoneGeometry(circle(MAX_ZONE_VERTICES), district).ok).toBe(true);
    expect(checkZoneGeometry(circle(MAX_ZONE_VERTICES + 1), district)).toMatchObject({ ok: false, code: 'too_many_vertices', reason: expect.stringMatching(/2001/) });
  });
  it.each([
    ['a point', { type: 'Point', coordinates: p(0.5, 0.5) }],
    ['an unclosed ring', { type: 'Polygon', coordinates: [[p(0.3, 0.3), p(0.4, 0.3), p(0.4, 0.4), p(0.3, 0.4)]] }],
    ['null', null],
    ['a string', 'POLYGON((0 0, 1 0, 1 1, 0 0))'],
    ['a polygon without area', poly([[0.3, 0.3], [0.4, 0.3], [0.5, 0.3]])],
  ])('refuses %s as invalid_geometry', (_name, g) => {
    expect(checkZoneGeometry(g, district)).toMatchObject({ ok: false, code: 'invalid_geometry' });
  });
  it('accepts a MultiPolygon whose parts are all inside', () => {
    const mp = { type: 'MultiPolygon', coordinates: [poly([[0.3, 0.3], [0.35, 0.3], [0.35, 0.35]]).coordinates, poly([[0.7, 0.7], [0.8, 0.7], [0.8, 0.8]]).coordinates] };
    expect(checkZoneGeometry(mp, district).ok).toBe(true);
  });
});

describe('polygonsIntersect (interiors overlap, exactly)', () => {
  const grid = (x: number, y: number) => poly([[x, y], [x + 0.2, y], [x + 0.2, y + 0.2], [x, y + 0.2]]);
  it('true when they overlap, either contains the other, or they are the same', () => {
    expect(polygonsIntersect(grid(0, 0), grid(0.1, 0.1))).toBe(true);
    expect(polygonsIntersect(grid(0, 0), poly([[0.05, 0.05], [0.1, 0.05], [0.1, 0.1]]))).toBe(true);
    expect(polygonsIntersect(poly([[0.05, 0.05], [0.1, 0.05], [0.1, 0.1]]), grid(0, 0))).toBe(true);
    expect(polygonsIntersect(grid(0, 0), grid(0, 0))).toBe(true);
  });
  it('true when they share an edge with interiors on the same side (a compound in the corner of its grid)', () => {
    expect(polygonsIntersect(grid(0, 0), poly([[0, 0], [0.2, 0], [0.2, 0.1], [0, 0.1]]))).toBe(true);
  });
  it('true for a cross shape: no vertex of either inside the other', () => {
    expect(polygonsIntersect(poly([[0, 0.4], [1, 0.4], [1, 0.6], [0, 0.6]]), poly([[0.4, 0], [0.6, 0], [0.6, 1], [0.4, 1]]))).toBe(true);
  });
  it('false for neighbours that only share an edge or a corner (adjacent grids)', () => {
    expect(polygonsIntersect(grid(0, 0), grid(0.2, 0))).toBe(false);
    expect(polygonsIntersect(grid(0, 0), grid(0.2, 0.2))).toBe(false);
    expect(polygonsIntersect(grid(0, 0), poly([[0.2, 0.05], [0.3, 0.05], [0.3, 0.1], [0.2, 0.1]]))).toBe(false); // on part of an edge
  });
  it('false for one inside the other\'s hole, and for bboxes that overlap without the areas doing so', () => {
    expect(polygonsIntersect(district, poly([[0.12, 0.12], [0.18, 0.12], [0.18, 0.18]]))).toBe(false);
    expect(polygonsIntersect(district, poly([[0.45, 0.6], [0.55, 0.6], [0.55, 0.9], [0.45, 0.9]]))).toBe(false); // in the bay
    expect(polygonsIntersect(poly([[0, 0], [1, 0], [0, 1]]), poly([[1, 1], [1, 0.6], [0.6, 1]]))).toBe(false);
  });
  it('works on MultiPolygons part by part', () => {
    const mp: MultiPolygon = { type: 'MultiPolygon', coordinates: [grid(0, 0).coordinates, grid(0.6, 0.6).coordinates] };
    expect(polygonsIntersect(mp, grid(0.7, 0.7))).toBe(true);
    expect(polygonsIntersect(mp, grid(0.3, 0.3))).toBe(false);
  });
});

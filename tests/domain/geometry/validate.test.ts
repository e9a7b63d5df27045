import { describe, expect, it } from 'vitest';
import { MAX_VERTICES, validateGeometry } from '../../../domain/geometry/validate.ts';

const poly = (ring: number[][]) => ({ type: 'Polygon', coordinates: [ring] });

describe('validateGeometry', () => {
  it('accepts a point and drops foreign members', () => {
    expect(validateGeometry({ type: 'Point', coordinates: [114.2, 36.4], crs: 'x' }, ['Point'])).toEqual({ ok: true, geometry: { type: 'Point', coordinates: [114.2, 36.4] } });
  });
  it('rewinds a clockwise exterior ring instead of rejecting it (RFC 7946)', () => {
    const r = validateGeometry(poly([[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]), ['Polygon']);
    expect(r.ok).toBe(true);
    if (r.ok) expect((r.geometry as { coordinates: number[][][] }).coordinates[0]).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });
  it.each([
    ['a bow-tie', poly([[0, 0], [1, 1], [1, 0], [0, 1], [0, 0]]), /intersects itself/],
    ['an unclosed ring', poly([[0, 0], [1, 0], [1, 1], [0, 1]]), /closed/],
    ['a ring of 3 positions', poly([[0, 0], [1, 0], [0, 0]]), /at least 4/],
    ['an infinite ordinate', { type: 'Point', coordinates: [Infinity, 0] }, /finite/],
    ['a 4D position', { type: 'Point', coordinates: [1, 2, 3, 4] }, /2 or 3/],
    ['swapped lng/lat', { type: 'Point', coordinates: [36.4, 114.2] }, /swapped/],
    ['a wrong type', { type: 'Polygon', coordinates: [] }, /type must be one of Point/],
    ['null', null, /GeoJSON object/],
  ])('rejects %s with its reason', (_name, g, reason) => {
    const r = validateGeometry(g, g && (g as { type: string }).type === 'Polygon' && _name !== 'a wrong type' ? ['Polygon'] : ['Point']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  const square = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];
  it.each([
    ['a Polygon with zero rings', { type: 'Polygon', coordinates: [] }, /non-empty/],
    ['a Polygon with an empty ring', { type: 'Polygon', coordinates: [[]] }, /at least 4/],
    ['a MultiPolygon with one empty polygon [[]]', { type: 'MultiPolygon', coordinates: [[]] }, /exterior ring/],
    ['a MultiPolygon with a good and an empty polygon [[ring], []]', { type: 'MultiPolygon', coordinates: [[square], []] }, /exterior ring/],
    ['a MultiPolygon with an empty polygon first', { type: 'MultiPolygon', coordinates: [[], [square]] }, /exterior ring/],
    ['a MultiPolygon whose member is not an array', { type: 'MultiPolygon', coordinates: [[square], 7] }, /exterior ring/],
    ['a MultiPolygon with an empty ring', { type: 'MultiPolygon', coordinates: [[square], [[]]] }, /at least 4/],
  ])('refuses %s with a reason instead of throwing', (_name, g, reason) => {
    const r = validateGeometry(g, ['Polygon', 'MultiPolygon']);
    expect(r).toEqual({ ok: false, reason: expect.stringMatching(reason) });
  });
  it('still accepts a well-formed MultiPolygon', () => {
    const far = square.map(([x, y]) => [x + 5, y]);
    expect(validateGeometry({ type: 'MultiPolygon', coordinates: [[square], [far]] }, ['MultiPolygon']).ok).toBe(true);
  });
  it(`caps the vertex count at ${MAX_VERTICES}`, () => {
    const ring = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [Math.cos(i), Math.sin(i)]);
    const r = validateGeometry({ type: 'LineString', coordinates: ring }, ['LineString']);
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('vertices') });
  });
});

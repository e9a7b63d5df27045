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
  it(`caps the vertex count at ${MAX_VERTICES}`, () => {
    const ring = Array.from({ length: MAX_VERTICES + 1 }, (_, i) => [Math.cos(i), Math.sin(i)]);
    const r = validateGeometry({ type: 'LineString', coordinates: ring }, ['LineString']);
    expect(r).toMatchObject({ ok: false, reason: expect.stringContaining('vertices') });
  });
});

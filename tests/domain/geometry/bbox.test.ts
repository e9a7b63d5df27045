import { describe, expect, it } from 'vitest';
import { boxAround, geometryBbox, parseBbox } from '../../../domain/geometry/bbox.ts';

describe('parseBbox', () => {
  it('reads minLng,minLat,maxLng,maxLat', () => {
    expect(parseBbox('114.1,36.4,114.2,36.5')).toEqual({ ok: true, bbox: [114.1, 36.4, 114.2, 36.5] });
    expect(parseBbox('114,36,114,36')).toMatchObject({ ok: true }); // a point-sized box is a box
  });
  it.each([
    ['114,36,115', 'needs 4'], ['114,36,115,37,1', 'needs 4'], ['a,36,115,37', 'finite'], ['114,,115,37', 'finite'],
    ['Infinity,36,115,37', 'finite'], ['-181,36,115,37', 'longitudes'], ['114,-91,115,37', 'latitudes'], ['115,36,114,37', 'minimum'],
  ])('rejects %s', (text, reason) => {
    const r = parseBbox(text);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toContain(reason);
  });
});

describe('geometryBbox', () => {
  it('covers every position of nested geometries', () => {
    expect(geometryBbox({ type: 'GeometryCollection', geometries: [
      { type: 'Point', coordinates: [1, 2] },
      { type: 'MultiPolygon', coordinates: [[[[0, 0], [3, 0], [3, 5], [0, 0]]]] },
    ] })).toEqual([0, 0, 3, 5]);
  });
});

describe('boxAround', () => {
  it('is about 1 km wide for a 500 m half side at 36.4° N', () => {
    const [minLng, minLat, maxLng, maxLat] = boxAround(114.2, 36.4, 500);
    expect((maxLat - minLat) * 111_320).toBeCloseTo(1000, 0);
    expect((maxLng - minLng) * 111_320 * Math.cos((36.4 * Math.PI) / 180)).toBeCloseTo(1000, 0);
  });
});

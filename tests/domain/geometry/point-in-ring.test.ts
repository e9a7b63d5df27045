import { describe, expect, it } from 'vitest';
import { pointInRings, polygonsOf } from '../../../domain/geometry/point-in-ring.ts';

const square = [[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]] as const;
const hole = [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]] as const;

describe('pointInRings (even–odd over all rings)', () => {
  it('puts points inside the outer ring in, outside out', () => {
    expect(pointInRings([square], 1, 1)).toBe(true);
    expect(pointInRings([square], 11, 1)).toBe(false);
    expect(pointInRings([square], -0.001, 5)).toBe(false);
  });
  it('treats a hole as outside, and the ring between as inside', () => {
    expect(pointInRings([square, hole], 5, 5)).toBe(false);
    expect(pointInRings([square, hole], 3, 5)).toBe(true);
  });
  it('handles a concave ring', () => {
    const u = [[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]] as const;
    expect(pointInRings([u], 1.5, 2)).toBe(false);
    expect(pointInRings([u], 0.5, 2)).toBe(true);
  });
  it('splits Polygon and MultiPolygon into polygons of rings', () => {
    expect(polygonsOf({ type: 'Polygon', coordinates: [square, hole] })).toHaveLength(1);
    expect(polygonsOf({ type: 'MultiPolygon', coordinates: [[square], [hole]] })).toHaveLength(2);
    expect(polygonsOf({ type: 'Point', coordinates: [0, 0] })).toEqual([]);
  });
});

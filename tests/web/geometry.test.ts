import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, Polygon } from 'geojson';
import { labelPoint, labelPoints } from '../../web/map/label-points.ts';
import { containsBbox, padBbox } from '../../web/map/bbox.ts';

// A U-shaped township whose centre of mass falls in the notch, outside the polygon.
const uShape: Polygon = { type: 'Polygon', coordinates: [[
  [114.0, 36.0], [114.3, 36.0], [114.3, 36.3], [114.2, 36.3], [114.2, 36.05], [114.1, 36.05], [114.1, 36.3], [114.0, 36.3], [114.0, 36.0],
]] };
const feature = (geometry: Feature['geometry'], name: string): Feature => ({ type: 'Feature', id: 1, geometry, properties: { name } });

describe('label points', () => {
  it('puts the label inside a concave polygon', () => {
    const p = labelPoint(feature(uShape, '彭城镇'))!;
    expect(booleanPointInPolygon(p, uShape)).toBe(true);
  });

  it('labels the largest part of a MultiPolygon', () => {
    const small = [[[114.5, 36.5], [114.51, 36.5], [114.51, 36.51], [114.5, 36.51], [114.5, 36.5]]];
    const big = [[[114.0, 36.0], [114.2, 36.0], [114.2, 36.2], [114.0, 36.2], [114.0, 36.0]]];
    const p = labelPoint(feature({ type: 'MultiPolygon', coordinates: [small, big] }, 'x'))!;
    expect(p[0]).toBeCloseTo(114.1, 5);
    expect(p[1]).toBeCloseTo(36.1, 2);
  });

  it('keeps id and properties, passes points through and skips lines', () => {
    const fc = labelPoints({ type: 'FeatureCollection', features: [
      feature(uShape, 'a'),
      feature({ type: 'Point', coordinates: [114.2, 36.4] }, 'b'),
      feature({ type: 'LineString', coordinates: [[114, 36], [114.1, 36.1]] }, 'c'),
    ] });
    expect(fc.features.map((f) => f.properties?.name)).toEqual(['a', 'b']);
    expect(fc.features[1].geometry.coordinates).toEqual([114.2, 36.4]);
    expect(fc.features[0].id).toBe(1);
  });
});

describe('viewport boxes', () => {
  it('pads on every side by a fraction of the size', () => {
    expect(padBbox([0, 0, 4, 2], 0.25)).toEqual([-1, -0.5, 5, 2.5]);
  });

  it('knows when a view is already covered', () => {
    const loaded = padBbox([114.1, 36.3, 114.2, 36.4], 0.25);
    expect(containsBbox(loaded, [114.11, 36.31, 114.21, 36.41])).toBe(true);
    expect(containsBbox(loaded, [114.2, 36.3, 114.3, 36.4])).toBe(false);
  });
});

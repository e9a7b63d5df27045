// The review map's layer data: candidates numbered as in the list (the best one marked), the
// clicked and the chosen point, and the box the camera fits for a row.
import { describe, expect, it } from 'vitest';
import { REVIEW_SOURCE, reviewBounds, reviewFeatures, reviewLayers } from '../../web/map/review-styles.ts';

const candidates = [{ point: [114.2, 36.42] as [number, number] }, { point: [114.21, 36.43] as [number, number] }];

describe('review map', () => {
  it('numbers the candidates from 1, marks the best, and adds the clicked and chosen points', () => {
    const fc = reviewFeatures({ candidates, clicked: [114.3, 36.5], chosen: [114.2, 36.42] });
    expect(fc.features.map((f) => [f.properties?.kind, f.properties?.label])).toEqual([
      ['best', '1'], ['candidate', '2'], ['chosen', ''], ['clicked', '']]);
    expect(fc.features[3].geometry.coordinates).toEqual([114.3, 36.5]);
    expect(reviewFeatures({ candidates: [], clicked: null, chosen: null }).features).toEqual([]);
  });

  it('fits the candidates and the chosen point with a margin, and nothing when there is no point', () => {
    const b = reviewBounds({ candidates, clicked: [120, 40], chosen: null })!;
    expect(b[0]).toBeCloseTo(114.197, 6);
    expect(b[3]).toBeCloseTo(36.433, 6);
    expect(reviewBounds({ candidates: [], clicked: [114, 36], chosen: null })).toBeNull();
  });

  it('draws circles and their numbers from one source, on the points slot', () => {
    const layers = reviewLayers();
    expect(layers.map((l) => l.spec.id)).toEqual([`${REVIEW_SOURCE}-circle`, `${REVIEW_SOURCE}-number`]);
    expect(layers.every((l) => l.slot === 'points' && 'source' in l.spec && l.spec.source === REVIEW_SOURCE)).toBe(true);
  });
});

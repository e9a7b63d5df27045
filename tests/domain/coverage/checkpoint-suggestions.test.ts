// Checkpoint suggestions: crossings with no active checkpoint within 50 m, per zone, in input order.
import { describe, expect, it } from 'vitest';
import { suggestCheckpoints, type ZoneCrossing } from '../../../domain/coverage/checkpoint-suggestions.ts';

const [X0, Y0] = [114.2, 36.4];
// At 36.4° N: 1 m ≈ 1.117e-5° of longitude, 9.01e-6° of latitude.
const EAST = 1 / 89_700, NORTH = 1 / 110_960;
const crossing = (zoneId: number, roadId: number, eastMeters: number, roadClass = 'residential'): ZoneCrossing => ({
  zoneId, zoneName: `封控区${zoneId}`, zoneKind: 'sealed', lng: X0 + eastMeters * EAST, lat: Y0, roadId, roadName: null, roadClass,
});

describe('suggestCheckpoints', () => {
  const crossings = [crossing(1, 10, 0, 'trunk'), crossing(1, 11, 500), crossing(2, 12, 1000), crossing(2, 11, 500)];
  it('a checkpoint 40 m away mans a crossing, 60 m away does not; the same spot counts for both zones', () => {
    const checkpoints = [{ lng: X0 + 40 * EAST, lat: Y0 }, { lng: X0 + 500 * EAST, lat: Y0 + 60 * NORTH }];
    expect(suggestCheckpoints(crossings, checkpoints).map((s) => [s.zoneId, s.roadId])).toEqual([[1, 11], [2, 12], [2, 11]]);
    expect(suggestCheckpoints(crossings, checkpoints, 70).map((s) => [s.zoneId, s.roadId])).toEqual([[2, 12]]);
  });
  it('an inactive checkpoint mans nothing; no checkpoints: every crossing; no crossings: nothing', () => {
    expect(suggestCheckpoints(crossings, [{ lng: X0, lat: Y0, active: false }])).toHaveLength(4);
    expect(suggestCheckpoints(crossings, [{ lng: X0, lat: Y0, active: true }])).toHaveLength(3);
    expect(suggestCheckpoints(crossings, [])).toEqual(crossings);
    expect(suggestCheckpoints([], [{ lng: X0, lat: Y0 }])).toEqual([]);
  });
  it('passes the crossing fields through (and only those)', () => {
    const [first] = suggestCheckpoints([{ ...crossing(3, 9, 0, 'trunk'), extra: 1 } as ZoneCrossing], []);
    expect(first).toEqual({ zoneId: 3, zoneName: '封控区3', zoneKind: 'sealed', lng: X0, lat: Y0, roadId: 9, roadName: null, roadClass: 'trunk' });
  });
});

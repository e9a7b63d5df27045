// Checkpoints still to staff (issue 8 item 6): every place a road crosses a zone's boundary needs a
// 卡口 (domain/zones/road-crossings.ts; domain-rules.md §1.1 封控区 "区域封闭"); a crossing with an
// active checkpoint within `nearMeters` is manned, the rest are suggested. 50 m: a checkpoint is
// registered where the team stands, usually a few metres to tens of metres back from the line.
import type { CheckpointSuggestion } from './types.ts';
import type { RoadCrossing } from '../zones/road-crossings.ts';
import { localProjectionAt } from '../geometry/local-projection.ts';
import { withinRadius } from './radius-coverage.ts';

/** A crossing of one zone's boundary (the zone's fields + roadCrossings()'s answer). */
export type ZoneCrossing = Pick<CheckpointSuggestion, 'zoneId' | 'zoneName' | 'zoneKind'> & RoadCrossing;

/** A registered checkpoint; `active: false` (closed, stood down) does not man a crossing. */
export interface CheckpointAt { lng: number; lat: number; active?: boolean }

export const CHECKPOINT_NEAR_METERS = 50;

/** The crossings without an active checkpoint within nearMeters, in the given order. */
export function suggestCheckpoints(crossings: readonly ZoneCrossing[], checkpoints: readonly CheckpointAt[],
  nearMeters = CHECKPOINT_NEAR_METERS): CheckpointSuggestion[] {
  if (crossings.length === 0) return [];
  const active = checkpoints.filter((c) => c.active !== false);
  // Metres in a projection centred on the first crossing: a district is tens of km, well within
  // local-projection.ts's 0.1 % (a 50 m threshold moves by 5 cm).
  const p = localProjectionAt(crossings[0].lng, crossings[0].lat);
  const project = (list: readonly { lng: number; lat: number }[]) => {
    const xy = new Float64Array(list.length * 2);
    list.forEach((q, i) => {
      xy[2 * i] = (q.lng - p.originLng) * p.metersPerDegreeLng;
      xy[2 * i + 1] = (q.lat - p.originLat) * p.metersPerDegreeLat;
    });
    return xy;
  };
  const { nearest } = withinRadius(project(crossings), project(active), nearMeters);
  return crossings.filter((_, i) => nearest[i] < 0).map((c): CheckpointSuggestion => ({
    zoneId: c.zoneId, zoneName: c.zoneName, zoneKind: c.zoneKind,
    lng: c.lng, lat: c.lat, roadId: c.roadId, roadName: c.roadName, roadClass: c.roadClass,
  }));
}

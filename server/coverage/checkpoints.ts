// GET /coverage/checkpoints: where a road crosses the boundary of an active zone of the open
// incident (the impact index's road segments, domain/zones/road-crossings.ts — the same crossings
// the zone's impact panel lists) and no active checkpoint stands within 50 m.
import { suggestCheckpoints, type ZoneCrossing } from '../../domain/coverage/checkpoint-suggestions.ts';
import type { CheckpointSuggestionsOut } from '../../domain/coverage/types.ts';
import { bandPolygon } from '../../domain/zones/polygon-bands.ts';
import { roadCrossings } from '../../domain/zones/road-crossings.ts';
import type { Db } from '../db/database.ts';
import { impactIndexOf } from '../db/impact-source.ts';
import { incidentZones } from './zones.ts';

export async function checkpointsOut(db: Db, nowIso: string): Promise<CheckpointSuggestionsOut> {
  const zones = await incidentZones(db, nowIso);
  if (!zones.active.length) return { suggestions: [], covered: 0 };
  const [index, checkpoints] = await Promise.all([impactIndexOf(db),
    db.kysely.selectFrom('checkpoints').select(['min_lng', 'min_lat']).where('status', '=', 'active').where('valid_from', '<=', nowIso)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', nowIso)])).execute()]);
  const crossings: ZoneCrossing[] = zones.active.flatMap((z) => roadCrossings(index, bandPolygon(z.geometry))
    .map((c) => ({ zoneId: z.zoneId, zoneName: z.name, zoneKind: z.kind, ...c })));
  const suggestions = suggestCheckpoints(crossings, checkpoints.map((c) => ({ lng: c.min_lng, lat: c.min_lat })));
  return { suggestions, covered: crossings.length - suggestions.length };
}

// Reads both wall routes share: the open incident with its profile's zone kinds, its cases (with
// the time each left care, correlated lookups on loop_steps_person per case), the loop steps
// that open and close a quarantine (with the site of the step's room), and its active zone
// versions. Only ids, dates, categories, statuses and points are selected: no personal column
// (name, ID number, phone, address) and no note ever leaves the database here.
import { sql } from 'kysely';
import { CASE_CATEGORIES } from '../../domain/layers.ts';
import type { LoopStepName } from '../../domain/loop/types.ts';
import type { CaseRecord } from '../../domain/wall/cases.ts';
import type { PlaybackInput, ZoneVersionRow } from '../../domain/wall/playback.ts';
import type { QuarantineStep } from '../../domain/wall/quarantine.ts';
import type { ProfileKinds } from '../../domain/wall/zones.ts';
import type { Db } from './database.ts';
import { getIncident, getProfile } from './profiles.ts';
import { openIncidentId } from './records.ts';

export interface WallIncident { id: number; name: string; startedAt: string }

/** The open incident (records.ts openIncidentId) and its profile's zone kinds, or nulls. */
export async function wallContext(db: Db): Promise<{ incident: WallIncident | null; profile: ProfileKinds | null }> {
  const id = await openIncidentId(db);
  const inc = id === undefined ? undefined : await getIncident(db, id);
  if (!inc) return { incident: null, profile: null };
  const p = inc.profileId === null ? undefined : await getProfile(db, inc.profileId);
  return { incident: { id: inc.id, name: inc.name, startedAt: inc.startedAt }, profile: p ? { kinds: p.summary.zoneKinds, styles: p.summary.zones } : null };
}

export async function wallCases(db: Db, incidentId: number): Promise<CaseRecord[]> {
  const rows = await db.kysely.selectFrom('persons as p')
    .select(['p.id', 'p.category', 'p.onset_date', 'p.report_date', 'p.valid_from', 'p.valid_to', 'p.status', 'p.updated_at', 'p.min_lng', 'p.min_lat',
      // Left care: the first release (discharge) or closing after the last transfer (to hospital): a contact
      // released from central quarantine who tested positive at home later has an older release that is not one.
      sql<string | null>`(select min(s.done_at) from loop_steps s where s.person_id = p.id and s.step in ('released', 'closed') and s.done_at is not null
        and s.seq > coalesce((select max(t.seq) from loop_steps t where t.person_id = p.id and t.step = 'transferred' and t.cancelled_at is null), 0))`.as('left_at')])
    .where('p.incident_id', '=', incidentId).where('p.category', 'in', CASE_CATEGORIES).orderBy('p.id').execute();
  return rows.map((r) => ({ id: r.id, category: r.category, onsetDate: r.onset_date, reportDate: r.report_date, identifiedAt: r.valid_from,
    endedAt: r.valid_to, status: r.status, updatedAt: r.updated_at, leftAt: r.left_at, point: [r.min_lng, r.min_lat] }));
}

const INTERVAL_STEPS: LoopStepName[] = ['notified', 'transferred', 'quarantined', 'released', 'homeMonitoring', 'closed'];

/** The steps domain/wall/quarantine.ts derives intervals from. `openOnly` (the count at now):
 * only persons whose status is still 'active' — the release or closing that sets another status
 * (loop-complete.ts) is a step that ends every interval begun before it, so nobody else can be
 * in quarantine now; it halves the rows on the demo. */
export async function quarantineSteps(db: Db, incidentId: number, openOnly = false): Promise<QuarantineStep[]> {
  let q = db.kysely.selectFrom('loop_steps as s').innerJoin('persons as p', 'p.id', 's.person_id')
    .leftJoin('quarantine_rooms as r', 'r.id', 's.room_id').leftJoin('quarantine_sites as q', 'q.id', 'r.site_id')
    .select(['s.id', 's.person_id', 'p.category', 's.step', 's.seq', 's.done_at', 's.cancelled_at', 'p.min_lng', 'p.min_lat',
      'q.min_lng as site_lng', 'q.min_lat as site_lat'])
    .where('p.incident_id', '=', incidentId).where('s.step', 'in', INTERVAL_STEPS);
  if (openOnly) q = q.where('p.status', '=', 'active');
  const rows = await q.execute();
  return rows.map((r) => ({ personId: r.person_id, category: r.category, id: r.id, step: r.step, seq: r.seq, doneAt: r.done_at, cancelledAt: r.cancelled_at,
    site: r.site_lng === null || r.site_lat === null ? null : [r.site_lng, r.site_lat], home: [r.min_lng, r.min_lat] }));
}

/** Versions in force ('downgraded' is the seed's word for an active version stepped down). */
export const IN_FORCE = ['active', 'downgraded'] as const;

export async function activeZoneVersions(db: Db, incidentId: number): Promise<ZoneVersionRow[]> {
  const rows = await db.kysely.selectFrom('control_zone_versions as v').innerJoin('control_zones as z', 'z.id', 'v.zone_id')
    .select(['v.id', 'v.zone_id', 'v.kind', 'v.valid_from', 'v.valid_to', 'v.geometry'])
    .where('z.incident_id', '=', incidentId).where('v.status', 'in', [...IN_FORCE]).orderBy('v.valid_from').orderBy('v.id').execute();
  return rows.map((r) => ({ id: r.id, zoneId: r.zone_id, kind: r.kind, from: r.valid_from, to: r.valid_to, geometry: JSON.parse(r.geometry) as ZoneVersionRow['geometry'] }));
}

/** Everything domain/wall/playback.ts needs. */
export async function playbackInput(db: Db): Promise<PlaybackInput> {
  const { incident, profile } = await wallContext(db);
  if (!incident) return { incident, profile, zones: [], cases: [], quarantineSteps: [] };
  const [zones, cases, steps] = await Promise.all([activeZoneVersions(db, incident.id), wallCases(db, incident.id), quarantineSteps(db, incident.id)]);
  return { incident, profile, zones, cases, quarantineSteps: steps };
}

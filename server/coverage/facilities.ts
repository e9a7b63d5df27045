// The facilities a resident must reach (issue 8 item 2) and the candidate sites of a new one
// (item 4), read per request: sites open, close and move all day. A facility counts when its
// record is current at `now` (valid_from ≤ now < valid_to) and its status is 'active' — a
// standby site serves nobody yet.
import type { FacilityType } from '../../domain/coverage/types.ts';
import type { Db } from '../db/database.ts';

export interface Facility { id: number; name: string; lng: number; lat: number }
export interface Candidate extends Facility { kind: string; bbox: [number, number, number, number] }

/** Place kinds that can host a new site (issue 8 item 4: public buildings, squares, schools), and
 * the village clinics and community health stations (村卫生室, 社区卫生服务站): where the
 * countryside's sampling was set up in 2022, and where the demo's uncovered residents live —
 * with the first three alone, 4 of the 56 candidates add anyone to the 184 sites' 15-minute walk. */
export const CANDIDATE_KINDS = ['publicBuilding', 'square', 'school', 'clinic'] as const;

type CurrentTable = 'testing_sites' | 'quarantine_sites' | 'resources';

async function currentPoints(db: Db, table: CurrentTable, now: string, kind?: 'feverClinic' | 'supplyDepot'): Promise<Facility[]> {
  // One table at a time keeps Kysely's column types; the three share these columns.
  let q = db.kysely.selectFrom(table as 'testing_sites').select(['id', 'name', 'min_lng', 'min_lat'])
    .where('status', '=', 'active').where('valid_from', '<=', now)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', now)]));
  if (kind) q = q.where('kind' as never, '=', kind as never);
  const rows = await q.orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, lng: r.min_lng, lat: r.min_lat }));
}

export function facilitiesOf(db: Db, type: FacilityType, now: string): Promise<Facility[]> {
  switch (type) {
    case 'testingSites': return currentPoints(db, 'testing_sites', now);
    case 'quarantineSites': return currentPoints(db, 'quarantine_sites', now);
    case 'feverClinics': return currentPoints(db, 'resources', now, 'feverClinic');
    case 'supplyPoints': return currentPoints(db, 'resources', now, 'supplyDepot');
  }
}

/** Active testing sites with their hourly throughput (capacity rows). */
export async function testingThroughput(db: Db, now: string): Promise<(Facility & { perHour: number })[]> {
  const rows = await db.kysely.selectFrom('testing_sites').select(['id', 'name', 'min_lng', 'min_lat', 'capacity_per_hour'])
    .where('status', '=', 'active').where('valid_from', '<=', now)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', now)])).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, lng: r.min_lng, lat: r.min_lat, perHour: Number(r.capacity_per_hour) }));
}

/** Active quarantine sites with their rooms: present (every room) and free (no occupant). */
export async function quarantineRoomCounts(db: Db, now: string): Promise<(Facility & { rooms: number; free: number })[]> {
  const sites = await currentPoints(db, 'quarantine_sites', now);
  if (!sites.length) return [];
  const rows = await db.kysely.selectFrom('quarantine_rooms').select(['site_id', (eb) => eb.fn.countAll().as('rooms'),
    (eb) => eb.fn.count('occupant_person_id').as('occupied')])
    .where('site_id', 'in', sites.map((s) => s.id)).groupBy('site_id').execute();
  const by = new Map(rows.map((r) => [r.site_id, { rooms: Number(r.rooms), occupied: Number(r.occupied) }]));
  return sites.map((s) => { const c = by.get(s.id) ?? { rooms: 0, occupied: 0 }; return { ...s, rooms: c.rooms, free: c.rooms - c.occupied }; });
}

/** A facility closer than this to a candidate's centre (or inside its outline) makes it one already. */
const SAME_SITE_METERS = 50;
const METERS_PER_DEGREE = 111_320;

/** The candidate places (their bbox centre), without those that already are a facility of the type. */
export async function candidatesOf(db: Db, existing: readonly Facility[]): Promise<Candidate[]> {
  const rows = await db.kysely.selectFrom('places').select(['id', 'name', 'kind', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('kind', 'in', CANDIDATE_KINDS).orderBy('id').execute();
  const all = rows.map((r): Candidate => ({ id: r.id, name: r.name, kind: r.kind, lng: (r.min_lng + r.max_lng) / 2, lat: (r.min_lat + r.max_lat) / 2,
    bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat] }));
  return all.filter((c) => !existing.some((f) => {
    const inside = f.lng >= c.bbox[0] && f.lng <= c.bbox[2] && f.lat >= c.bbox[1] && f.lat <= c.bbox[3];
    const dx = (f.lng - c.lng) * METERS_PER_DEGREE * Math.cos((c.lat * Math.PI) / 180), dy = (f.lat - c.lat) * METERS_PER_DEGREE;
    return inside || Math.hypot(dx, dy) <= SAME_SITE_METERS;
  }));
}

// Reads behind GET /rooms/occupancy, /rooms/forecast and POST /rooms/allocate: every room with its
// site and its occupant's group, the release dates of the people housed, and the people a request
// names. Occupancy is `quarantine_rooms.occupant_person_id` (see rooms.ts), nothing else.
import { roomGroup, type RoomGroup } from '../../domain/quarantine/groups.ts';
import type { PersonCategory } from '../../domain/layers.ts';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import type { Db } from './database.ts';

export interface RoomDetail {
  id: number; siteId: number; siteName: string; siteStatus: 'active' | 'standby' | 'closed'; block: string; floor: number; roomNo: string;
  kind: 'single' | 'multi' | 'accessible'; capacity: number; occupantId: number | null; carerId: number | null; group: RoomGroup | null;
}

export interface SiteSummary { id: number; name: string; status: 'active' | 'standby' | 'closed' }

/** Every site by id (with no rooms too); one whose record has ended (valid_to set) counts as closed. */
export async function siteSummaries(db: Db): Promise<SiteSummary[]> {
  const rows = await db.kysely.selectFrom('quarantine_sites').select(['id', 'name', 'status', 'valid_to']).orderBy('id').execute();
  return rows.map((s) => ({ id: s.id, name: s.name, status: s.valid_to === null ? s.status : 'closed' }));
}

/** Every room of every site, by site then block, floor and room number. */
export async function roomDetails(db: Db, roomIds?: number[]): Promise<RoomDetail[]> {
  let q = db.kysely.selectFrom('quarantine_rooms as r').innerJoin('quarantine_sites as s', 's.id', 'r.site_id')
    .leftJoin('persons as p', 'p.id', 'r.occupant_person_id')
    .select(['r.id', 'r.site_id', 's.name', 's.status', 's.valid_to', 'r.block', 'r.floor', 'r.room_no', 'r.kind', 'r.capacity',
      'r.occupant_person_id', 'r.carer_person_id', 'p.category']);
  if (roomIds) q = q.where('r.id', 'in', roomIds.length ? roomIds : [-1]);
  const rows = await q.orderBy('r.site_id').orderBy('r.block').orderBy('r.floor').orderBy('r.room_no').orderBy('r.id').execute();
  return rows.map((r) => ({
    id: r.id, siteId: r.site_id, siteName: r.name, siteStatus: r.valid_to === null ? r.status : 'closed', block: r.block, floor: r.floor,
    roomNo: r.room_no, kind: r.kind, capacity: r.capacity, occupantId: r.occupant_person_id, carerId: r.carer_person_id,
    group: r.category ? roomGroup(r.category) : null,
  }));
}

/** The Asia/Shanghai date each person is due for release: their last 'released' step that is not
 * cancelled (its done date when done — a room still held after release is freed at once). */
export async function releaseDates(db: Db, personIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (personIds.length === 0) return out;
  const rows = await db.kysely.selectFrom('loop_steps').select(['person_id', 'due_at', 'done_at'])
    .where('step', '=', 'released').where('cancelled_at', 'is', null).where('person_id', 'in', personIds)
    .orderBy('person_id').orderBy('seq').execute();
  for (const r of rows) out.set(r.person_id, shanghaiDate(r.done_at ?? r.due_at)); // the last by seq wins
  return out;
}

export interface Candidate { id: number; incidentId: number; category: PersonCategory; status: string; home: [number, number]; roomId: number | null; caresIn: number | null }

/** The people an allocation names, with their home point and any room they hold or care in. */
export async function candidates(db: Db, ids: number[]): Promise<Map<number, Candidate>> {
  if (ids.length === 0) return new Map();
  const rows = await db.kysely.selectFrom('persons as p')
    .select(['p.id', 'p.incident_id', 'p.category', 'p.status', 'p.min_lng', 'p.min_lat',
      (eb) => eb.selectFrom('quarantine_rooms as r').select('r.id').whereRef('r.occupant_person_id', '=', 'p.id').limit(1).as('room_id'),
      (eb) => eb.selectFrom('quarantine_rooms as r').select('r.id').whereRef('r.carer_person_id', '=', 'p.id').limit(1).as('cares_in')])
    .where('p.id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, { id: r.id, incidentId: r.incident_id, category: r.category, status: r.status,
    home: [r.min_lng, r.min_lat] as [number, number], roomId: r.room_id ?? null, caresIn: r.cares_in ?? null }]));
}

// Quarantine room occupancy. `quarantine_rooms.occupant_person_id` is the one source of truth for
// who holds a room (the quarantine-sites layer counts it for rooms_occupied, GET /rooms/occupancy
// and the allocator read it), so every move goes through `assignRoom` and `freeRoomOf`, inside the
// caller's transaction. The person's loop records the room on its open 'quarantined' step.
import { blockGroups, roomGroup, roomRefusal, type RoomState, type SiteState } from '../../domain/quarantine/groups.ts';
import type { PersonCategory } from '../../domain/layers.ts';
import { ApiError } from '../errors.ts';
import type { Db } from './database.ts';

const roomRows = (db: Db) => db.kysely.selectFrom('quarantine_rooms as r')
  .leftJoin('persons as p', 'p.id', 'r.occupant_person_id')
  .select(['r.id', 'r.site_id', 'r.block', 'r.kind', 'r.capacity', 'r.occupant_person_id', 'r.carer_person_id', 'p.category']);

type RoomRow = Awaited<ReturnType<ReturnType<typeof roomRows>['execute']>>[number];

const toRoomState = (r: RoomRow): RoomState => ({
  id: r.id, siteId: r.site_id, block: r.block, kind: r.kind, capacity: r.capacity, occupantId: r.occupant_person_id,
  occupantGroup: r.category ? roomGroup(r.category) : null, carerId: r.carer_person_id,
});

/** Every room with its occupant's group (by room id); `siteId` narrows to one site. */
export async function roomStates(db: Db, siteId?: number): Promise<RoomState[]> {
  let q = roomRows(db);
  if (siteId !== undefined) q = q.where('r.site_id', '=', siteId);
  return (await q.orderBy('r.id').execute()).map(toRoomState);
}

/** Every site with its point; a site whose record has ended (valid_to set) counts as closed. */
export async function siteStates(db: Db): Promise<SiteState[]> {
  const rows = await db.kysely.selectFrom('quarantine_sites').select(['id', 'status', 'min_lng', 'min_lat', 'valid_to']).orderBy('id').execute();
  return rows.map((s) => ({ id: s.id, point: [s.min_lng, s.min_lat], status: s.valid_to === null ? s.status : 'closed' }));
}

/** The id of the room a person occupies (not one they share as a carer), or null. Internal: a
 * person's room as the API shows it is people-detail.ts `roomOf` (review L6). */
async function occupiedRoomId(db: Db, personId: number): Promise<number | null> {
  const r = await db.kysely.selectFrom('quarantine_rooms').select('id').where('occupant_person_id', '=', personId).executeTakeFirst();
  return r?.id ?? null;
}

/** Empties the room `personId` occupies (with its carer) and takes them off any room they care
 * in; answers the room freed, or null. The loop keeps the room on its step as history. */
export async function freeRoomOf(tx: Db, personId: number): Promise<number | null> {
  const held = await occupiedRoomId(tx, personId);
  if (held !== null) await tx.kysely.updateTable('quarantine_rooms').set({ occupant_person_id: null, carer_person_id: null }).where('id', '=', held).execute();
  await tx.kysely.updateTable('quarantine_rooms').set({ carer_person_id: null }).where('carer_person_id', '=', personId).execute();
  return held;
}

/** One answer for every carer refusal: it names no room and no person, so a field member cannot
 * probe who lives where, or who exists, in another team's area (review H2). */
export const CARER_REFUSED = 'carerId: not a person who can share this room (same incident and group, active, not housed, in scope)';

/** A carer shares the occupant's room, so the same rules as housing them apply (allocate checks
 * the same in its requests): a person of the same incident and room group (domain/quarantine/
 * groups.ts), active, housed nowhere, not the person; under scope `own` inside the team's areas. */
async function carerFits(tx: Db, carerId: number, of: { personId: number; incidentId: number; category: PersonCategory }, teamId?: number): Promise<boolean> {
  if (carerId === of.personId) return false;
  let q = tx.kysely.selectFrom('persons').select(['incident_id', 'category', 'status']).where('id', '=', carerId);
  if (teamId !== undefined) q = q.where(tx.inTeamAreas('persons', teamId, 'point'));
  const carer = await q.executeTakeFirst();
  if (!carer || carer.incident_id !== of.incidentId || carer.status !== 'active' || roomGroup(carer.category) !== roomGroup(of.category)) return false;
  const housed = await tx.kysely.selectFrom('quarantine_rooms').select('id')
    .where((eb) => eb.or([eb('occupant_person_id', '=', carerId), eb('carer_person_id', '=', carerId)])).executeTakeFirst();
  return !housed;
}

/** Puts `personId` (and a carer) in `roomId`, inside the caller's transaction. Already there: a
 * no-op. Holding another room: moved (that room is freed). Refused with 409 room_taken when the
 * room is not free, its site is not active, a carer would share a room for one, or its block holds
 * another group (domain/quarantine/groups.ts); 422 unknown_reference for a missing room or person;
 * 400 validation_failed (CARER_REFUSED) for a carer who may not share it (`carerTeamId`: scope own). Sets the room on the person's
 * first open (not done, not cancelled) 'quarantined' step. The update is conditional on the room
 * being free, so two writers can never both win the same room; and assignments queue on the
 * audit-chain lock (which the caller's audit entry takes in this transaction anyway), so two
 * PostgreSQL transactions cannot both read a block as empty and fill it with different groups. */
export async function assignRoom(tx: Db, a: { personId: number; roomId: number; carerId?: number | null; carerTeamId?: number }): Promise<{ roomId: number; siteId: number }> {
  await tx.lockAuditChain();
  const room = await tx.kysely.selectFrom('quarantine_rooms as r').innerJoin('quarantine_sites as s', 's.id', 'r.site_id')
    .select(['r.site_id', 'r.occupant_person_id', 's.status', 's.valid_to']).where('r.id', '=', a.roomId).executeTakeFirst();
  if (!room) throw new ApiError('unknown_reference', `room ${a.roomId}`);
  const person = await tx.kysely.selectFrom('persons').select(['category', 'incident_id']).where('id', '=', a.personId).executeTakeFirst();
  if (!person) throw new ApiError('unknown_reference', `person ${a.personId}`);
  if (room.occupant_person_id === a.personId) return { roomId: a.roomId, siteId: room.site_id };
  const carerId = a.carerId ?? null;
  if (carerId !== null && !(await carerFits(tx, carerId, { personId: a.personId, incidentId: person.incident_id, category: person.category }, a.carerTeamId))) {
    throw new ApiError('validation_failed', CARER_REFUSED);
  }
  if (room.status !== 'active' || room.valid_to !== null) throw new ApiError('room_taken', `site ${room.site_id} is not active`);
  await freeRoomOf(tx, a.personId);
  const rooms = await roomStates(tx, room.site_id);
  const refusal = roomRefusal(blockGroups(rooms), rooms.find((r) => r.id === a.roomId)!, roomGroup(person.category), carerId !== null);
  if (refusal) throw new ApiError('room_taken', refusal);
  const won = await tx.kysely.updateTable('quarantine_rooms').set({ occupant_person_id: a.personId, carer_person_id: carerId })
    .where('id', '=', a.roomId).where('occupant_person_id', 'is', null).where('carer_person_id', 'is', null).executeTakeFirst();
  if (Number(won.numUpdatedRows) !== 1) throw new ApiError('room_taken', `room ${a.roomId} is occupied`);
  const step = await tx.kysely.selectFrom('loop_steps').select('id').where('person_id', '=', a.personId).where('step', '=', 'quarantined')
    .where('done_at', 'is', null).where('cancelled_at', 'is', null).orderBy('seq').limit(1).executeTakeFirst();
  if (step) await tx.kysely.updateTable('loop_steps').set({ room_id: a.roomId }).where('id', '=', step.id).execute();
  return { roomId: a.roomId, siteId: room.site_id };
}

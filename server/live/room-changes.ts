// Changes to quarantine room occupancy: the rooms (GET /rooms/occupancy, the allocator's view)
// and their sites, whose layer shows rooms occupied and the occupancy ratio — so a site change
// goes to the teams whose area holds the site's point. Take `roomsHeld` before and after a write
// and emit the rooms whose holder changed (a move frees one room and fills another).
import type { Db } from '../db/database.ts';
import type { Change } from './emit.ts';
import { teamsAtPoints } from './event-teams.ts';
import { personChanges } from './person-changes.ts';

/** Rooms these persons occupy or care in, sorted. */
export async function roomsHeld(tx: Db, personIds: readonly number[]): Promise<number[]> {
  const ids = [...new Set(personIds)];
  if (!ids.length) return [];
  const rows = await tx.kysely.selectFrom('quarantine_rooms').select('id')
    .where((eb) => eb.or([eb('occupant_person_id', 'in', ids), eb('carer_person_id', 'in', ids)])).orderBy('id').execute();
  return rows.map((r) => r.id);
}

/** The rooms in `before` or `after` but not both, plus `touched` (rooms written for sure). */
export function roomsMoved(before: readonly number[], after: readonly number[], touched: readonly number[] = []): number[] {
  const a = new Set(before), b = new Set(after);
  return [...new Set([...before.filter((r) => !b.has(r)), ...after.filter((r) => !a.has(r)), ...touched])];
}

/** 'rooms' for these rooms and 'quarantineSites' for their sites (with the sites' area teams). */
export async function roomChanges(tx: Db, roomIds: readonly number[]): Promise<Change[]> {
  if (!roomIds.length) return [];
  const rows = await tx.kysely.selectFrom('quarantine_rooms as r').innerJoin('quarantine_sites as s', 's.id', 'r.site_id')
    .select(['r.site_id', 's.min_lng', 's.min_lat']).where('r.id', 'in', [...roomIds]).execute();
  const sites = new Map(rows.map((r) => [r.site_id, [r.min_lng, r.min_lat] as const]));
  return [
    { resource: 'rooms', ids: roomIds },
    { resource: 'quarantineSites', ids: [...sites.keys()], teams: await teamsAtPoints(tx, [...sites.values()]) },
  ];
}

/** A committed allocation: its rooms and sites, and the loops of the people whose open
 * 'quarantined' step now names their room (assignRoom writes it there). */
export async function allocationChanges(tx: Db, assignments: readonly { personId: number; roomId: number }[]): Promise<Change[]> {
  if (!assignments.length) return [];
  const stepped = await tx.kysely.selectFrom('loop_steps').select('person_id').distinct()
    .where('person_id', 'in', assignments.map((a) => a.personId)).where('step', '=', 'quarantined')
    .where('done_at', 'is', null).where('cancelled_at', 'is', null).where('room_id', 'is not', null).execute();
  return [...await roomChanges(tx, assignments.map((a) => a.roomId)), ...await personChanges(tx, stepped.map((s) => s.person_id), ['loops'])];
}

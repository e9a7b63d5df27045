// What completing a loop step changed (routes/loop-complete.ts): the person's loop always; the
// person's registry and layer when their category or status moved (a positive NAT turns a
// contact into a case: both resources); the rooms and sites whose occupant changed; and the
// dashboard's alerts when one was raised or resolved. Call after the writes, in the transaction.
import type { Resource } from '../../domain/auth/policy.ts';
import type { Db } from '../db/database.ts';
import type { Change } from './emit.ts';
import { personChanges, personResources } from './person-changes.ts';
import { roomChanges, roomsHeld, roomsMoved } from './room-changes.ts';

type PersonState = { category: string; status: string };

export async function loopChanges(tx: Db, personId: number,
  f: { before: PersonState; after: PersonState; roomsBefore: readonly number[]; alerts: number }): Promise<Change[]> {
  const moved = f.before.category !== f.after.category || f.before.status !== f.after.status;
  const resources: Resource[] = ['loops', ...(moved ? personResources([f.before.category, f.after.category]) : [])];
  const out = await personChanges(tx, [personId], resources);
  out.push(...await roomChanges(tx, roomsMoved(f.roomsBefore, await roomsHeld(tx, [personId]))));
  if (f.alerts > 0) out.push({ resource: 'dashboard' });
  return out;
}

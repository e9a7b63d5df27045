// Room allocation over time, by the product's own rules (domain/quarantine/groups.ts, allocate.ts;
// domain-rules.md §1.7): the demo's history is what the live allocator would have done. Events
// are replayed in time order (a release before a booking at the same instant). A contact is given
// a room when their transfer is booked (transferScheduled done; the room is held from then, as
// the live allocator assigns it to the planned check-in) and frees it when released. Each booking
// asks domain allocateRooms for one person: the nearest active site (from home) with a legal free
// room — one person per room, and in a multi-block site a block holding one group takes no other
// — so standby and closed sites receive nobody. A contact for whom no active site has a legal room
// is not placed: the transfer is called off at that instant and they are isolated at home
// (scenario.ts cancels their transfer steps). Cases go to the designated hospital, not to rooms.
import { allocateRooms as allocate } from '../../domain/quarantine/allocate.ts';
import { roomGroup, type RoomState, type SiteState } from '../../domain/quarantine/groups.ts';
import type { RoomDraft } from '../facilities/quarantine.ts';
import type { StepDraft } from './loops.ts';
import type { PersonDraft } from './persons.ts';

export interface RoomAllocation {
  /** Room index (into `rooms`) each person was given, or -1. */
  roomOf: Int32Array;
  /** Person index holding each room at the end of the replay (the scenario's "now"), or -1. */
  occupant: Int32Array;
  /** When a contact's booking found no legal room (they stay home), else NaN. */
  unplacedAt: Float64Array;
}

const doneAt = (steps: StepDraft[], name: StepDraft['step']) => steps.find((s) => s.step === name)?.done ?? null;

/** `homeOf(i)`: person i's home as [lng, lat] (the distance to a site is great-circle, as live). */
export function allocateRooms(sites: SiteState[], rooms: RoomDraft[], persons: PersonDraft[], steps: StepDraft[][],
  homeOf: (i: number) => [number, number]): RoomAllocation {
  const roomOf = new Int32Array(persons.length).fill(-1), occupant = new Int32Array(rooms.length).fill(-1);
  const unplacedAt = new Float64Array(persons.length).fill(NaN);
  // room k has id k, person i has id i: ids only break ties, and both orders are the row ids' orders
  const state: RoomState[] = rooms.map((r, k) => ({ id: k, siteId: r.site, block: r.block, kind: r.kind, capacity: r.capacity,
    occupantId: null, occupantGroup: null, carerId: null }));
  const events: { t: number; p: number; kind: 'in' | 'out' }[] = [];
  persons.forEach((p, i) => {
    if (p.caseDraft) return;
    const inAt = doneAt(steps[i], 'transferScheduled');
    if (inAt === null) return;
    events.push({ t: inAt, p: i, kind: 'in' });
    const out = doneAt(steps[i], 'released');
    if (out !== null) events.push({ t: out, p: i, kind: 'out' });
  });
  events.sort((a, b) => a.t - b.t || (a.kind === 'out' ? -1 : 1) - (b.kind === 'out' ? -1 : 1) || a.p - b.p);
  for (const e of events) {
    if (e.kind === 'out') {
      const k = roomOf[e.p];
      if (k >= 0) { occupant[k] = -1; state[k].occupantId = null; state[k].occupantGroup = null; }
      continue;
    }
    const { assignments } = allocate(sites, state, [{ personId: e.p, category: persons[e.p].category, home: homeOf(e.p) }]);
    if (!assignments.length) { unplacedAt[e.p] = e.t; continue; }
    const k = assignments[0].roomId;
    roomOf[e.p] = k; occupant[k] = e.p;
    state[k].occupantId = e.p; state[k].occupantGroup = roomGroup(persons[e.p].category);
  }
  return { roomOf, occupant, unplacedAt };
}

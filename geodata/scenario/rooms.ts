// Room allocation over time: contacts are given a room when their transfer is done and free it
// when released, close and secondary contacts in different blocks (A/B vs C, or A vs B for
// two-block sites). Rooms held at the scenario's "now" record their occupant.
import type { RoomDraft } from '../facilities/quarantine.ts';
import type { StepDraft } from './loops.ts';
import type { PersonDraft } from './persons.ts';

export function allocateRooms(rooms: RoomDraft[], persons: PersonDraft[], steps: StepDraft[][]) {
  const roomOf = new Int32Array(persons.length).fill(-1), occupant = new Int32Array(rooms.length).fill(-1);
  const hasC = new Set(rooms.filter((x) => x.block === 'C').map((x) => x.site));
  const secondary = rooms.map((room) => room.block === (hasC.has(room.site) ? 'C' : 'B'));
  const events: { t: number; p: number; kind: 'in' | 'out' }[] = [];
  persons.forEach((p, i) => {
    if (p.caseDraft) return;
    const inAt = steps[i].find((s) => s.step === 'transferred')?.done;
    if (inAt == null) return;
    events.push({ t: inAt, p: i, kind: 'in' });
    const out = steps[i].find((s) => s.step === 'released')?.done;
    if (out != null) events.push({ t: out, p: i, kind: 'out' });
  });
  events.sort((a, b) => a.t - b.t || (a.kind === 'out' ? -1 : 1) || a.p - b.p);
  const free = [rooms.map((_, k) => k).filter((k) => !secondary[k]), rooms.map((_, k) => k).filter((k) => secondary[k])];
  for (const e of events) {
    const group = persons[e.p].category === 'secondaryContact' ? 1 : 0;
    if (e.kind === 'out') {
      const k = roomOf[e.p];
      if (k >= 0) { occupant[k] = -1; free[secondary[k] ? 1 : 0].push(k); }
      continue;
    }
    const k = free[group].shift() ?? free[1 - group].shift();
    if (k === undefined) continue;
    roomOf[e.p] = k; occupant[k] = e.p;
  }
  return { roomOf, occupant };
}

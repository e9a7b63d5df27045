// Query functions for loop steps, with one row mapper to the domain's LoopStepState (what
// domain/loop machine.ts decides on) plus what the API shows beside it (note, team, who, when).
// Scope `own` for loops is the step's team (a field member completes their team's steps; another
// team's step reads as missing, 404, like tasks).
import type { LoopStepState, PersonCategory } from '../../domain/loop/types.ts';
import { addDays } from '../../domain/zones/calendar.ts';
import type { Db } from './database.ts';

/** Start of a Shanghai day as an ISO instant (UTC+8, no daylight saving since 1991). */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

export interface StepRow extends LoopStepState {
  personId: number; note: string | null; actor: string | null; teamName: string | null; escalatedAt: string | null;
}

const base = (db: Db) => db.kysely.selectFrom('loop_steps').leftJoin('teams', 'teams.id', 'loop_steps.team_id')
  .select(['loop_steps.id', 'loop_steps.person_id', 'loop_steps.step', 'loop_steps.seq', 'loop_steps.due_at', 'loop_steps.done_at',
    'loop_steps.cancelled_at', 'loop_steps.result', 'loop_steps.room_id', 'loop_steps.team_id', 'teams.name as team_name',
    'loop_steps.escalation_level', 'loop_steps.escalated_at', 'loop_steps.note', 'loop_steps.actor']);
type Row = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

const toStep = (r: Row): StepRow => ({
  id: r.id, personId: r.person_id, step: r.step, seq: r.seq, dueAt: r.due_at, doneAt: r.done_at, cancelledAt: r.cancelled_at,
  result: r.result, roomId: r.room_id, teamId: r.team_id, teamName: r.team_name, escalationLevel: Number(r.escalation_level),
  escalatedAt: r.escalated_at, note: r.note, actor: r.actor,
});

/** A person's loop in order (seq, then id). */
export async function loopSteps(db: Db, personId: number): Promise<StepRow[]> {
  return (await base(db).where('loop_steps.person_id', '=', personId).orderBy('loop_steps.seq').orderBy('loop_steps.id').execute()).map(toStep);
}

/** Several persons' loops at once, keyed by person id. */
export async function loopsOf(db: Db, personIds: number[]): Promise<Map<number, StepRow[]>> {
  const out = new Map<number, StepRow[]>(personIds.map((id) => [id, []]));
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await base(db).where('loop_steps.person_id', 'in', personIds.slice(i, i + 500)).orderBy('loop_steps.seq').orderBy('loop_steps.id').execute();
    for (const r of rows) out.get(r.person_id)!.push(toStep(r));
  }
  return out;
}

/** `teamId`: scope `own`, only a step that team answers for. */
export async function getStep(db: Db, id: number, teamId?: number): Promise<StepRow | undefined> {
  let q = base(db).where('loop_steps.id', '=', id);
  if (teamId !== undefined) q = q.where('loop_steps.team_id', '=', teamId);
  const r = await q.executeTakeFirst();
  return r && toStep(r);
}

/** Marks an open step done; false when it was no longer open (someone else got there first). */
export async function markDone(tx: Db, id: number, d: { at: string; actor: string; result: 'negative' | 'positive' | null; note: string | null }): Promise<boolean> {
  const set: { done_at: string; actor: string; result: 'negative' | 'positive' | null; note?: string } = { done_at: d.at, actor: d.actor, result: d.result };
  if (d.note) set.note = d.note;
  const r = await tx.kysely.updateTable('loop_steps').set(set).where('id', '=', id).where('done_at', 'is', null).where('cancelled_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function cancelSteps(tx: Db, ids: number[], at: string): Promise<void> {
  if (ids.length) await tx.kysely.updateTable('loop_steps').set({ cancelled_at: at }).where('id', 'in', ids).where('done_at', 'is', null).execute();
}

/** Loops for the KPIs of [from, to] (Shanghai days) in one incident: the persons identified from
 * the day before `from` to the day after `to` (a loop counts on its identification day, the
 * margin absorbs the step's time against the record's), and the persons with a step that was due
 * and still open at some point of the range (the overdue count). Not every loop of the district on
 * every call (review M6). `teamId` keeps the loops that team has a step in (a field member's KPIs
 * are their team's). Two queries: the persons, then their steps (same filter as a subquery). */
export async function kpiLoops(db: Db, f: { incidentId: number; from: string; to: string; teamId?: number }): Promise<{ category: PersonCategory; steps: LoopStepState[] }[]> {
  const start = dayStart(f.from), end = dayStart(addDays(f.to, 1));
  let persons = db.kysely.selectFrom('persons').where('persons.incident_id', '=', f.incidentId)
    .where((eb) => eb.or([
      eb.and([eb('persons.valid_from', '>=', dayStart(addDays(f.from, -1))), eb('persons.valid_from', '<', dayStart(addDays(f.to, 2)))]),
      eb('persons.id', 'in', eb.selectFrom('loop_steps as o').select('o.person_id').where('o.due_at', '<', end)
        .where((w) => w.or([w('o.done_at', 'is', null), w('o.done_at', '>', start)]))
        .where((w) => w.or([w('o.cancelled_at', 'is', null), w('o.cancelled_at', '>', start)]))),
    ]));
  if (f.teamId !== undefined) {
    const teamId = f.teamId;
    persons = persons.where((eb) => eb.exists(eb.selectFrom('loop_steps as s').select('s.id').whereRef('s.person_id', '=', 'persons.id').where('s.team_id', '=', teamId)));
  }
  const people = await persons.select(['persons.id', 'persons.category']).orderBy('persons.id').execute();
  const steps = new Map<number, StepRow[]>(people.map((p) => [p.id, []]));
  for (const r of await base(db).where('loop_steps.person_id', 'in', persons.select('persons.id')).orderBy('loop_steps.seq').orderBy('loop_steps.id').execute()) {
    steps.get(r.person_id)?.push(toStep(r));
  }
  return people.map((p) => ({ category: p.category, steps: steps.get(p.id) ?? [] }));
}

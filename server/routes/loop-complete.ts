// Completing a loop step, all in one transaction with its audit entry. domain/loop/machine.ts
// decides (409/422 with its reasons verbatim); this file applies the effects it names:
// - check-in (quarantined) with a room: the room is assigned (server/db/rooms.ts, which refuses a
//   taken room or one in another group's block) before the step is marked done;
// - leaving a room (released, or a transfer from a room): the room is freed;
// - a positive NAT: the person becomes a confirmed case, the rest of the contact plan is cancelled
//   and the case path appended (replanAfterPositive), and a red alert is raised;
// - released / closed: the person's status follows; the step's overdue alert is resolved.
// The live change events go with it (loop-changes.ts): loops always, the person's resources when
// their category or status moved, rooms and sites when a room was filled or freed, the dashboard
// when an alert was raised or resolved.
import type { Context } from 'hono';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { completeStep, replanAfterPositive } from '../../domain/loop/machine.ts';
import { isCase } from '../../domain/loop/types.ts';
import type { StepComplete } from '../../domain/schemas/loops.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { raiseAlert, resolveAlert } from '../db/alerts.ts';
import { overdueKey, POSITIVE_RULE } from '../db/loop-escalation.ts';
import { cancelSteps, getStep, loopSteps, markDone } from '../db/loops.ts';
import { incidentLoopContext, insertSteps, personPoint } from '../db/people.ts';
import { assignRoom, freeRoomOf } from '../db/rooms.ts';
import { ApiError } from '../errors.ts';
import { emitChanges } from '../live/emit.ts';
import { loopChanges } from '../live/loop-changes.ts';
import { roomsHeld } from '../live/room-changes.ts';
import { stepJson } from './loop-json.ts';

/** A completion time may run a few minutes ahead of the server clock (a phone's clock), no more. */
const CLOCK_SKEW_MS = 5 * 60_000;

type Deps = { db: Db; now: () => Date; trustProxy: boolean };

export async function completeLoopStep(deps: Deps, c: Context<AppEnv>, id: number, b: StepComplete) {
  const { db } = deps;
  const { viewer, ownTeam } = access(c);
  const found = await getStep(db, id, ownTeam ?? undefined);
  if (!found) throw new ApiError('not_found', `loop step ${id}`);
  const nowDate = deps.now();
  const now = nowDate.toISOString();
  const at = b.at === undefined ? now : new Date(b.at).toISOString();
  if (Date.parse(at) > nowDate.getTime() + CLOCK_SKEW_MS) throw new ApiError('validation_failed', 'at: lies in the future');
  const personId = found.personId;
  const effects = await db.transaction(async (tx) => {
    const steps = await loopSteps(tx, personId);
    const roomsBefore = await roomsHeld(tx, [personId]);
    const verdict = completeStep(steps, { stepId: id, at, result: b.result, roomId: b.roomId });
    if (!verdict.ok) throw new ApiError(verdict.reason, `loop step ${id}`);
    const step = steps.find((s) => s.id === id)!;
    // Steps happen in loop order, so a step cannot be done before the person was identified or
    // before their last completed step (review M7: such a time made KPI hours negative).
    const identified = await tx.kysely.selectFrom('persons').select('valid_from').where('id', '=', personId).executeTakeFirstOrThrow();
    const floor = Math.max(Date.parse(identified.valid_from), ...steps.flatMap((s) => (s.doneAt && s.id !== id ? [Date.parse(s.doneAt)] : [])));
    if (Date.parse(at) < floor) throw new ApiError('validation_failed', 'at: lies before the identification or the last completed step of this loop');
    const result = step.step === 'tested' ? (b.result ?? null) : null;
    if (step.step === 'quarantined' && b.roomId !== undefined) await assignRoom(tx, { personId, roomId: b.roomId, carerId: b.carerId, carerTeamId: ownTeam ?? undefined });
    if (!(await markDone(tx, id, { at, actor: viewer.username, result, note: b.note ? (step.note ? `${step.note}；${b.note}` : b.note) : null }))) throw new ApiError('loop_step_done', `loop step ${id}`);
    if (verdict.effects.freeRoom) await freeRoomOf(tx, personId);
    let cancelled = 0, added = 0, alerts = 0;
    const person = await tx.kysely.selectFrom('persons').select(['incident_id', 'category', 'status']).where('id', '=', personId).executeTakeFirstOrThrow();
    let status = person.status;
    if (step.step === 'released') status = 'released';
    if (verdict.effects.closed) status = 'closed';
    // A positive NAT of a contact or traveller makes a confirmed case with the case path; a
    // suspected case is confirmed and keeps the path it has; an asymptomatic carrier is positive already.
    if (verdict.effects.positive && person.category === 'suspected') {
      await tx.kysely.updateTable('persons').set({ category: 'confirmed', updated_at: now }).where('id', '=', personId).execute();
    }
    if (verdict.effects.positive && !isCase(person.category)) {
      const ctx = await incidentLoopContext(tx, person.incident_id);
      const after = steps.map((s) => (s.id === id ? { ...s, doneAt: at, result } : s));
      const plan = replanAfterPositive(after, at, ctx.sla);
      await cancelSteps(tx, plan.cancel, at);
      await insertSteps(tx, personId, (await personPoint(tx, personId))!, plan.add, null);
      [cancelled, added, status] = [plan.cancel.length, plan.add.length, 'active'];
      await tx.kysely.updateTable('persons').set({ category: 'confirmed', updated_at: now }).where('id', '=', personId).execute();
      for (const sid of plan.cancel) alerts += await resolveAlert(tx, overdueKey(sid), now, viewer.username);
      await raiseAlert(tx, { incidentId: person.incident_id, level: 'red', rule: POSITIVE_RULE, key: `${POSITIVE_RULE}:person:${personId}:step:${id}`, at: now,
        title: `核酸阳性：人员 #${personId} 转为确诊病例，闭环已重排`, detail: { personId, stepId: id, from: person.category, to: 'confirmed', cancelled, added } });
      alerts++;
    }
    if (status !== person.status) await tx.kysely.updateTable('persons').set({ status, updated_at: now }).where('id', '=', personId).execute();
    alerts += await resolveAlert(tx, overdueKey(id), now, viewer.username);
    const out = { ...verdict.effects, cancelled, added };
    await appendAudit(tx, { at: now, actor: viewer.username, action: 'loop.complete', entity: 'loop_steps', entityId: id, route: 'POST /loops/steps/{id}/complete',
      ip: clientIp(c, deps.trustProxy), before: { personId, step: step.step, seq: step.seq, dueAt: step.dueAt, roomId: step.roomId },
      after: { doneAt: at, result, roomId: b.roomId ?? step.roomId, note: b.note ?? null, effects: out } });
    const personNow = await tx.kysely.selectFrom('persons').select(['category', 'status']).where('id', '=', personId).executeTakeFirstOrThrow();
    await emitChanges(tx, now, await loopChanges(tx, personId, { before: person, after: personNow, roomsBefore, alerts }));
    return out;
  });
  const steps = await loopSteps(db, personId);
  const person = await db.kysely.selectFrom('persons').select(['id', 'category', 'status']).where('id', '=', personId).executeTakeFirstOrThrow();
  const personal = personalFieldsFor(viewer.role);
  return { step: stepJson(steps.find((s) => s.id === id)!, now, personal), steps: steps.map((s) => stepJson(s, now, personal)), person, effects };
}

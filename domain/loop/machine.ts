// The loop as a state machine. The state of a loop is its last completed step; a step can be
// completed only when it is the first open one of the person's plan (by seq) AND the move from the
// last completed step is an edge of LOOP_TRANSITIONS — the plan says what comes next for this
// person, the edges say what may ever come next for anybody (so a corrupted or hand-edited plan
// cannot skip the transfer or release someone before they were quarantined).
// Refusals are the server's error codes verbatim (server/errors.ts).
import { caseDrafts } from './plan-paths.ts';
import { sequence } from './plan.ts';
import { type LoopStepName, type LoopStepState, type PlannedStep, type SlaHours } from './types.ts';

export const LOOP_TRANSITIONS: Readonly<Record<'start' | LoopStepName, readonly LoopStepName[]>> = Object.freeze({
  start: ['identified'],
  identified: ['notified'],
  // secondary contacts in home isolation (ed.9) and at-risk travellers go straight to their NAT
  notified: ['transferScheduled', 'tested'],
  transferScheduled: ['transferred'],
  // contacts check into a room; cases are discharged from hospital (released); the demo's cases
  // have in-hospital NATs between (geodata/scenario/loops.ts)
  transferred: ['quarantined', 'tested', 'released'],
  // a central part without NAT days goes straight to release
  quarantined: ['tested', 'released'],
  // next NAT; end of the central part; end of a home part with NATs; after a positive result, the
  // case path (replanAfterPositive) starts with booking the transfer to hospital
  tested: ['tested', 'released', 'homeMonitoring', 'transferScheduled'],
  // NATs of the home part; home monitoring; a central-only rule (2021 secondary contacts) closes
  released: ['tested', 'homeMonitoring', 'closed'],
  homeMonitoring: ['closed'],
  closed: [],
});

export function isLegalTransition(from: 'start' | LoopStepName, to: LoopStepName): boolean {
  return LOOP_TRANSITIONS[from].includes(to);
}

export type CompleteRefusal = 'loop_step_not_next' | 'loop_step_done' | 'result_required' | 'room_required' | 'positive_result_open';
export interface CompleteInput { stepId: number; at: string; result?: 'negative' | 'positive'; roomId?: number }
export interface CompleteEffects {
  /** A NAT outside hospital came back positive: the server reclassifies the person as a case and
   * calls replanAfterPositive. False for a NAT in the designated hospital (a case still positive). */
  positive: boolean;
  /** The person leaves their quarantine room (released, or transferred to hospital from a room). */
  freeRoom: boolean;
  /** The loop is closed. */
  closed: boolean;
}
export type CompleteResult = { ok: true; effects: CompleteEffects } | { ok: false; reason: CompleteRefusal };

const isOpen = (s: LoopStepState): boolean => s.doneAt === null && s.cancelledAt === null;
const bySeq = (a: LoopStepState, b: LoopStepState): number => a.seq - b.seq || a.id - b.id;
/** Steps that let a person go: none of them while a positive result has not been acted on. */
const LETTING_GO: readonly LoopStepName[] = ['released', 'homeMonitoring', 'closed'];

/** The first open (neither done nor cancelled) step by seq, or null when the loop is finished. */
export function currentStep(steps: LoopStepState[]): LoopStepState | null {
  return [...steps].filter(isOpen).sort(bySeq)[0] ?? null;
}

function lastDoneBefore(steps: LoopStepState[], seq: number): LoopStepState | null {
  const done = steps.filter((s) => s.doneAt !== null && s.seq < seq).sort(bySeq);
  return done[done.length - 1] ?? null;
}

/** A NAT taken in the designated hospital: the last step before it that is not a NAT is the
 * transfer itself (the edge transferred → tested exists only for that; contacts check into a room
 * first). A positive there is a case still positive, not news. */
function inHospital(steps: LoopStepState[], seq: number): boolean {
  const before = steps.filter((s) => s.seq < seq && s.step !== 'tested' && s.cancelledAt === null).sort(bySeq);
  return before[before.length - 1]?.step === 'transferred';
}

/** A positive NAT outside hospital with no transfer (to hospital) done after it. */
export function positiveOpen(steps: LoopStepState[]): boolean {
  return steps.some((t) => t.step === 'tested' && t.doneAt !== null && t.result === 'positive' && !inHospital(steps, t.seq)
    && !steps.some((s) => s.step === 'transferred' && s.doneAt !== null && s.seq > t.seq));
}

/** The person checked into a room before `seq` and has not left it (released or transferred) since. */
function holdsRoom(steps: LoopStepState[], seq: number): boolean {
  const done = steps.filter((s) => s.doneAt !== null && s.seq < seq).sort(bySeq);
  const lastIn = done.findLastIndex((s) => s.step === 'quarantined');
  return lastIn >= 0 && !done.slice(lastIn + 1).some((s) => s.step === 'released' || s.step === 'transferred');
}

/**
 * Whether `input.stepId` may be completed now, and what completing it means. Pure: the caller
 * writes done_at/result/room_id and applies the effects. An id not in `steps` is not this
 * loop's next step (loop_step_not_next). `result` is read only for NAT steps, `roomId` only for
 * check-in (a room already assigned to the planned step by the allocator counts).
 */
export function completeStep(steps: LoopStepState[], input: CompleteInput): CompleteResult {
  const step = steps.find((s) => s.id === input.stepId);
  if (!step) return { ok: false, reason: 'loop_step_not_next' };
  if (!isOpen(step)) return { ok: false, reason: 'loop_step_done' };
  if (currentStep(steps)?.id !== step.id) return { ok: false, reason: 'loop_step_not_next' };
  if (!isLegalTransition(lastDoneBefore(steps, step.seq)?.step ?? 'start', step.step)) return { ok: false, reason: 'loop_step_not_next' };
  if (step.step === 'tested' && !input.result) return { ok: false, reason: 'result_required' };
  if (step.step === 'quarantined' && input.roomId == null && step.roomId == null) return { ok: false, reason: 'room_required' };
  if (LETTING_GO.includes(step.step) && positiveOpen(steps)) return { ok: false, reason: 'positive_result_open' };
  return {
    ok: true,
    effects: {
      positive: step.step === 'tested' && input.result === 'positive' && !inHospital(steps, step.seq),
      freeRoom: (step.step === 'released' || step.step === 'transferred') && holdsRoom(steps, step.seq),
      closed: step.step === 'closed',
    },
  };
}

/**
 * A contact (or traveller) who tested positive becomes a case: every open step of the old plan is
 * cancelled and the case path from booking the transfer to the designated hospital is appended,
 * its deadlines counted from `at` (the positive result) and its hospital day 1 = the Shanghai date
 * of `at`. Pass the effective SLA (effectiveSla(params, sla)) so the profile's transfer deadlines
 * apply here too. The person was already told their measures, so no new `notified` step.
 */
export function replanAfterPositive(steps: LoopStepState[], at: string, sla: SlaHours): { cancel: number[]; add: PlannedStep[] } {
  const cancel = steps.filter(isOpen).sort(bySeq).map((s) => s.id);
  const lastSeq = steps.reduce((m, s) => Math.max(m, s.seq), 0);
  const drafts = caseDrafts(at, sla).filter((d) => d.step !== 'identified' && d.step !== 'notified');
  return { cancel, add: sequence(drafts, lastSeq + 1, at) };
}

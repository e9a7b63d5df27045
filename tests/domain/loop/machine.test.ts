// The loop state machine: every legal edge, every illegal pair, and every reason a completion is
// refused (the server's error codes verbatim).
import { describe, expect, it } from 'vitest';
import { completeStep, currentStep, isLegalTransition, LOOP_TRANSITIONS } from '../../../domain/loop/machine.ts';
import { LOOP_STEPS, type LoopStepName, type LoopStepState } from '../../../domain/loop/types.ts';
import { okInput, row } from './loop-fixtures.ts';

const AT = '2022-07-02T02:00:00.000Z';
const FROM: readonly ('start' | LoopStepName)[] = ['start', ...LOOP_STEPS];

/** A two-step loop: `from` done (or nothing done for 'start'), `to` open. */
function pair(from: 'start' | LoopStepName, to: LoopStepName): LoopStepState[] {
  const open = row(2, to);
  if (from === 'start') return [open];
  return [row(1, from, { doneAt: AT, result: from === 'tested' ? 'negative' : null, roomId: from === 'quarantined' ? 7 : null }), open];
}

describe('LOOP_TRANSITIONS', () => {
  it('lists exactly these edges (the paths of cases, close and secondary contacts, travellers, and the replan)', () => {
    expect(LOOP_TRANSITIONS).toEqual({
      start: ['identified'], identified: ['notified'], notified: ['transferScheduled', 'tested'],
      transferScheduled: ['transferred'], transferred: ['quarantined', 'tested', 'released'],
      quarantined: ['tested', 'released'], tested: ['tested', 'released', 'homeMonitoring', 'transferScheduled'],
      released: ['tested', 'homeMonitoring', 'closed'], homeMonitoring: ['closed'], closed: [],
    });
  });
  it('nothing follows closed and nothing leads back to identified', () => {
    expect(LOOP_TRANSITIONS.closed).toEqual([]);
    expect(FROM.filter((f) => isLegalTransition(f, 'identified'))).toEqual(['start']);
  });

  const legal = FROM.flatMap((from) => LOOP_TRANSITIONS[from].map((to) => [from, to] as const));
  const illegal = FROM.flatMap((from) => LOOP_STEPS.filter((to) => !LOOP_TRANSITIONS[from].includes(to)).map((to) => [from, to] as const));
  it('the matrix covers every pair once', () => {
    expect(legal.length + illegal.length).toBe(FROM.length * LOOP_STEPS.length);
    expect(legal).toHaveLength(18);
    expect(illegal).toHaveLength(10 * 9 - 18);
  });
  it.each(legal)('legal: %s → %s completes', (from, to) => {
    const steps = pair(from, to);
    expect(completeStep(steps, okInput(steps.at(-1)!, AT))).toMatchObject({ ok: true });
  });
  it.each(illegal)('illegal: %s → %s is refused as loop_step_not_next', (from, to) => {
    const steps = pair(from, to);
    expect(completeStep(steps, okInput(steps.at(-1)!, AT))).toEqual({ ok: false, reason: 'loop_step_not_next' });
  });
});

describe('currentStep', () => {
  it('is the first step by seq that is neither done nor cancelled', () => {
    const steps = [row(3, 'transferScheduled'), row(1, 'identified', { doneAt: AT }), row(2, 'notified', { cancelledAt: AT })];
    expect(currentStep(steps)?.id).toBe(3);
    expect(currentStep([row(1, 'closed', { doneAt: AT })])).toBe(null);
  });
});

describe('completeStep refusals', () => {
  const loop = (): LoopStepState[] => [row(1, 'identified', { doneAt: AT }), row(2, 'notified'), row(3, 'transferScheduled')];
  it('a step that is not the next one: loop_step_not_next', () => {
    expect(completeStep(loop(), { stepId: 3, at: AT })).toEqual({ ok: false, reason: 'loop_step_not_next' });
    expect(completeStep(loop(), { stepId: 999, at: AT })).toEqual({ ok: false, reason: 'loop_step_not_next' });
  });
  it('a step already done, or cancelled: loop_step_done', () => {
    expect(completeStep(loop(), { stepId: 1, at: AT })).toEqual({ ok: false, reason: 'loop_step_done' });
    const cancelled = [...loop().slice(0, 2), row(3, 'transferScheduled', { cancelledAt: AT })];
    expect(completeStep(cancelled, { stepId: 3, at: AT })).toEqual({ ok: false, reason: 'loop_step_done' });
  });
  it('a NAT without its result: result_required', () => {
    const steps = [row(1, 'notified', { doneAt: AT }), row(2, 'tested')];
    expect(completeStep(steps, { stepId: 2, at: AT })).toEqual({ ok: false, reason: 'result_required' });
    expect(completeStep(steps, { stepId: 2, at: AT, result: 'negative' })).toMatchObject({ ok: true });
  });
  it('a check-in without a room: room_required; a room the allocator already put on the step counts', () => {
    const steps = [row(1, 'transferred', { doneAt: AT }), row(2, 'quarantined')];
    expect(completeStep(steps, { stepId: 2, at: AT })).toEqual({ ok: false, reason: 'room_required' });
    expect(completeStep(steps, { stepId: 2, at: AT, roomId: 4 })).toMatchObject({ ok: true });
    expect(completeStep([steps[0], { ...steps[1], roomId: 4 }], { stepId: 2, at: AT })).toMatchObject({ ok: true });
  });
  it.each(['released', 'homeMonitoring'] as const)('letting a contact go (%s) with a positive NAT not acted on: positive_result_open', (next) => {
    const steps = [row(1, 'tested', { doneAt: AT, result: 'positive' }), row(2, next)];
    expect(completeStep(steps, { stepId: 2, at: AT })).toEqual({ ok: false, reason: 'positive_result_open' });
  });
  it('a positive followed by the transfer to hospital is acted on: discharge is allowed', () => {
    const steps = [row(1, 'tested', { doneAt: AT, result: 'positive' }), row(2, 'transferScheduled', { doneAt: AT }),
      row(3, 'transferred', { doneAt: AT }), row(4, 'released')];
    expect(completeStep(steps, { stepId: 4, at: AT })).toMatchObject({ ok: true });
  });
});

describe('completeStep effects', () => {
  const inRoom = [row(1, 'transferred', { doneAt: AT }), row(2, 'quarantined', { doneAt: AT, roomId: 7 })];
  it('a negative NAT changes nothing; a positive one says so', () => {
    const steps = [...inRoom, row(3, 'tested')];
    expect(completeStep(steps, { stepId: 3, at: AT, result: 'negative' })).toEqual({ ok: true, effects: { positive: false, freeRoom: false, closed: false } });
    expect(completeStep(steps, { stepId: 3, at: AT, result: 'positive' })).toEqual({ ok: true, effects: { positive: true, freeRoom: false, closed: false } });
  });
  it('release from a room frees the room', () => {
    expect(completeStep([...inRoom, row(3, 'released')], { stepId: 3, at: AT })).toEqual({ ok: true, effects: { positive: false, freeRoom: true, closed: false } });
  });
  it('a quarantined contact moved to hospital after a positive leaves the room at the transfer', () => {
    const steps = [...inRoom, row(3, 'tested', { doneAt: AT, result: 'positive' }), row(4, 'transferScheduled', { doneAt: AT }), row(5, 'transferred')];
    expect(completeStep(steps, { stepId: 5, at: AT })).toMatchObject({ ok: true, effects: { freeRoom: true } });
  });
  it('a positive NAT in the designated hospital (the demo cases\' 院内核酸) is no news and does not block discharge', () => {
    const steps = [row(1, 'transferScheduled', { doneAt: AT }), row(2, 'transferred', { doneAt: AT }), row(3, 'tested', { doneAt: AT, result: 'positive' }), row(4, 'tested')];
    expect(completeStep(steps, { stepId: 4, at: AT, result: 'positive' })).toMatchObject({ ok: true, effects: { positive: false } });
    const discharge = [...steps.slice(0, 3), row(4, 'released')];
    expect(completeStep(discharge, { stepId: 4, at: AT })).toMatchObject({ ok: true });
  });
  it('a case discharged from hospital holds no quarantine room; closing closes', () => {
    expect(completeStep([row(1, 'transferred', { doneAt: AT }), row(2, 'released')], { stepId: 2, at: AT }))
      .toMatchObject({ ok: true, effects: { freeRoom: false } });
    expect(completeStep([row(1, 'homeMonitoring', { doneAt: AT }), row(2, 'closed')], { stepId: 2, at: AT }))
      .toEqual({ ok: true, effects: { positive: false, freeRoom: false, closed: true } });
  });
});

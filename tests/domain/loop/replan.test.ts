// A contact who tests positive becomes a case: the rest of the contact plan is cancelled and the
// case path (transfer to the designated hospital, discharge, home monitoring) is appended.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeStep, currentStep, replanAfterPositive } from '../../../domain/loop/machine.ts';
import { planLoop } from '../../../domain/loop/plan.ts';
import { DEFAULT_SLA, type LoopStepState } from '../../../domain/loop/types.ts';
import { apply, applyReplan, ED9, local, okInput, sh, toStates, TWENTY, Y2021 } from './loop-fixtures.ts';

function contactLoop(params: unknown, category: 'closeContact' | 'secondaryContact', at = sh('2022-07-01T10:00:00')): LoopStepState[] {
  const r = planLoop({ category, identifiedAt: at, params, sla: DEFAULT_SLA });
  if (!r.ok) throw new Error(r.reason);
  return toStates(r.steps);
}
/** Completes steps in order up to and including the n-th NAT, which comes back positive. */
function untilPositive(steps: LoopStepState[], nthNat: number): { steps: LoopStepState[]; at: string } {
  let seen = 0;
  for (const s of [...steps]) {
    const positive = s.step === 'tested' && ++seen === nthNat;
    steps = apply(steps, positive ? { stepId: s.id, at: s.dueAt, result: 'positive' } : okInput(s));
    if (positive) return { steps, at: s.dueAt };
  }
  throw new Error('no such NAT');
}

describe('replanAfterPositive', () => {
  it('ed.9 close contact positive on central day 2: cancels the rest, appends transfer to hospital → discharge → home monitoring → closed', () => {
    const { steps, at } = untilPositive(contactLoop(ED9, 'closeContact'), 2);
    expect(local(at)).toBe('2022-07-02 23:59');
    const { cancel, add } = replanAfterPositive(steps, at, DEFAULT_SLA);
    expect(cancel).toEqual(steps.filter((s) => s.doneAt === null).map((s) => s.id));
    expect(cancel).toHaveLength(7); // NAT d3, d5, d7, released, home NAT d3, homeMonitoring, closed
    expect(add.map((s) => `${s.seq} ${s.step} ${local(s.dueAt)}`)).toEqual([
      '15 transferScheduled 2022-07-03 05:59', '16 transferred 2022-07-03 11:59',
      '17 released 2022-07-16 08:00', '18 homeMonitoring 2022-07-29 23:59', '19 closed 2022-07-29 23:59', // hospital day 1 = 07-02
    ]);
    expect(add[1]).toMatchObject({ phase: 'hospital', note: '闭环转运至定点医院' });
  });
  it('without the replan the contact cannot be released: positive_result_open', () => {
    let { steps } = untilPositive(contactLoop(ED9, 'closeContact'), 5); // the last central NAT
    expect(currentStep(steps)!.step).toBe('released');
    expect(completeStep(steps, okInput(currentStep(steps)!))).toEqual({ ok: false, reason: 'positive_result_open' });
    steps = applyReplan(steps, steps.find((s) => s.result === 'positive')!.doneAt!, DEFAULT_SLA);
    expect(currentStep(steps)!.step).toBe('transferScheduled');
  });
  it('the transfer to hospital frees the quarantine room; the discharge then frees nothing', () => {
    const { steps: positive, at } = untilPositive(contactLoop(Y2021, 'closeContact'), 1);
    let steps = applyReplan(positive, at, DEFAULT_SLA);
    const effects: boolean[] = [];
    for (let s = currentStep(steps); s; s = currentStep(steps)) {
      const v = completeStep(steps, okInput(s));
      if (!v.ok) throw new Error(v.reason);
      effects.push(v.effects.freeRoom);
      steps = apply(steps, okInput(s));
    }
    expect(effects).toEqual([false, true, false, false, false]);
  });
  it('a secondary contact isolated at home (ed.9) who tests positive is transferred from home: no room to free', () => {
    const { steps: positive, at } = untilPositive(contactLoop(ED9, 'secondaryContact'), 2);
    const steps = applyReplan(positive, at, DEFAULT_SLA);
    const transfer = steps.find((s) => s.step === 'transferScheduled')!;
    const afterBooking = apply(steps, okInput(transfer));
    expect(completeStep(afterBooking, okInput(currentStep(afterBooking)!))).toMatchObject({ ok: true, effects: { freeRoom: false } });
  });
  it('property: whichever NAT turns positive, the replanned loop completes in order and closes', () => {
    const arb = fc.record({
      params: fc.constantFrom(Y2021, ED9, TWENTY),
      category: fc.constantFrom('closeContact' as const, 'secondaryContact' as const),
      nth: fc.integer({ min: 1, max: 8 }),
      minute: fc.integer({ min: 0, max: 60 * 24 * 400 }),
    });
    fc.assert(fc.property(arb, ({ params, category, nth, minute }) => {
      const at = new Date(Date.UTC(2021, 10, 1) + minute * 60_000).toISOString();
      const r = planLoop({ category, identifiedAt: at, params, sla: DEFAULT_SLA });
      if (!r.ok) return;
      const plan = toStates(r.steps);
      const nats = plan.filter((s) => s.step === 'tested').length;
      const { steps: positive, at: when } = untilPositive(plan, 1 + ((nth - 1) % nats));
      let steps = applyReplan(positive, when, DEFAULT_SLA);
      expect(steps.filter((s) => s.cancelledAt !== null).every((s) => s.seq > positive.find((p) => p.result === 'positive')!.seq)).toBe(true);
      let closed = false;
      for (let s = currentStep(steps); s; s = currentStep(steps)) {
        const v = completeStep(steps, okInput(s));
        expect(v.ok).toBe(true);
        closed = v.ok && v.effects.closed;
        steps = apply(steps, okInput(s));
      }
      expect(closed).toBe(true);
    }), { numRuns: 200 });
  });
});

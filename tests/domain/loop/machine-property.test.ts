// Properties over every plan the bundled profiles can produce: a plan obeys the machine's edges,
// completing its steps in plan order is always legal, and any other order is refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { completeStep, currentStep, isLegalTransition } from '../../../domain/loop/machine.ts';
import { planLoop, type PlanInput } from '../../../domain/loop/plan.ts';
import type { LoopStepState, PersonCategory, SlaHours } from '../../../domain/loop/types.ts';
import { apply, ED9, NORO, okInput, toStates, TWENTY, Y2021 } from './loop-fixtures.ts';

const CATEGORIES: PersonCategory[] = ['confirmed', 'asymptomatic', 'suspected', 'closeContact', 'secondaryContact', 'atRiskTraveller'];
const arbSla: fc.Arbitrary<SlaHours> = fc.record({
  notified: fc.integer({ min: 1, max: 24 }), transferScheduled: fc.integer({ min: 1, max: 48 }),
  transferred: fc.integer({ min: 1, max: 72 }), quarantined: fc.integer({ min: 1, max: 72 }),
  hospitalDays: fc.integer({ min: 1, max: 30 }), caseHomeMonitoringDays: fc.integer({ min: 0, max: 21 }),
  travellerHomeDays: fc.integer({ min: 1, max: 14 }),
});
// Any minute from mid-2021 to the end of 2022, so identification falls at every hour of the
// Shanghai day, including just before and after local midnight.
const arbInstant = fc.integer({ min: Date.UTC(2021, 6, 1) / 60_000, max: Date.UTC(2022, 11, 31) / 60_000 })
  .map((minute) => new Date(minute * 60_000).toISOString());
const arbInput = fc.record({
  category: fc.constantFrom(...CATEGORIES), params: fc.constantFrom(Y2021, ED9, TWENTY, NORO), identifiedAt: arbInstant, sla: arbSla,
});

/** A plan as stored rows, or null when the profile refuses this category. */
function planned(input: PlanInput): LoopStepState[] | null {
  const r = planLoop(input);
  return r.ok ? toStates(r.steps) : null;
}

describe('every plan', () => {
  it('walks legal edges from start to closed, with non-decreasing deadlines from identification', () => {
    fc.assert(fc.property(arbInput, (input) => {
      const r = planLoop(input);
      if (!r.ok) return;
      const names = r.steps.map((s) => s.step);
      expect(names[0]).toBe('identified');
      expect(names.at(-1)).toBe('closed');
      ['start' as const, ...names.slice(0, -1)].forEach((from, i) => expect(isLegalTransition(from, names[i]), `${from} → ${names[i]}`).toBe(true));
      expect(r.steps[0].dueAt).toBe(new Date(input.identifiedAt).toISOString());
      r.steps.forEach((s, i) => {
        expect(s.seq).toBe(i + 1);
        if (i > 0) expect(s.dueAt >= r.steps[i - 1].dueAt).toBe(true);
        expect(s.step === 'tested').toBe(s.day !== null);
      });
    }), { numRuns: 400 });
  });
  it('is refused only for contacts, and only by a profile without their rules', () => {
    fc.assert(fc.property(arbInput, (input) => {
      const r = planLoop(input);
      if (r.ok) return;
      expect(['closeContact', 'secondaryContact']).toContain(input.category);
      expect([NORO, TWENTY]).toContain(input.params);
    }));
  });
});

describe('completing steps', () => {
  it('in plan order is always legal, and the last completion closes the loop', () => {
    fc.assert(fc.property(arbInput, (input) => {
      let steps = planned(input);
      if (!steps) return;
      for (const s of [...steps]) {
        const verdict = completeStep(steps, okInput(s));
        expect(verdict.ok).toBe(true);
        if (verdict.ok) expect(verdict.effects.closed).toBe(s.step === 'closed');
        steps = apply(steps, okInput(s));
      }
      expect(currentStep(steps)).toBe(null);
    }), { numRuns: 300 });
  });
  it('in any other order is refused at the first step taken out of turn', () => {
    const arb = arbInput.map(planned).filter((s): s is LoopStepState[] => s !== null)
      .chain((steps) => fc.tuple(fc.constant(steps), fc.shuffledSubarray(steps.map((s) => s.id), { minLength: steps.length, maxLength: steps.length })));
    fc.assert(fc.property(arb, ([plan, order]) => {
      let steps = plan;
      for (const id of order) {
        const s = steps.find((x) => x.id === id)!;
        const verdict = completeStep(steps, okInput(s));
        if (currentStep(steps)!.id !== id) {
          expect(verdict).toEqual({ ok: false, reason: 'loop_step_not_next' });
          return;
        }
        expect(verdict.ok).toBe(true);
        steps = apply(steps, okInput(s));
      }
    }), { numRuns: 300 });
  });
  it('a done step is refused as loop_step_done at every point of the loop', () => {
    fc.assert(fc.property(arbInput, fc.nat(), (input, cut) => {
      let steps = planned(input);
      if (!steps) return;
      const k = 1 + (cut % steps.length);
      for (const s of steps.slice(0, k)) steps = apply(steps, okInput(s));
      for (const s of steps.slice(0, k)) expect(completeStep(steps, okInput(s))).toEqual({ ok: false, reason: 'loop_step_done' });
    }));
  });
});

// A person's planned loop: the steps, in the order they must be completed, each with its deadline
// (plan-paths.ts says which steps and why each falls due when it does). Contacts follow the active
// rule profile's §1.5 calendar (schedule.ts); cases and at-risk travellers follow the SLA.
//
// A step is never due before the step it follows, because steps are completed in order
// (machine.ts): a contact identified at 23:30 Shanghai time still has NAT day 1 on that date
// (day 1 = the day identified), but that NAT cannot be due half an hour later while the transfer
// has 12 hours — it falls due with the check-in instead.
import { effectiveSla } from './contact-rules.ts';
import { caseDrafts, contactDrafts, travellerDrafts, type StepDraft } from './plan-paths.ts';
import { contactSchedule, type ContactSchedule } from './schedule.ts';
import { laterOf, toUtcIso } from './time.ts';
import { isContact, type PersonCategory, type PlannedStep, type SlaHours } from './types.ts';

export interface PlanInput {
  category: PersonCategory;
  /** ISO instant of identification (an offset-less date-time is Shanghai wall time). */
  identifiedAt: string;
  /** The incident's rule-profile params (close_contact, secondary_contact, loop_deadlines_hours). */
  params: unknown;
  sla: SlaHours;
}

export type PlanResult =
  | { ok: true; steps: PlannedStep[]; schedule: ContactSchedule | null }
  | { ok: false; reason: 'not_identified' | 'no_rules' };

export function planLoop(input: PlanInput): PlanResult {
  const sla = effectiveSla(input.params, input.sla);
  const t0 = toUtcIso(input.identifiedAt);
  const { category } = input;
  if (isContact(category)) {
    const s = contactSchedule(input.params, category, t0);
    if (!s.ok) return s;
    return { ok: true, steps: sequence(contactDrafts(t0, s.schedule, sla), 1, t0), schedule: s.schedule };
  }
  const drafts = category === 'atRiskTraveller' ? travellerDrafts(t0, sla) : caseDrafts(t0, sla);
  return { ok: true, steps: sequence(drafts, 1, t0), schedule: null };
}

/**
 * Numbers the drafts from `firstSeq` and makes deadlines non-decreasing, never before `floor`.
 * Deadlines come out as UTC ISO text, so they compare as text like the DB's due_at.
 */
export function sequence(drafts: StepDraft[], firstSeq: number, floor: string): PlannedStep[] {
  let previous = toUtcIso(floor);
  return drafts.map((d, i) => {
    previous = toUtcIso(laterOf(d.at, previous));
    return { step: d.step, seq: firstSeq + i, dueAt: previous, note: d.note, phase: d.phase, day: d.day };
  });
}

// The closed loop (闭环) of every person under profile cn-2021-community (domain-rules.md §1.5,
// §7): identified → notified → transfer scheduled → transferred → quarantined → NAT on days 1,
// 4, 7, 14 → released → 7 days of home monitoring → closed (secondary contacts: 7 days, NAT on
// days 1 and 7; cases: to the designated hospital, discharged after day 14, then 14 days of
// monitoring). Deadlines follow the profile; at the scenario's "now" most due steps are done, a
// few are overdue (left open), and later steps are still to come.
import type { Rng } from '../prng.ts';
import { addDays, HOUR, localDate, localTime, ms, SCENARIO_NOW } from '../facilities/common.ts';
import type { PersonDraft } from './persons.ts';

export type StepName = 'identified' | 'notified' | 'transferScheduled' | 'transferred' | 'quarantined' | 'tested' | 'released' | 'homeMonitoring' | 'closed';

export interface StepDraft { step: StepName; due: number; done: number | null; note: string | null }

const NOW = ms(SCENARIO_NOW);

/** Due times of a person's steps, in order. */
export function plan(p: PersonDraft): StepDraft[] {
  const t0 = p.validFrom, s = (step: StepName, due: number, note: string | null = null): StepDraft => ({ step, due, done: null, note });
  const start = localDate(t0 + 12 * HOUR);
  const day = (d: number, hour: number) => localTime(addDays(start, d - 1), hour);
  const head = [s('identified', t0), s('notified', t0 + 2 * HOUR), s('transferScheduled', t0 + 6 * HOUR)];
  if (p.caseDraft) {
    return [...head.slice(0, 2), s('transferScheduled', t0 + 2 * HOUR), s('transferred', t0 + 4 * HOUR, '转运至定点医院'),
      s('tested', day(10, 9), '院内核酸'), s('tested', day(12, 9), '院内核酸'), s('released', day(14, 10), '出院'),
      s('homeMonitoring', day(28, 10), '出院后居家健康监测14天'), s('closed', day(28, 11))];
  }
  if (p.category === 'secondaryContact') {
    return [...head, s('transferred', t0 + 12 * HOUR), s('quarantined', t0 + 12 * HOUR + 600_000), s('tested', day(1, 9)),
      s('tested', day(7, 9)), s('released', day(7, 15)), s('closed', day(7, 16))];
  }
  return [...head, s('transferred', t0 + 12 * HOUR), s('quarantined', t0 + 12 * HOUR + 600_000),
    ...[1, 4, 7, 14].map((d) => s('tested', day(d, 9), `第${d}天核酸`)), s('released', day(14, 15)),
    s('homeMonitoring', day(21, 15), '居家健康监测7天'), s('closed', day(21, 16))];
}

/** Marks steps done up to "now": on time or a little late. Steps that fell due in the last two
 *  days are sometimes still open (overdue); older ones were all caught up. */
export function progress(steps: StepDraft[], r: Rng): StepDraft[] {
  let last = -Infinity;
  for (const st of steps) {
    if (st.due > NOW) break;
    const recent = NOW - st.due < 48 * HOUR;
    const overdue = recent && st.step !== 'identified' && r.chance(st.step === 'tested' ? 0.12 : 0.06);
    if (overdue) break;
    const done = st.step === 'identified' ? st.due : st.due - r.int(0, 90) * 60_000 + (r.chance(0.2) ? r.int(10, 180) * 60_000 : 0);
    st.done = Math.min(NOW, Math.max(last + 60_000, done));
    last = st.done;
  }
  return steps;
}

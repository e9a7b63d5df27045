// Planned loops: which steps each kind of person goes through and when each falls due.
import { describe, expect, it } from 'vitest';
import { effectiveSla } from '../../../domain/loop/contact-rules.ts';
import { planLoop, type PlanInput } from '../../../domain/loop/plan.ts';
import { STEP_TEAM_KIND } from '../../../domain/loop/teams.ts';
import { DEFAULT_SLA, type PlannedStep } from '../../../domain/loop/types.ts';
import { ED9, local, NORO, sh, TWENTY, Y2021 } from './loop-fixtures.ts';

function plan(input: Partial<PlanInput> & Pick<PlanInput, 'category'>): PlannedStep[] {
  const r = planLoop({ identifiedAt: sh('2022-07-01T10:00:00'), params: ED9, sla: DEFAULT_SLA, ...input });
  if (!r.ok) throw new Error(`expected a plan, got ${r.reason}`);
  return r.steps;
}
const names = (steps: PlannedStep[]) => steps.map((s) => s.step);
const due = (steps: PlannedStep[]) => steps.map((s) => `${s.step}${s.day ? ` d${s.day}` : ''} ${local(s.dueAt)}`);

describe('close contact under ed.9, identified 2022-07-01 10:00', () => {
  const steps = plan({ category: 'closeContact' });
  it('goes identified → notified → transfer → check-in → NAT on central days → released → NAT home day 3 → home monitoring → closed', () => {
    expect(due(steps)).toEqual([
      'identified 2022-07-01 10:00', 'notified 2022-07-01 12:00', 'transferScheduled 2022-07-01 16:00',
      'transferred 2022-07-01 22:00', 'quarantined 2022-07-01 22:00',
      'tested d1 2022-07-01 23:59', 'tested d2 2022-07-02 23:59', 'tested d3 2022-07-03 23:59',
      'tested d5 2022-07-05 23:59', 'tested d7 2022-07-07 23:59',
      'released 2022-07-08 08:00', // 08:00 of the day after the last central day
      'tested d3 2022-07-10 23:59', 'homeMonitoring 2022-07-10 23:59', 'closed 2022-07-10 23:59',
    ]);
    expect(steps.map((s) => s.seq)).toEqual(steps.map((_, i) => i + 1));
  });
  it('due times are UTC ISO text; a NAT is due by the end of its Shanghai day', () => {
    expect(steps[5].dueAt).toBe('2022-07-01T15:59:59.999Z');
    expect(steps[10].dueAt).toBe('2022-07-08T00:00:00.000Z');
  });
  it('tags NAT steps with their phase and day, and the placement steps with their phase', () => {
    expect(steps.filter((s) => s.step === 'tested').map((s) => [s.phase, s.day]))
      .toEqual([['central', 1], ['central', 2], ['central', 3], ['central', 5], ['central', 7], ['home', 3]]);
    expect(steps.find((s) => s.step === 'quarantined')).toMatchObject({ phase: 'central', day: null });
    expect(steps.find((s) => s.step === 'homeMonitoring')).toMatchObject({ phase: 'home', note: '居家健康监测3天' });
  });
});

describe('Asia/Shanghai day boundaries', () => {
  it('identified 23:30 local: NAT day 1 is still that day, but it is not due before the check-in', () => {
    const steps = plan({ category: 'closeContact', identifiedAt: sh('2022-07-01T23:30:00') });
    expect(due(steps).slice(3, 7)).toEqual(['transferred 2022-07-02 11:30', 'quarantined 2022-07-02 11:30',
      'tested d1 2022-07-02 11:30', 'tested d2 2022-07-02 23:59']);
    expect(local(steps.find((s) => s.step === 'released')!.dueAt)).toBe('2022-07-08 08:00');
  });
  it('identified 00:30 local the next day: everything moves one day', () => {
    const steps = plan({ category: 'closeContact', identifiedAt: '2022-07-01T16:30:00Z' });
    expect(local(steps.find((s) => s.step === 'tested')!.dueAt)).toBe('2022-07-02 23:59');
    expect(local(steps.find((s) => s.step === 'released')!.dueAt)).toBe('2022-07-09 08:00');
    expect(local(steps.at(-1)!.dueAt)).toBe('2022-07-11 23:59');
  });
});

describe('other profiles and categories', () => {
  it('20 measures, 2022-11-15: 5 d central, released 11-20 08:00, home isolation NATs 11-20 and 11-22', () => {
    const steps = plan({ category: 'closeContact', params: TWENTY, identifiedAt: sh('2022-11-15T09:00:00') });
    expect(due(steps).slice(5)).toEqual([
      'tested d1 2022-11-15 23:59', 'tested d2 2022-11-16 23:59', 'tested d3 2022-11-17 23:59', 'tested d5 2022-11-19 23:59',
      'released 2022-11-20 08:00', 'tested d1 2022-11-20 23:59', 'tested d3 2022-11-22 23:59',
      'homeMonitoring 2022-11-22 23:59', 'closed 2022-11-22 23:59',
    ]);
    expect(steps.find((s) => s.step === 'homeMonitoring')!.note).toBe('居家隔离3天');
  });
  it('20 measures and norovirus refuse to plan contacts, with the reason', () => {
    const base = { identifiedAt: sh('2022-11-15T09:00:00'), sla: DEFAULT_SLA };
    expect(planLoop({ ...base, category: 'secondaryContact', params: TWENTY })).toEqual({ ok: false, reason: 'not_identified' });
    expect(planLoop({ ...base, category: 'closeContact', params: NORO })).toEqual({ ok: false, reason: 'no_rules' });
  });
  it('2021: close contacts NAT days 1, 4, 7, 14 (the last one 双采双检), then 7 d home monitoring without NAT', () => {
    const steps = plan({ category: 'closeContact', params: Y2021 });
    expect(names(steps)).toEqual(['identified', 'notified', 'transferScheduled', 'transferred', 'quarantined',
      'tested', 'tested', 'tested', 'tested', 'released', 'homeMonitoring', 'closed']);
    expect(steps[8].note).toBe('集中隔离第14天核酸（双采双检）');
    expect(local(steps[9].dueAt)).toBe('2022-07-15 08:00');
    expect(local(steps[11].dueAt)).toBe('2022-07-21 23:59');
  });
  it('2021 secondary contact (central only): released then closed at the same time, no home part', () => {
    const steps = plan({ category: 'secondaryContact', params: Y2021 });
    expect(due(steps).slice(5)).toEqual(['tested d1 2022-07-01 23:59', 'tested d7 2022-07-07 23:59',
      'released 2022-07-08 08:00', 'closed 2022-07-08 08:00']);
  });
  it('ed.9 secondary contact (home isolation): no transfer, no room', () => {
    const steps = plan({ category: 'secondaryContact' });
    expect(due(steps)).toEqual(['identified 2022-07-01 10:00', 'notified 2022-07-01 12:00', 'tested d1 2022-07-01 23:59',
      'tested d4 2022-07-04 23:59', 'tested d7 2022-07-07 23:59', 'homeMonitoring 2022-07-07 23:59', 'closed 2022-07-07 23:59']);
  });
  it.each(['confirmed', 'asymptomatic', 'suspected'] as const)('%s: to the designated hospital, discharged after hospitalDays, then home monitoring', (category) => {
    const r = planLoop({ category, identifiedAt: sh('2022-07-01T10:00:00'), params: NORO, sla: DEFAULT_SLA });
    expect(r.ok && r.schedule).toBe(null);
    const steps = plan({ category, params: NORO });
    expect(due(steps)).toEqual(['identified 2022-07-01 10:00', 'notified 2022-07-01 12:00', 'transferScheduled 2022-07-01 16:00',
      'transferred 2022-07-01 22:00', 'released 2022-07-15 08:00', 'homeMonitoring 2022-07-28 23:59', 'closed 2022-07-28 23:59']);
    expect(steps[3]).toMatchObject({ phase: 'hospital', note: '闭环转运至定点医院' });
    expect(steps[4]).toMatchObject({ phase: 'hospital', note: '出院' });
  });
  it('at-risk traveller: told, tested on arrival, home monitoring travellerHomeDays, closed', () => {
    const steps = plan({ category: 'atRiskTraveller', sla: { ...DEFAULT_SLA, travellerHomeDays: 3 } });
    expect(due(steps)).toEqual(['identified 2022-07-01 10:00', 'notified 2022-07-01 12:00', 'tested d1 2022-07-01 23:59',
      'homeMonitoring 2022-07-03 23:59', 'closed 2022-07-03 23:59']);
  });
});

describe('deadlines: the profile where it says, else the SLA', () => {
  const sla = { ...DEFAULT_SLA, notified: 1, transferScheduled: 3, transferred: 24, quarantined: 30 };
  it('profile loop_deadlines_hours win over the SLA; the SLA fills what the profile leaves out', () => {
    expect(effectiveSla(ED9, sla)).toEqual({ ...sla, notified: 2, transferScheduled: 6, transferred: 12 });
    expect(effectiveSla(NORO, sla)).toEqual(sla);
    const steps = plan({ category: 'closeContact', sla });
    expect(due(steps).slice(1, 5)).toEqual(['notified 2022-07-01 12:00', 'transferScheduled 2022-07-01 16:00',
      'transferred 2022-07-01 22:00', 'quarantined 2022-07-02 16:00']);
  });
  it('without profile deadlines the SLA applies (norovirus case)', () => {
    const steps = plan({ category: 'confirmed', params: NORO, sla });
    expect(due(steps).slice(1, 4)).toEqual(['notified 2022-07-01 11:00', 'transferScheduled 2022-07-01 13:00', 'transferred 2022-07-02 10:00']);
  });
  it('an unreadable loop_deadlines_hours block is ignored, not half-applied', () => {
    expect(effectiveSla({ loop_deadlines_hours: { notified: 1, transferred: -5 } }, DEFAULT_SLA)).toEqual(DEFAULT_SLA);
  });
});

describe('responsible teams', () => {
  it('tracing finds and tells, transfer moves, sampling tests, field keeps (as the demo generator)', () => {
    const steps = plan({ category: 'closeContact' });
    expect([...new Set(steps.map((s) => `${s.step}:${STEP_TEAM_KIND[s.step]}`))]).toEqual([
      'identified:tracing', 'notified:tracing', 'transferScheduled:transfer', 'transferred:transfer', 'quarantined:field',
      'tested:sampling', 'released:field', 'homeMonitoring:field', 'closed:field',
    ]);
  });
});

// Zone clocks against the oracles of domain-rules.md §7 ("Quick test oracles") and §1.1–1.3.
import { describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../../../domain/zones/bundled-profiles.ts';
import { addDays, shanghaiDate } from '../../../domain/zones/calendar.ts';
import { restOfCountyLiftOn, zoneClock, type ClockInput } from '../../../domain/zones/clock.ts';

const profile = (key: string) => BUNDLED_PROFILES.find((p) => p.key === key)!.params;
const ed9 = profile('cn-2022-ed9');
const twenty = profile('cn-2022-20measures');
const y2021 = profile('cn-2021-community');
const noro = profile('generic-norovirus-school');

const D0 = '2022-07-01';
const day = (n: number) => addDays(D0, n);
const clean = (n: number) => ({ date: day(n), tested: 800, positives: 0 });
const clock = (over: Partial<ClockInput>) => zoneClock({
  params: ed9, kind: 'high', since: `${D0}T10:00:00+08:00`, infections: [D0], rounds: [], today: D0, ...over,
});

describe('ed.9 high / medium (§1.2, §7 oracles)', () => {
  it('high → medium on day 7 with an all-negative day-7 round, → low on day 10', () => {
    const c = clock({ rounds: [clean(7)], today: day(10) });
    expect(c).toMatchObject({ dayZero: D0, dayNumber: 10, downgradeOn: day(7), liftOn: day(10) });
    expect(c.steps.map((s) => [s.to, s.due, s.ready])).toEqual([['medium', day(7), true], ['low', day(10), true]]);
  });
  it('on day 7 medium is ready and low is not yet (3 more clean days)', () => {
    const c = clock({ rounds: [clean(7)], today: day(7) });
    expect(c.steps[0]).toMatchObject({ ready: true, waitingFor: [] });
    expect(c.steps[1]).toMatchObject({ due: day(10), ready: false, waitingFor: ['clean_days'] });
  });
  it('without the day-7 round neither step is ready, and the clock says so', () => {
    const c = clock({ today: day(7) });
    expect(c.steps[0]).toMatchObject({ due: day(7), ready: false, waitingFor: ['nat_round'] });
    expect(c.steps[1].waitingFor).toEqual(expect.arrayContaining(['nat_round', 'clean_days']));
    expect(c.requiredRounds).toEqual([{ date: day(7), purpose: 'step', done: false, negative: null }]);
  });
  it('a positive on day 5 restarts the clock: medium no earlier than day 12', () => {
    const c = clock({ infections: [D0, day(5)], rounds: [clean(7)], today: day(5) });
    expect(c.dayZero).toBe(day(5));
    expect(c.restarted).toBe(true);
    expect(c.upgradeTo).toBeNull(); // ed.9 restarts, never upgrades
    expect(c.downgradeOn).toBe(day(12)); // projected; the old day-7 round no longer counts:
    expect(clock({ infections: [D0, day(5)], rounds: [clean(7)], today: day(12) }).steps[0].ready).toBe(false);
    expect(clock({ infections: [D0, day(5)], rounds: [clean(7), clean(12)], today: day(12) }).steps[0].ready).toBe(true);
    expect(c.liftOn).toBe(day(15));
  });
  it('a day-7 round with a positive does not count', () => {
    const c = clock({ rounds: [{ date: day(7), tested: 800, positives: 1 }], today: day(8) });
    expect(c.steps[0].ready).toBe(false);
    expect(c.requiredRounds[0]).toMatchObject({ done: true, negative: false });
  });
  it('a late clean round moves the step to its date and keeps the steps monotone', () => {
    const c = clock({ rounds: [clean(11)], today: day(11) });
    expect(c.steps.map((s) => s.due)).toEqual([day(11), day(11)]);
    expect(c.steps.every((s) => s.ready)).toBe(true);
  });
  it('medium → low on day 7 with the day-7 round', () => {
    const c = clock({ kind: 'medium', rounds: [clean(7)], today: day(7) });
    expect(c.downgradeOn).toBeNull();
    expect(c.liftOn).toBe(day(7));
    expect(c.steps[0].ready).toBe(true);
  });
  it('ignores infections and rounds after today (replaying the past)', () => {
    const c = clock({ infections: [D0, day(9)], rounds: [clean(7)], today: day(6) });
    expect(c.dayZero).toBe(D0);
    expect(c.lastInfectionDate).toBe(D0);
    expect(c.restarted).toBe(false);
    expect(c.steps[0].ready).toBe(false);
  });
  it('with no infection inside, day 0 is the day the zone came into force', () => {
    const c = clock({ infections: [], since: '2022-07-01T17:00:00Z', today: '2022-07-03' });
    expect(c.dayZero).toBe('2022-07-02'); // 01:00 +08:00 on the 2nd
    expect(c.lastInfectionDate).toBeNull();
    expect(c.downgradeOn).toBe('2022-07-09');
  });
});

describe('ed.9 high stepped down to medium keeps the high clock (§1.2 "3 more clean days")', () => {
  // Infection on 07-01, clean day-7 round on 07-08: high → medium on 07-08; the zone is now medium.
  const downgraded = (over: Partial<ClockInput>) => clock({
    kind: 'medium', since: `${day(7)}T09:00:00+08:00`, downgradedFrom: 'high', rounds: [clean(7)], ...over,
  });
  it('lifts to low on day 10 (07-11), not after medium\'s own 7 days', () => {
    const c = downgraded({ today: day(10) });
    expect(c).toMatchObject({ kind: 'medium', dayZero: D0, liftOn: '2022-07-11', downgradeOn: null, restarted: false });
    expect(c.steps).toEqual([{ to: 'low', due: '2022-07-11', ready: true, waitingFor: [] }]);
    expect(downgraded({ today: day(9) }).steps[0]).toMatchObject({ ready: false, waitingFor: ['clean_days'] });
    // No second day-7 round is asked for: the high step's round was the condition, and it was met.
    expect(downgraded({ today: day(9) }).requiredRounds).toEqual([]);
  });
  it('without downgradedFrom a medium zone follows its own rule (same day 0: low on day 7)', () => {
    expect(downgraded({ downgradedFrom: null, today: day(10) }).liftOn).toBe(day(7));
    expect(downgraded({ downgradedFrom: undefined, today: day(10) }).liftOn).toBe(day(7));
  });
  it('a new infection after the step restarts the clock under medium\'s own rule (low on 07-16 with its round)', () => {
    const c = downgraded({ infections: [D0, '2022-07-09'], rounds: [clean(7), { date: '2022-07-16', tested: 800, positives: 0 }], today: '2022-07-16' });
    expect(c).toMatchObject({ dayZero: '2022-07-09', restarted: true, liftOn: '2022-07-16', downgradeOn: null, upgradeTo: null });
    expect(c.steps).toEqual([{ to: 'low', due: '2022-07-16', ready: true, waitingFor: [] }]);
    const noRound = downgraded({ infections: [D0, '2022-07-09'], today: '2022-07-16' });
    expect(noRound.steps[0]).toMatchObject({ ready: false, waitingFor: ['nat_round'] });
    expect(noRound.requiredRounds).toEqual([{ date: '2022-07-16', purpose: 'step', done: false, negative: null }]);
  });
  it('an infection on or before `since` (the reason for the zone) does not count as a restart', () => {
    expect(downgraded({ infections: [day(-2), D0], today: day(10) })).toMatchObject({ restarted: false, liftOn: day(10) });
  });
  it('a downgradedFrom kind with no step to this kind, or unknown, falls back to the own rule', () => {
    expect(downgraded({ downgradedFrom: 'low', today: day(10) }).liftOn).toBe(day(7));
    expect(downgraded({ downgradedFrom: 'sealed', today: day(10) }).liftOn).toBe(day(7));
  });
  it('a high zone itself ignores downgradedFrom it has no step to', () => {
    expect(clock({ downgradedFrom: 'medium', rounds: [clean(7)], today: day(10) })).toMatchObject({ downgradeOn: day(7), liftOn: day(10) });
  });
});

describe('a NAT round with positives (clock-steps.ts: its date is passed as an infection)', () => {
  it('ed.9: a day-7 round with 1 positive restarts the clock and moves the downgrade to day 14', () => {
    const positive = { date: day(7), tested: 800, positives: 1 };
    const c = clock({ infections: [D0, positive.date], rounds: [positive], today: day(7) });
    expect(c).toMatchObject({ dayZero: day(7), restarted: true, downgradeOn: day(14), liftOn: day(17) });
    expect(c.steps[0]).toMatchObject({ ready: false });
    expect(c.requiredRounds).toEqual([{ date: day(14), purpose: 'step', done: false, negative: null }]);
    // Even a clean round the next day does not qualify: it is before the new day 7.
    const later = clock({ infections: [D0, positive.date], rounds: [positive, clean(8)], today: day(8) });
    expect(later.steps[0]).toMatchObject({ due: day(14), ready: false });
  });
  it('a round with positives never qualifies a step, whatever the infections say', () => {
    const c = clock({ rounds: [{ date: day(7), tested: 800, positives: 3 }, { date: day(9), tested: 800, positives: 1 }], today: day(12) });
    expect(c.steps[0]).toMatchObject({ ready: false, waitingFor: ['nat_round'] });
    const sealed = clock({ params: y2021, kind: 'sealed', rounds: [{ date: day(13), tested: 800, positives: 1 }], today: day(14) });
    expect(sealed.steps[0]).toMatchObject({ ready: false, waitingFor: ['nat_round'] });
  });
});

describe('downgradedFrom leaves profiles without a chain of steps unchanged', () => {
  it('20 measures: a high area is low on day 5 with or without downgradedFrom', () => {
    const base = { params: twenty, kind: 'high', since: D0, infections: [D0], rounds: [], today: day(5) };
    expect(zoneClock({ ...base, downgradedFrom: 'low' })).toEqual(zoneClock(base));
    expect(zoneClock({ ...base, downgradedFrom: null }).liftOn).toBe(day(5));
  });
  it('2021: a 封控区 lifts on day 14 with or without downgradedFrom', () => {
    const base: ClockInput = { params: y2021, kind: 'sealed', since: `${D0}T10:00:00+08:00`, infections: [D0], rounds: [clean(13)], today: day(14) };
    expect(zoneClock({ ...base, downgradedFrom: 'controlled' })).toEqual(zoneClock(base));
    expect(zoneClock({ ...base, downgradedFrom: 'precaution' }).liftOn).toBe(day(14));
  });
  it('2021: a 管控区 that was a 封控区 keeps its own rule (the 封控区 has no step to 管控区)', () => {
    const base: ClockInput = { params: y2021, kind: 'controlled', since: `${D0}T10:00:00+08:00`, infections: [D0], rounds: [clean(13)], today: day(14) };
    expect(zoneClock({ ...base, downgradedFrom: 'sealed' })).toEqual(zoneClock(base));
  });
});

describe('20 measures (§1.3)', () => {
  it('a high area clean for 5 days is low on day 5', () => {
    expect(zoneClock({ params: twenty, kind: 'high', since: D0, infections: [D0], rounds: [], today: day(5) }))
      .toMatchObject({ liftOn: day(5), downgradeOn: null, steps: [{ to: 'low', due: day(5), ready: true, waitingFor: [] }] });
  });
  it('is not low on day 4', () => {
    const c = zoneClock({ params: twenty, kind: 'high', since: D0, infections: [D0], rounds: [], today: day(4) });
    expect(c.steps[0]).toMatchObject({ ready: false, waitingFor: ['clean_days'] });
  });
});

describe('2021 封控区 / 管控区 / 防范区 (§1.1)', () => {
  const sealed = (over: Partial<ClockInput>) => clock({ params: y2021, kind: 'sealed', ...over });
  it('lifts (to 防范区) no earlier than day 14, with a clean round within 2 days before', () => {
    const c = sealed({ rounds: [clean(13)], today: day(14) });
    expect(c.downgradeOn).toBeNull(); // 防范区 is lifted with the higher zones: a lift, not a downgrade
    expect(c.liftOn).toBe(day(14));
    expect(c.steps[0]).toMatchObject({ to: 'precaution', ready: true });
    expect(sealed({ rounds: [clean(13)], today: day(13) }).steps[0]).toMatchObject({ ready: false, waitingFor: ['clean_days'] });
  });
  it('a round 3 days before day 14 is too early; one held on day 16 moves the lift to day 16', () => {
    expect(sealed({ rounds: [clean(11)], today: day(14) }).steps[0]).toMatchObject({ ready: false, waitingFor: ['nat_round'] });
    expect(sealed({ rounds: [clean(11), clean(16)], today: day(16) }).steps[0]).toMatchObject({ due: day(16), ready: true });
  });
  it('waits until the last close contact is more than 14 days past exposure', () => {
    const c = sealed({ rounds: [clean(16)], lastContactExposureDate: day(2), today: day(16) });
    expect(c.liftOn).toBe(day(17)); // exposure on day 2: day 16 is 14 days past, day 17 is > 14
    expect(c.steps[0].waitingFor).toEqual(['last_contact']);
    expect(sealed({ rounds: [clean(16)], lastContactExposureDate: day(2), today: day(17) }).steps[0].ready).toBe(true);
  });
  it('plans the residents\' NAT on days 1, 4, 7, 10, 14 counted from the first day in force', () => {
    const c = sealed({ rounds: [clean(0), clean(3)], today: day(4) });
    const nat = c.requiredRounds.filter((r) => r.purpose === 'resident_nat');
    expect(nat.map((r) => [r.date, r.done])).toEqual([[day(0), true], [day(3), true], [day(6), false], [day(9), false], [day(13), false]]);
  });
  it('a positive inside a 管控区 after it was drawn turns it into a 封控区', () => {
    const c = clock({ params: y2021, kind: 'controlled', infections: [day(-1), day(3)], today: day(4) });
    expect(c).toMatchObject({ restarted: true, upgradeTo: 'sealed', dayZero: day(3) });
    expect(clock({ params: y2021, kind: 'controlled', infections: [day(-1), D0], today: day(4) }).upgradeTo).toBeNull();
  });
  it('the rest of the county lifts with the last of the others, unknown while any is unknown', () => {
    const a = sealed({ today: day(2) });
    const b = sealed({ infections: [day(3)], today: day(4) });
    const rest = clock({ params: y2021, kind: 'precaution', today: day(4) });
    expect(rest).toMatchObject({ steps: [], liftOn: null, downgradeOn: null });
    expect(restOfCountyLiftOn([a, b])).toBe(day(17));
    expect(restOfCountyLiftOn([a, b, rest])).toBeNull();
    expect(restOfCountyLiftOn([])).toBeNull();
  });
});

describe('day boundaries in Asia/Shanghai', () => {
  const reported = (instant: string) => clock({ params: twenty, infections: [shanghaiDate(instant)], today: '2022-07-20' }).liftOn;
  it('a case reported 23:30 +08:00 counts that day, one reported 00:30 the next day counts the next', () => {
    expect(reported('2022-07-10T23:30:00+08:00')).toBe('2022-07-15');
    expect(reported('2022-07-11T00:30:00+08:00')).toBe('2022-07-16');
  });
  it('a UTC instant in the evening is the next Shanghai day', () => {
    expect(reported('2022-07-10T16:30:00Z')).toBe('2022-07-16');
    expect(reported('2022-07-10T15:59:59Z')).toBe('2022-07-15');
  });
});

describe('a non-COVID profile: norovirus at a school', () => {
  it('closes the school until 3 days after the last case, then lifts (to: null)', () => {
    const c = zoneClock({ params: noro, kind: 'closure', since: '2022-10-10T09:00:00+08:00', infections: ['2022-10-09', '2022-10-11'], rounds: [], today: '2022-10-14' });
    expect(c).toMatchObject({ dayZero: '2022-10-11', dayNumber: 3, downgradeOn: null, liftOn: '2022-10-14', restarted: true, upgradeTo: null });
    expect(c.steps).toEqual([{ to: null, due: '2022-10-14', ready: true, waitingFor: [] }]);
  });
  it('rejects a kind the profile does not have', () => {
    expect(() => zoneClock({ params: noro, kind: 'sealed', since: D0, infections: [], rounds: [], today: D0 })).toThrow(/not in profile/);
  });
});

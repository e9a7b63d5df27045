// Contact quarantine and NAT calendars against domain-rules.md §1.5 ("Management durations") and
// the §7 quick test oracles, for each bundled rule profile.
import { describe, expect, it } from 'vitest';
import { contactSchedule, type ContactSchedule } from '../../../domain/loop/schedule.ts';
import { ED9, NORO, sh, TWENTY, Y2021 } from './loop-fixtures.ts';

function ok(params: unknown, category: 'closeContact' | 'secondaryContact', on: string): ContactSchedule {
  const r = contactSchedule(params, category, on);
  if (!r.ok) throw new Error(`expected a schedule, got ${r.reason}`);
  return r.schedule;
}
const natDates = (s: ContactSchedule, phase?: 'central' | 'home') => s.natDates.filter((n) => !phase || n.phase === phase).map((n) => n.date);

describe('ed.9 (cn-2022-ed9): close contact 7 d central + 3 d home health monitoring', () => {
  it('oracle: identified 2022-07-01 → central 07-01..07-07, home monitoring 07-08..07-10, NAT 07-01, 02, 03, 05, 07 and 07-10', () => {
    const s = ok(ED9, 'closeContact', '2022-07-01');
    expect(s).toMatchObject({ centralDays: 7, homeDays: 3, homeKind: 'monitoring',
      centralFrom: '2022-07-01', centralTo: '2022-07-07', homeFrom: '2022-07-08', homeTo: '2022-07-10' });
    expect(natDates(s, 'central')).toEqual(['2022-07-01', '2022-07-02', '2022-07-03', '2022-07-05', '2022-07-07']);
    expect(s.natDates.filter((n) => n.phase === 'home')).toEqual([{ date: '2022-07-10', phase: 'home', day: 3 }]);
    expect(s.natDates.map((n) => n.day)).toEqual([1, 2, 3, 5, 7, 3]);
  });
  it('secondary contact: 7 d home isolation from the day identified, NAT days 1, 4, 7, no central part', () => {
    const s = ok(ED9, 'secondaryContact', '2022-07-01');
    expect(s).toMatchObject({ centralDays: 0, homeDays: 7, homeKind: 'isolation', centralFrom: null, centralTo: null,
      homeFrom: '2022-07-01', homeTo: '2022-07-07' });
    expect(s.natDates).toEqual([1, 4, 7].map((day) => ({ date: `2022-07-0${day}`, phase: 'home', day })));
  });
});

describe('20 measures (cn-2022-20measures): 5 d central + 3 d home isolation; no secondary contacts', () => {
  it('oracle: identified 2022-11-15 → central 11-15..11-19, home isolation 11-20..11-22, NAT central 1,2,3,5 + home 1,3', () => {
    const s = ok(TWENTY, 'closeContact', '2022-11-15');
    expect(s).toMatchObject({ centralDays: 5, homeDays: 3, homeKind: 'isolation',
      centralFrom: '2022-11-15', centralTo: '2022-11-19', homeFrom: '2022-11-20', homeTo: '2022-11-22' });
    expect(natDates(s, 'central')).toEqual(['2022-11-15', '2022-11-16', '2022-11-17', '2022-11-19']);
    expect(natDates(s, 'home')).toEqual(['2022-11-20', '2022-11-22']);
  });
  it('secondary contacts are not identified under the 20 measures', () => {
    expect(contactSchedule(TWENTY, 'secondaryContact', '2022-11-15')).toEqual({ ok: false, reason: 'not_identified' });
  });
});

describe('2021 community scheme (cn-2021-community, ed.8 durations)', () => {
  it('close contact: 14 d central + 7 d home monitoring, NAT central days 1, 4, 7, 14, 双采双检 before release', () => {
    const s = ok(Y2021, 'closeContact', '2022-03-10');
    expect(s).toMatchObject({ centralDays: 14, homeDays: 7, homeKind: 'monitoring', centralTo: '2022-03-23',
      homeFrom: '2022-03-24', homeTo: '2022-03-30', dualSampleBeforeRelease: true });
    expect(natDates(s)).toEqual(['2022-03-10', '2022-03-13', '2022-03-16', '2022-03-23']);
    expect(s.natDates.every((n) => n.phase === 'central')).toBe(true);
  });
  it('secondary contact: 7 d central, NAT days 1 and 7, no home part', () => {
    const s = ok(Y2021, 'secondaryContact', '2022-03-10');
    expect(s).toMatchObject({ centralDays: 7, homeDays: 0, homeKind: null, centralTo: '2022-03-16', homeFrom: null, homeTo: null });
    expect(natDates(s, 'central')).toEqual(['2022-03-10', '2022-03-16']);
  });
});

describe('profiles without contact rules', () => {
  it('norovirus (school) has no close-contact rules → no_rules', () => {
    expect(contactSchedule(NORO, 'closeContact', '2022-07-01')).toEqual({ ok: false, reason: 'no_rules' });
    expect(contactSchedule(NORO, 'secondaryContact', '2022-07-01')).toEqual({ ok: false, reason: 'no_rules' });
  });
  it.each([
    ['no params at all', null],
    ['a block with no duration', { close_contact: { nat_days: [] } }],
    ['NAT days outside the central part', { close_contact: { central_days: 5, nat_days_central: [1, 7] } }],
    ['a malformed block', { close_contact: { central_days: 'seven' } }],
  ])('a profile we cannot follow plans nothing: %s', (_, p) => {
    expect(contactSchedule(p, 'closeContact', '2022-07-01')).toEqual({ ok: false, reason: 'no_rules' });
  });
});

describe('Asia/Shanghai day boundaries', () => {
  it('identified at 23:30 local counts that day as day 1', () => {
    const s = ok(ED9, 'closeContact', sh('2022-07-01T23:30:00'));
    expect([s.centralFrom, s.centralTo, s.homeTo]).toEqual(['2022-07-01', '2022-07-07', '2022-07-10']);
  });
  it('identified at 00:30 local (16:30Z the evening before) starts the next day', () => {
    const s = ok(ED9, 'closeContact', '2022-07-01T16:30:00Z');
    expect([s.centralFrom, s.centralTo, s.homeTo]).toEqual(['2022-07-02', '2022-07-08', '2022-07-11']);
    expect(natDates(s)[0]).toBe('2022-07-02');
  });
  it('crosses month and year ends', () => {
    expect(ok(TWENTY, 'closeContact', '2022-12-29')).toMatchObject({ centralTo: '2023-01-02', homeTo: '2023-01-05' });
  });
});

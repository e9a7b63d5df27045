// Daily tracing KPIs by Asia/Shanghai date of identification.
import { describe, expect, it } from 'vitest';
import { dailyKpis, KPI_MAX_DAYS, type KpiLoop } from '../../../domain/loop/kpi.ts';
import type { LoopStepState, PersonCategory } from '../../../domain/loop/types.ts';
import { row, sh } from './loop-fixtures.ts';

let nextId = 1;
const utc = (localTime: string) => new Date(sh(localTime)).toISOString();
/** A loop identified at `t0` (Shanghai wall time); each later step as [due, done] wall times. */
function loop(category: PersonCategory, t0: string, later: Partial<Record<'notified' | 'transferred', [string, string | null]>>): KpiLoop {
  const steps: LoopStepState[] = [row(nextId++, 'identified', { dueAt: utc(t0), doneAt: utc(t0) })];
  for (const name of ['notified', 'transferred'] as const) {
    const t = later[name];
    if (t) steps.push(row(nextId++, name, { dueAt: utc(t[0]), doneAt: t[1] === null ? null : utc(t[1]) }));
  }
  return { category, steps };
}

const LOOPS: KpiLoop[] = [
  // A: close contact, told in 1.5 h, transferred in 8 h
  loop('closeContact', '2022-07-01T10:00', { notified: ['2022-07-01T12:00', '2022-07-01T11:30'], transferred: ['2022-07-01T22:00', '2022-07-01T18:00'] }),
  // B: close contact at 23:30 (still 07-01), told in 2.5 h, transferred in 14 h (late, but done by the end of 07-02)
  loop('closeContact', '2022-07-01T23:30', { notified: ['2022-07-02T01:30', '2022-07-02T02:00'], transferred: ['2022-07-02T11:30', '2022-07-02T13:30'] }),
  // C: secondary contact isolated at home: no transfer in the plan, so not in the transfer KPI
  loop('secondaryContact', '2022-07-01T09:00', { notified: ['2022-07-01T11:00', '2022-07-01T10:00'] }),
  // D: a confirmed case transferred in 2 h: cases are not in the contacts' transfer KPI
  loop('confirmed', '2022-07-01T08:00', { notified: ['2022-07-01T10:00', '2022-07-01T08:30'], transferred: ['2022-07-01T20:00', '2022-07-01T10:00'] }),
  // E: close contact at 00:30 on 07-02 (16:30Z on 07-01): counts on 07-02; not told, not transferred yet
  loop('closeContact', '2022-07-02T00:30', { notified: ['2022-07-02T02:30', null], transferred: ['2022-07-02T12:30', null] }),
];

describe('dailyKpis', () => {
  it('counts each loop on the Shanghai date it was identified; transfer KPIs over contacts with a transfer only', () => {
    expect(dailyKpis(LOOPS, '2022-07-01', '2022-07-03', 12)).toEqual([
      { date: '2022-07-01', identified: 4, notifiedWithin2h: 3, transferredWithinN: 1, transferredPct: 50, medianHoursToTransfer: 11, overdueOpen: 0 },
      { date: '2022-07-02', identified: 1, notifiedWithin2h: 0, transferredWithinN: 0, transferredPct: 0, medianHoursToTransfer: null, overdueOpen: 2 },
      { date: '2022-07-03', identified: 0, notifiedWithin2h: 0, transferredWithinN: 0, transferredPct: null, medianHoursToTransfer: null, overdueOpen: 2 },
    ]);
  });
  it('N is the caller\'s: within 14 h both of 07-01\'s contacts count (the boundary is inclusive)', () => {
    expect(dailyKpis(LOOPS, '2022-07-01', '2022-07-01', 14)[0]).toMatchObject({ transferredWithinN: 2, transferredPct: 100 });
  });
  it('overdueOpen counts steps late and still open at the end of each day, or at `now` when it is earlier', () => {
    // at 10:00 on 07-02 only E's notification is late; B's and E's transfers are not due yet
    const rows = dailyKpis(LOOPS, '2022-07-01', '2022-07-03', 12, sh('2022-07-02T10:00:00'));
    expect(rows.map((r) => r.overdueOpen)).toEqual([0, 1, 1]);
  });
  it('percentages and medians have one decimal; an even count takes the mean of the middle two', () => {
    // identified at 08:00 on 07-05, transferred after 1 h, 2 h and 20 h
    const loops = ['2022-07-05T09:00', '2022-07-05T10:00', '2022-07-06T04:00'].map((done) =>
      loop('closeContact', '2022-07-05T08:00', { transferred: ['2022-07-05T20:00', done] }));
    expect(dailyKpis(loops, '2022-07-05', '2022-07-05', 12)[0]).toMatchObject({ transferredWithinN: 2, transferredPct: 66.7, medianHoursToTransfer: 2 });
    expect(dailyKpis(loops.slice(1), '2022-07-05', '2022-07-05', 12)[0]).toMatchObject({ medianHoursToTransfer: 11 });
  });
  it('a cancelled transfer is not in the plan any more', () => {
    const l = loop('closeContact', '2022-07-01T10:00', { transferred: ['2022-07-01T22:00', null] });
    l.steps[1] = { ...l.steps[1], cancelledAt: utc('2022-07-01T12:00') };
    expect(dailyKpis([l], '2022-07-01', '2022-07-02', 12)).toMatchObject([{ transferredPct: null, overdueOpen: 0 }, { overdueOpen: 0 }]);
  });
  it('an empty or reversed range gives no rows; a huge one is refused', () => {
    expect(dailyKpis(LOOPS, '2022-07-03', '2022-07-01', 12)).toEqual([]);
    expect(() => dailyKpis(LOOPS, '2022-01-01', '2030-01-01', 12)).toThrow(new RegExp(`at most ${KPI_MAX_DAYS} days`));
  });
});

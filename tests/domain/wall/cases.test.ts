// The wall's case figures: the day a case became known (report date, else the Shanghai day it was
// identified), the day it stopped being current, the counts for today and the 7-day trend, and
// the epi curve by onset and by report day.
import { describe, expect, it } from 'vitest';
import { caseCounts, caseFacts, currentOn, epiCurve, EPI_MAX_LEAD_DAYS, type CaseRecord } from '../../../domain/wall/cases.ts';
import { addDays } from '../../../domain/zones/calendar.ts';

const rec = (id: number, over: Partial<CaseRecord> = {}): CaseRecord => ({ id, category: 'confirmed', onsetDate: null, reportDate: null,
  identifiedAt: '2022-06-10T02:00:00.000Z', endedAt: null, status: 'active', updatedAt: '2022-06-10T02:00:00.000Z', leftAt: null, point: [114.2, 36.4], ...over });

describe('caseFacts', () => {
  it('is known on its report date, else on the Shanghai day it was identified (16:30Z is the next day there)', () => {
    expect(caseFacts(rec(1, { reportDate: '2022-06-08' })).knownOn).toBe('2022-06-08');
    expect(caseFacts(rec(2, { identifiedAt: '2022-06-10T16:30:00.000Z' })).knownOn).toBe('2022-06-11');
    expect(caseFacts(rec(3, { identifiedAt: '2022-06-10T15:59:59.999Z' })).knownOn).toBe('2022-06-10');
  });

  it('closes on discharge or closing, the end of the record, or the last update of a status set by hand', () => {
    expect(caseFacts(rec(1)).closedOn).toBeNull();
    expect(caseFacts(rec(2, { leftAt: '2022-06-20T00:30:00.000Z', status: 'released' })).closedOn).toBe('2022-06-20');
    expect(caseFacts(rec(3, { leftAt: '2022-06-20T00:30:00.000Z', endedAt: '2022-06-15T00:00:00.000Z' })).closedOn).toBe('2022-06-15');
    expect(caseFacts(rec(4, { status: 'closed', updatedAt: '2022-06-12T17:00:00.000Z' })).closedOn).toBe('2022-06-13');
  });

  it('is current from the day known until (not on) the day closed', () => {
    const c = caseFacts(rec(1, { reportDate: '2022-06-10', leftAt: '2022-06-14T02:00:00.000Z' }));
    expect(['2022-06-09', '2022-06-10', '2022-06-13', '2022-06-14'].map((d) => currentOn(c, d))).toEqual([false, true, true, false]);
  });
});

describe('caseCounts', () => {
  const cases = [
    rec(1, { reportDate: '2022-06-12' }), rec(2, { reportDate: '2022-06-12' }), rec(3, { reportDate: '2022-06-06' }),
    rec(4, { reportDate: '2022-06-05' }), rec(5, { reportDate: '2022-06-11', leftAt: '2022-06-12T01:00:00.000Z' }),
    rec(6, { reportDate: '2022-06-13' }), // tomorrow: not counted yet
  ].map(caseFacts);

  it('counts today, the 7 days ending today (oldest first), every case known so far and the current ones', () => {
    const c = caseCounts(cases, '2022-06-12');
    expect(c.today).toBe(2);
    expect(c.last7).toEqual([['2022-06-06', 1], ['2022-06-07', 0], ['2022-06-08', 0], ['2022-06-09', 0], ['2022-06-10', 0], ['2022-06-11', 1],
      ['2022-06-12', 2]].map(([date, count]) => ({ date, count })));
    expect(c.total).toBe(5);
    expect(c.active).toBe(4); // case 5 was discharged today
  });
});

describe('epiCurve', () => {
  it('bins cases by onset and by report day from the incident\'s first day to today', () => {
    const cases = [rec(1, { onsetDate: '2022-06-02', reportDate: '2022-06-03' }), rec(2, { onsetDate: '2022-06-02', reportDate: '2022-06-04' }),
      rec(3, { reportDate: '2022-06-04' })].map(caseFacts);
    expect(epiCurve(cases, '2022-06-01', '2022-06-04')).toEqual({ dates: ['2022-06-01', '2022-06-02', '2022-06-03', '2022-06-04'],
      byOnset: [0, 2, 0, 0], byReport: [0, 0, 1, 2] });
  });

  it('starts at an onset before the incident was declared, but not at a date typed months early; never after today', () => {
    const early = [rec(1, { onsetDate: '2022-05-29', reportDate: '2022-06-02' })].map(caseFacts);
    expect(epiCurve(early, '2022-06-01', '2022-06-02').dates[0]).toBe('2022-05-29');
    const typo = [rec(1, { onsetDate: '2021-06-01', reportDate: '2022-06-02' }), rec(2, { onsetDate: '2022-06-09', reportDate: '2022-06-09' })].map(caseFacts);
    const curve = epiCurve(typo, '2022-06-01', '2022-06-02');
    expect(curve.dates).toEqual(['2022-06-01', '2022-06-02']);
    expect(curve.byOnset).toEqual([0, 0]);
    const at = (days: number) => [rec(1, { onsetDate: addDays('2022-06-01', -days), reportDate: '2022-06-01' })].map(caseFacts);
    expect(epiCurve(at(EPI_MAX_LEAD_DAYS), '2022-06-01', '2022-06-01').dates).toHaveLength(EPI_MAX_LEAD_DAYS + 1);
    expect(epiCurve(at(EPI_MAX_LEAD_DAYS + 1), '2022-06-01', '2022-06-01').dates).toEqual(['2022-06-01']);
  });

  it('has the first day alone when the incident started today and nothing is known', () => {
    expect(epiCurve([], '2022-06-12', '2022-06-12')).toEqual({ dates: ['2022-06-12'], byOnset: [0], byReport: [0] });
  });
});

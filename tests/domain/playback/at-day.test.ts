// Playback of intervals (issue 6 item 3): day indices in Asia/Shanghai, what shows at the end of a
// day in state mode, and what had begun by then in cumulative mode.
import { describe, expect, it } from 'vitest';
import { atDay, clampDay, endedBy, showsOn } from '../../../domain/playback/at-day.ts';
import { dayIndexOf, indexPlayback, OPEN_END_DAY } from '../../../domain/playback/day-index.ts';
import { PLAYBACK } from './fixtures.ts';

const data = indexPlayback(PLAYBACK);
const ids = (items: { id: number }[]) => items.map((i) => i.id);

describe('day indices', () => {
  it('counts Shanghai days from the first day: 16:00Z is the next day, before the first day is negative', () => {
    expect(dayIndexOf('2022-06-01', '2022-06-01T15:59:59.999Z')).toBe(0);
    expect(dayIndexOf('2022-06-01', '2022-06-01T16:00:00.000Z')).toBe(1);
    expect(dayIndexOf('2022-06-01', '2022-06-03')).toBe(2);
    expect(dayIndexOf('2022-06-01', '2022-05-20T02:00:00.000Z')).toBe(-12);
  });

  it('indexes every interval once, open ends far beyond any incident', () => {
    expect(data.zones.map((z) => [z.fromDay, z.toDay])).toEqual([[-12, 2], [2, OPEN_END_DAY], [2, 2], [0, 0]]);
    expect(data.cases.map((c) => [c.knownDay, c.closedDay])).toEqual([[1, 3], [1, OPEN_END_DAY]]);
    expect(data.quarantine.map((q) => [q.fromDay, q.toDay])).toEqual([[-2, 2], [1, OPEN_END_DAY], [3, 4], [8, OPEN_END_DAY]]);
  });

  it('indexes nothing when the incident has no days', () => {
    expect(indexPlayback({ ...PLAYBACK, days: [] })).toEqual({ days: [], zones: [], cases: [], quarantine: [] });
  });
});

describe('atDay in state mode: what stood at the end of the day', () => {
  it('shows a zone lifted at the next midnight, not one lifted before the day ended', () => {
    expect(ids(atDay(data, 0, 'state').zones)).toEqual([1]); // zone version 4 ended at 23:59:59.999
    expect(ids(atDay(data, 1, 'state').zones)).toEqual([1]);
    expect(ids(atDay(data, 2, 'state').zones)).toEqual([2]); // the downgrade, not the noon-to-4-pm zone
    expect(ids(atDay(data, 4, 'state').zones)).toEqual([2]);
  });

  it('shows cases known and not closed (closedOn > d), people in quarantine from entry to release', () => {
    expect(ids(atDay(data, 0, 'state').cases)).toEqual([]);
    expect(ids(atDay(data, 2, 'state').cases)).toEqual([10, 11]);
    expect(ids(atDay(data, 3, 'state').cases)).toEqual([11]); // closed on 06-04
    expect(atDay(data, 1, 'state').quarantine).toHaveLength(2);
    expect(atDay(data, 3, 'state').quarantine.map((q) => q.central)).toEqual([true, false]);
    expect(atDay(data, 4, 'state').quarantine).toHaveLength(1); // home isolation ended 06-05 10:00
  });

  it('names the day it shows and keeps the index inside the incident', () => {
    expect(atDay(data, 3, 'state').day).toBe('2022-06-04');
    expect(atDay(data, 99, 'state').day).toBe('2022-06-05');
    expect(atDay(data, -3, 'state').day).toBe('2022-06-01');
    expect(clampDay(data, 2.7)).toBe(2);
    expect(clampDay({ days: [] }, 5)).toBe(0);
  });
});

describe('atDay in cumulative mode: everything begun by then', () => {
  it('keeps ended intervals and never shows one not begun', () => {
    expect(ids(atDay(data, 0, 'cumulative').zones)).toEqual([1, 4]);
    expect(ids(atDay(data, 4, 'cumulative').zones)).toEqual([1, 2, 3, 4]);
    expect(ids(atDay(data, 4, 'cumulative').cases)).toEqual([10, 11]);
    expect(atDay(data, 4, 'cumulative').quarantine).toHaveLength(3); // not the one after the last day
  });

  it('is a superset of state mode on every day', () => {
    for (let d = 0; d < data.days.length; d += 1) {
      const state = atDay(data, d, 'state');
      const all = atDay(data, d, 'cumulative');
      expect(all.zones).toEqual(expect.arrayContaining(state.zones));
      expect(all.cases).toEqual(expect.arrayContaining(state.cases));
      expect(all.quarantine).toEqual(expect.arrayContaining(state.quarantine));
    }
  });

  it('tells which shown intervals had ended (drawn faded)', () => {
    expect(showsOn(-12, 2, 3, 'cumulative') && endedBy(2, 3)).toBe(true);
    expect(showsOn(-12, 2, 3, 'state')).toBe(false);
    expect(endedBy(OPEN_END_DAY, 3)).toBe(false);
  });
});

// Asia/Shanghai calendar days (UTC+8, no DST since 1991): the unit of every zone clock.
import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, endOfShanghaiDay, maxDate, shanghaiDate } from '../../../domain/zones/calendar.ts';

describe('shanghaiDate', () => {
  it.each([
    ['2022-06-10T23:30:00+08:00', '2022-06-10'],
    ['2022-06-11T00:30:00+08:00', '2022-06-11'],
    ['2022-06-10T15:59:59.999Z', '2022-06-10'],
    ['2022-06-10T16:00:00Z', '2022-06-11'],   // midnight in Shanghai
    ['2022-06-10T16:30:00.000Z', '2022-06-11'],
    ['2022-12-31T16:00:00Z', '2023-01-01'],   // and a new year
    ['2022-06-10T01:00:00-05:00', '2022-06-10'],
    ['2022-06-18', '2022-06-18'],             // already a Shanghai date
    ['2022-06-18T07:30:00', '2022-06-18'],    // no offset: Shanghai wall time, never the machine's zone
  ])('%s is %s', (instant, date) => expect(shanghaiDate(instant)).toBe(date));
  it('the demo scenario now (2022-06-18T02:00:00Z) is 2022-06-18', () => {
    expect(shanghaiDate('2022-06-18T02:00:00Z')).toBe('2022-06-18');
  });
  it.each(['yesterday', '2022-13-01', '2022-02-30', ''])('rejects %j', (bad) => {
    expect(() => shanghaiDate(bad)).toThrow(RangeError);
  });
});

describe('addDays and daysBetween', () => {
  it('cross months, leap days and years', () => {
    expect(addDays('2022-06-28', 7)).toBe('2022-07-05');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2023-01-01', -1)).toBe('2022-12-31');
    expect(daysBetween('2022-06-28', '2022-07-05')).toBe(7);
    expect(daysBetween('2022-07-05', '2022-06-28')).toBe(-7);
    expect(daysBetween('2021-12-25', '2022-01-08')).toBe(14);
  });
  it('are inverse of each other', () => {
    for (let n = -400; n <= 400; n += 37) expect(daysBetween('2022-06-18', addDays('2022-06-18', n))).toBe(n);
  });
  it('reject fractional days and malformed dates', () => {
    expect(() => addDays('2022-06-18', 0.5)).toThrow(/integer/);
    expect(() => daysBetween('2022-6-1', '2022-06-18')).toThrow(/YYYY-MM-DD/);
  });
});

describe('endOfShanghaiDay', () => {
  it('is 23:59:59.999 +08:00 written as UTC, the stored timestamp format', () => {
    expect(endOfShanghaiDay('2022-06-18')).toBe('2022-06-18T15:59:59.999Z');
    expect(Date.parse(endOfShanghaiDay('2022-06-18'))).toBe(Date.parse('2022-06-18T23:59:59.999+08:00'));
    expect(shanghaiDate(endOfShanghaiDay('2022-12-31'))).toBe('2022-12-31');
  });
  it('compares as text with stored instants of that day and the next', () => {
    const end = endOfShanghaiDay('2022-06-10');
    expect('2022-06-10T15:30:00.000Z' <= end).toBe(true);  // 23:30 in Shanghai
    expect('2022-06-10T16:30:00.000Z' <= end).toBe(false); // 00:30 the next day
  });
});

describe('maxDate', () => {
  it('is the later date', () => expect([maxDate('2022-06-01', '2022-05-31'), maxDate('2022-05-31', '2022-06-01')]).toEqual(['2022-06-01', '2022-06-01']));
});

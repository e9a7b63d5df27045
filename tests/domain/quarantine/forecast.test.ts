// Rooms freed per Asia/Shanghai day by the release dates of their occupants.
import { describe, expect, it } from 'vitest';
import { releaseForecast } from '../../../domain/quarantine/forecast.ts';

describe('releaseForecast', () => {
  const occupants = [
    { roomId: 1, siteId: 1, releaseOn: '2022-06-12' },
    { roomId: 2, siteId: 1, releaseOn: '2022-06-14' },
    { roomId: 3, siteId: 2, releaseOn: '2022-06-14' },
    { roomId: 4, siteId: 2, releaseOn: '2022-06-10' }, // overdue: frees as soon as it is done
    { roomId: 5, siteId: 2, releaseOn: '2022-06-19' }, // after the window
    { roomId: 6, siteId: 3, releaseOn: '2022-06-30' },
  ];
  it('counts rooms per site per day for 7 days, overdue releases on the first day', () => {
    const f = releaseForecast(occupants, '2022-06-12', 7);
    expect(f.map((d) => d.date)).toEqual(['2022-06-12', '2022-06-13', '2022-06-14', '2022-06-15', '2022-06-16', '2022-06-17', '2022-06-18']);
    expect(f[0]).toEqual({ date: '2022-06-12', bySite: { 1: 1, 2: 1, 3: 0 }, total: 2 });
    expect(f[1]).toEqual({ date: '2022-06-13', bySite: { 1: 0, 2: 0, 3: 0 }, total: 0 });
    expect(f[2]).toEqual({ date: '2022-06-14', bySite: { 1: 1, 2: 1, 3: 0 }, total: 2 });
    expect(f.reduce((n, d) => n + d.total, 0)).toBe(4);
  });
  it('crosses months and counts a room once', () => {
    const f = releaseForecast([{ roomId: 1, siteId: 1, releaseOn: '2022-07-01' }, { roomId: 1, siteId: 1, releaseOn: '2022-07-01' }], '2022-06-29', 4);
    expect(f.map((d) => [d.date, d.total])).toEqual([['2022-06-29', 0], ['2022-06-30', 0], ['2022-07-01', 1], ['2022-07-02', 0]]);
  });
  it('gives empty days when nobody is housed', () => {
    expect(releaseForecast([], '2022-06-12', 2)).toEqual([{ date: '2022-06-12', bySite: {}, total: 0 }, { date: '2022-06-13', bySite: {}, total: 0 }]);
  });
  it('lists the sites asked for on every day, with zeros', () => {
    expect(releaseForecast([{ roomId: 1, siteId: 2, releaseOn: '2022-06-12' }], '2022-06-12', 1, [3, 1])).toEqual([{ date: '2022-06-12', bySite: { 1: 0, 2: 1, 3: 0 }, total: 1 }]);
  });
  it('rejects a bad window or date', () => {
    expect(() => releaseForecast([], '2022-06-12', 0)).toThrow(RangeError);
    expect(() => releaseForecast([{ roomId: 1, siteId: 1, releaseOn: '6/14' }], '2022-06-12', 7)).toThrow(RangeError);
  });
});

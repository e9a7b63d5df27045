// The per-day figures of the playback bar come from one sweep; they must equal what atDay() shows
// on each day (zones counted as zones, not versions, in cumulative mode).
import { describe, expect, it } from 'vitest';
import { atDay } from '../../../domain/playback/at-day.ts';
import { dailyCounts, sweep } from '../../../domain/playback/daily-counts.ts';
import { indexPlayback, OPEN_END_DAY, type IndexedPlayback } from '../../../domain/playback/day-index.ts';
import { siteDays } from '../../../domain/playback/site-days.ts';
import type { Playback } from '../../../domain/playback/types.ts';
import { PLAYBACK, SITE, SQUARE } from './fixtures.ts';

describe('sweep', () => {
  it('counts spans from day 0 when they began before, never after the last day, empty spans only when cumulative', () => {
    expect(sweep(4, [[-5, 2], [1, OPEN_END_DAY], [2, 2], [9, 12]])).toEqual({ state: [1, 2, 1, 1], cumulative: [1, 2, 3, 3] });
    expect(sweep(0, [[0, 1]])).toEqual({ state: [], cumulative: [] });
  });
});

describe('dailyCounts', () => {
  const counts = dailyCounts(indexPlayback(PLAYBACK));

  it('gives the fixture’s figures per day', () => {
    expect(counts.zones).toEqual({ state: [1, 1, 1, 1, 1], cumulative: [2, 2, 3, 3, 3] });
    expect(counts.zonesByKind.sealed).toEqual({ state: [1, 1, 0, 0, 0], cumulative: [2, 2, 3, 3, 3] });
    expect(counts.zonesByKind.precaution).toEqual({ state: [0, 0, 1, 1, 1], cumulative: [0, 0, 1, 1, 1] });
    expect(counts.cases).toEqual({ state: [0, 2, 2, 1, 1], cumulative: [0, 2, 2, 2, 2] });
    expect(counts.quarantine).toEqual({ state: [1, 2, 1, 2, 1], cumulative: [1, 2, 2, 3, 3] });
    expect(counts.central.state).toEqual([1, 2, 1, 1, 1]);
    expect(counts.home.state).toEqual([0, 0, 0, 1, 0]);
  });

  it('equals atDay() on every day for a random incident (zones: distinct zones when cumulative)', () => {
    const data = randomIncident(7, 40, 600);
    const counts = dailyCounts(data);
    for (let d = 0; d < data.days.length; d += 1) {
      const state = atDay(data, d, 'state');
      const all = atDay(data, d, 'cumulative');
      expect(counts.quarantine.state[d]).toBe(state.quarantine.length);
      expect(counts.quarantine.cumulative[d]).toBe(all.quarantine.length);
      expect(counts.cases.state[d]).toBe(state.cases.length);
      expect(counts.cases.cumulative[d]).toBe(all.cases.length);
      expect(counts.zones.state[d]).toBe(state.zones.length);
      expect(counts.zones.cumulative[d]).toBe(new Set(all.zones.map((z) => z.zoneId)).size);
    }
  });
});

describe('siteDays', () => {
  it('gives one entry per site and day once anyone had been there, with both modes’ counts', () => {
    expect(siteDays(indexPlayback(PLAYBACK))).toEqual([0, 1, 2, 3, 4].map((day) => ({
      point: SITE, day, state: [1, 2, 1, 1, 1][day], cumulative: [1, 2, 2, 2, 2][day] })));
  });
});

/** A seeded incident: `zones` zones of back-to-back versions, `people` quarantines and cases. */
function randomIncident(seed: number, days: number, people: number): IndexedPlayback {
  let s = seed;
  const rnd = (n: number) => { s = (s * 1_103_515_245 + 12_345) % 2 ** 31; return s % n; };
  const day = (i: number) => new Date(Date.UTC(2022, 4, 1 + i, rnd(24) - 8)).toISOString();
  const p: Playback = { days: Array.from({ length: days }, (_, i) => new Date(Date.UTC(2022, 4, 1 + i)).toISOString().slice(0, 10)),
    zones: [], cases: [], quarantine: [] };
  for (let zoneId = 1; zoneId <= 30; zoneId += 1) {
    let at = rnd(days + 10) - 5;
    for (let v = 0; v < 3; v += 1) {
      const end = at + rnd(8);
      p.zones.push({ id: zoneId * 10 + v, zoneId, kind: rnd(2) ? 'sealed' : 'controlled', colour: '#000', from: day(at),
        to: v === 2 && rnd(2) ? null : day(end), geometry: SQUARE });
      at = end;
    }
  }
  for (let i = 0; i < people; i += 1) {
    const from = rnd(days + 6) - 3;
    p.quarantine.push({ from: day(from), to: rnd(4) ? day(from + rnd(15)) : null, point: SITE, central: rnd(2) === 0 });
    const known = from + rnd(5);
    p.cases.push({ id: i, category: 'confirmed', knownOn: p.days[Math.min(days - 1, Math.max(0, known))],
      closedOn: rnd(3) ? p.days[Math.min(days - 1, Math.max(0, known + rnd(10)))] : null, point: SITE });
  }
  return indexPlayback(p);
}

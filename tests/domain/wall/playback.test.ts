// The playback's intervals over the incident's days: zone versions in force at some point of
// them (with the profile's colour), cases known by today, quarantines; what ended before the first
// day or begins after now is left out; home points rounded to ~10 m, site points kept.
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '../../../domain/wall/cases.ts';
import { playback, type PlaybackInput, type ZoneVersionRow } from '../../../domain/wall/playback.ts';
import type { QuarantineStep } from '../../../domain/wall/quarantine.ts';
import { UNKNOWN_KIND_COLOUR } from '../../../domain/wall/zones.ts';

const NOW = '2022-06-12T04:00:00.000Z'; // 12:00 on 06-12 in Shanghai
const square = { type: 'Polygon' as const, coordinates: [[[114.1, 36.4], [114.2, 36.4], [114.2, 36.5], [114.1, 36.4]]] };
const zone = (id: number, kind: string, from: string, to: string | null): ZoneVersionRow => ({ id, zoneId: 1, kind, from, to, geometry: square });
const kase = (id: number, over: Partial<CaseRecord>): CaseRecord => ({ id, category: 'confirmed', onsetDate: null, reportDate: '2022-06-05',
  identifiedAt: '2022-06-05T02:00:00.000Z', endedAt: null, status: 'active', updatedAt: '2022-06-05T02:00:00.000Z', leftAt: null,
  point: [114.123456, 36.456789], ...over });
const step = (personId: number, seq: number, over: Partial<QuarantineStep>): QuarantineStep => ({ personId, category: 'closeContact', id: personId * 10 + seq,
  step: 'quarantined', seq, doneAt: null, cancelledAt: null, site: null, home: [114.123456, 36.456789], ...over });
const PROFILE = { kinds: ['sealed'], styles: { sealed: { label: { zh: '封控区', en: 'Sealed area' }, rank: 3, colour: '#c62828' } } };

const input = (over: Partial<PlaybackInput> = {}): PlaybackInput => ({ incident: { startedAt: '2022-06-01T00:00:00.000Z' }, profile: PROFILE,
  zones: [], cases: [], quarantineSteps: [], ...over });

describe('playback', () => {
  it('lists the incident\'s Shanghai days from the first to today', () => {
    const p = playback(input(), NOW);
    expect(p.days[0]).toBe('2022-06-01');
    expect(p.days.at(-1)).toBe('2022-06-12');
    expect(p.days).toHaveLength(12);
  });

  it('keeps the zone versions in force during the days, with the profile\'s colour (grey for an unknown kind)', () => {
    const p = playback(input({ zones: [
      zone(1, 'sealed', '2022-04-01T00:00:00.000Z', '2022-05-31T15:59:00.000Z'), // ended before 06-01 00:00 Shanghai
      zone(2, 'sealed', '2022-04-01T00:00:00.000Z', '2022-06-03T00:00:00.000Z'),
      zone(3, 'other', '2022-06-03T00:00:00.000Z', null),
      zone(4, 'sealed', '2022-06-12T05:00:00.000Z', null), // after now
    ] }), NOW);
    expect(p.zones.map((z) => [z.id, z.colour, z.to])).toEqual([[2, '#c62828', '2022-06-03T00:00:00.000Z'], [3, UNKNOWN_KIND_COLOUR, null]]);
    expect(p.zones[0]).toMatchObject({ zoneId: 1, kind: 'sealed', from: '2022-04-01T00:00:00.000Z', geometry: square });
  });

  it('sends cases known by today with the day known and closed, points rounded to 4 decimals', () => {
    const p = playback(input({ cases: [kase(1, { leftAt: '2022-06-09T02:00:00.000Z' }), kase(2, { reportDate: '2022-06-13' }),
      kase(3, { reportDate: '2022-05-20', leftAt: '2022-05-25T00:00:00.000Z' })] }), NOW);
    expect(p.cases).toEqual([{ id: 1, category: 'confirmed', knownOn: '2022-06-05', closedOn: '2022-06-09', point: [114.1235, 36.4568] }]);
  });

  it('sends quarantines with the site\'s point kept and the home\'s rounded', () => {
    const site: [number, number] = [114.2012345, 36.4212345];
    const p = playback(input({ quarantineSteps: [step(1, 1, { doneAt: '2022-06-02T00:00:00.000Z', site }), step(1, 2, { step: 'released' }),
      step(2, 1, { doneAt: '2022-06-03T00:00:00.000Z' }), step(2, 2, { step: 'released' })] }), NOW);
    expect(p.quarantine).toEqual([{ from: '2022-06-02T00:00:00.000Z', to: null, point: [114.201235, 36.421235], central: true },
      { from: '2022-06-03T00:00:00.000Z', to: null, point: [114.1235, 36.4568], central: false }]);
  });

  it('is empty with no open incident', () => {
    expect(playback(input({ incident: null }), NOW)).toEqual({ days: [], zones: [], cases: [], quarantine: [] });
  });
});

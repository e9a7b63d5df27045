// Quarantine intervals from loop steps: a check-in with a room (central, at the site) until the
// release or the transfer to hospital; a check-in called off with the release kept (home
// isolation, at home); a contact with no central part (at home from being told); what does not
// count; and the count at an instant.
import { describe, expect, it } from 'vitest';
import type { LoopStepName } from '../../../domain/loop/types.ts';
import { inQuarantineAt, quarantineIntervals, type QuarantineStep } from '../../../domain/wall/quarantine.ts';
import type { LngLat } from '../../../domain/wall/types.ts';

const HOME: LngLat = [114.12, 36.42], SITE: LngLat = [114.2, 36.42];
let nextId = 1;
type Spec = [LoopStepName, { done?: string; cancelled?: string; site?: LngLat }?];
/** A person's steps in order (seq = position); times are UTC instants on 2022-06-xx. */
const person = (personId: number, category: string, specs: Spec[]): QuarantineStep[] => specs.map(([step, o = {}], i) => ({
  personId, category, id: nextId++, step, seq: i + 1, doneAt: o.done ?? null, cancelledAt: o.cancelled ?? null, site: o.site ?? null, home: HOME }));
const t = (day: number, hour = 0) => `2022-06-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00.000Z`;

describe('quarantineIntervals', () => {
  it('central: from the check-in to the release, at the site of the room', () => {
    const steps = person(1, 'closeContact', [['notified', { done: t(1) }], ['transferred', { done: t(1, 8), site: SITE }],
      ['quarantined', { done: t(1, 9), site: SITE }], ['tested', { done: t(2) }], ['released', { done: t(15, 2) }], ['homeMonitoring'], ['closed']]);
    expect(quarantineIntervals(steps)).toEqual([{ from: t(1, 9), to: t(15, 2), point: SITE, central: true }]);
  });

  it('is still open while the release is to come; not begun while the check-in is open', () => {
    const inRoom = person(1, 'closeContact', [['quarantined', { done: t(1, 9), site: SITE }], ['released']]);
    const onTheWay = person(2, 'closeContact', [['transferred', { done: t(1, 8) }], ['quarantined'], ['released']]);
    expect(quarantineIntervals([...inRoom, ...onTheWay])).toEqual([{ from: t(1, 9), to: null, point: SITE, central: true }]);
  });

  it('a positive NAT: the release is cancelled and the person stays in the room until the transfer to hospital', () => {
    const replanned = person(1, 'confirmed', [['quarantined', { done: t(1, 9), site: SITE }], ['tested', { done: t(3) }],
      ['released', { cancelled: t(3) }], ['transferScheduled'], ['transferred'], ['released']]);
    expect(quarantineIntervals(replanned)[0].to).toBeNull();
    replanned[4].doneAt = t(3, 6);
    expect(quarantineIntervals(replanned)[0]).toMatchObject({ from: t(1, 9), to: t(3, 6) });
  });

  it('ends at the earliest cancellation when every way out was cancelled and none is left open', () => {
    const dropped = person(1, 'closeContact', [['quarantined', { done: t(1, 9), site: SITE }], ['released', { cancelled: t(4) }], ['closed', { cancelled: t(5) }]]);
    expect(quarantineIntervals(dropped)[0].to).toBe(t(4));
  });

  it('a check-in with no room recorded is isolation at home', () => {
    expect(quarantineIntervals(person(1, 'closeContact', [['quarantined', { done: t(1, 9) }], ['released']])))
      .toEqual([{ from: t(1, 9), to: null, point: HOME, central: false }]);
  });

  it('no legal room (the check-in called off, the release kept): at home from the call-off to the release', () => {
    const home = person(1, 'closeContact', [['notified', { done: t(1) }], ['transferScheduled', { cancelled: t(1, 2) }], ['transferred', { cancelled: t(1, 2) }],
      ['quarantined', { cancelled: t(1, 2) }], ['tested', { done: t(2) }], ['released', { done: t(15, 2) }], ['closed']]);
    expect(quarantineIntervals(home)).toEqual([{ from: t(1, 2), to: t(15, 2), point: HOME, central: false }]);
  });

  it('a whole plan cancelled at once is no quarantine', () => {
    const gone = person(1, 'closeContact', [['quarantined', { cancelled: t(2) }], ['released', { cancelled: t(2) }]]);
    expect(quarantineIntervals(gone)).toEqual([]);
  });

  it('a contact with no central part (ed.9 secondary): at home from being told to the end of the home part', () => {
    const ed9 = person(1, 'secondaryContact', [['identified', { done: t(1) }], ['notified', { done: t(1, 1) }], ['tested', { done: t(2) }],
      ['homeMonitoring', { done: t(8) }], ['closed']]);
    expect(quarantineIntervals(ed9)).toEqual([{ from: t(1, 1), to: t(8), point: HOME, central: false }]);
  });

  it('cases in hospital and travellers monitored at home are not in quarantine', () => {
    const hospital = person(1, 'confirmed', [['notified', { done: t(1) }], ['transferred', { done: t(1, 4) }], ['released'], ['homeMonitoring'], ['closed']]);
    const traveller = person(2, 'atRiskTraveller', [['notified', { done: t(1) }], ['tested'], ['homeMonitoring'], ['closed']]);
    expect(quarantineIntervals([...hospital, ...traveller])).toEqual([]);
  });

  it('orders intervals by start, whatever the order of the steps', () => {
    const a = person(1, 'closeContact', [['quarantined', { done: t(3), site: SITE }], ['released']]);
    const b = person(2, 'closeContact', [['quarantined', { done: t(2), site: SITE }], ['released']]);
    expect(quarantineIntervals([...a, ...b].reverse()).map((iv) => iv.from)).toEqual([t(2), t(3)]);
  });
});

describe('inQuarantineAt', () => {
  const ivs = [
    { from: t(1), to: t(5), point: SITE, central: true },
    { from: t(2), to: null, point: SITE, central: true },
    { from: t(3), to: null, point: HOME, central: false },
  ];
  it('counts from ≤ at < to, central and at home', () => {
    expect(inQuarantineAt(ivs, t(2))).toEqual({ central: 2, home: 0 });
    expect(inQuarantineAt(ivs, t(5))).toEqual({ central: 1, home: 1 });
    expect(inQuarantineAt(ivs, t(1, 0).replace('00:00:00.000Z', '00:00:00.001Z'))).toEqual({ central: 1, home: 0 });
  });
});

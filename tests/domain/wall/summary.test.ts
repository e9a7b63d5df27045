// The wall summary's assembly: the server clock's Shanghai day, every alert level present, rooms
// free from the sites' counts, and what an absent incident leaves (nothing but empty figures).
import { describe, expect, it } from 'vitest';
import { wallSummary, type SummaryInput } from '../../../domain/wall/summary.ts';

const NOW = '2022-06-12T04:00:00.000Z';
const PROFILE = { kinds: ['sealed'], styles: { sealed: { label: { zh: '封控区', en: 'Sealed area' }, rank: 3, colour: '#c62828' } } };

describe('wallSummary', () => {
  const base: SummaryInput = { incident: { id: 1, name: '测试事件', startedAt: '2022-06-01T00:00:00.000Z' }, profile: PROFILE, cases: [],
    zoneCounts: [], sites: [{ id: 1, name: '隔离点', status: 'active', total: 3, occupied: 1 }, { id: 2, name: '备用', status: 'standby', total: 2, occupied: 0 }],
    quarantineSteps: [], teamLoops: [], reached: [], tasks: { open: 2, overdue: 1 }, alertCounts: [{ level: 'red', count: 2 }],
    latestAlerts: [], villages: [], townships: [] };

  it('dates everything on the server clock\'s Shanghai day and fills every alert level', () => {
    const s = wallSummary(base, NOW);
    expect(s.asOf).toBe(NOW);
    expect(s.incident).toEqual({ id: 1, name: '测试事件', startedAt: '2022-06-01T00:00:00.000Z', today: '2022-06-12' });
    expect(s.alerts.byLevel).toEqual({ red: 2, orange: 0, yellow: 0, blue: 0 });
    expect(s.quarantine).toMatchObject({ central: 0, home: 0, roomsTotal: 5, roomsFree: 4 });
    expect(s.epi.dates).toHaveLength(12);
    expect(s.zones).toEqual([{ kind: 'sealed', label: { zh: '封控区', en: 'Sealed area' }, rank: 3, colour: '#c62828', count: 0 }]);
  });

  it('has an empty epi curve and no incident when none is open', () => {
    const s = wallSummary({ ...base, incident: null }, NOW);
    expect(s.incident).toBeNull();
    expect(s.epi).toEqual({ dates: [], byOnset: [], byReport: [] });
    expect(s.cases.last7).toHaveLength(7);
  });
});

// The funnel in loop order and the overdue list by team: level from the oldest late step
// (domain/loop/overdue.ts thresholds), most overdue first, top 8, unassigned loops named.
import { describe, expect, it } from 'vitest';
import { LOOP_STEPS } from '../../../domain/loop/types.ts';
import { funnel, loopTotals, overdueByTeam, OVERDUE_TEAMS_TOP, UNASSIGNED_TEAM, type TeamLoops } from '../../../domain/wall/loops.ts';

const NOW = '2022-06-12T04:00:00.000Z';
const hoursAgo = (h: number) => new Date(Date.parse(NOW) - h * 3_600_000).toISOString();
const team = (teamId: number | null, overdue: number, lateHours: number | null, open = overdue + 1): TeamLoops =>
  ({ teamId, team: teamId === null ? null : `第${teamId}组`, open, overdue, oldestDueAt: lateHours === null ? null : hoursAgo(lateHours) });

describe('funnel', () => {
  it('lists every step in loop order, 0 where nobody got there', () => {
    const f = funnel([{ step: 'quarantined', persons: 3 }, { step: 'identified', persons: 9 }]);
    expect(f.map((x) => x.step)).toEqual([...LOOP_STEPS]);
    expect(f[0]).toEqual({ step: 'identified', reached: 9 });
    expect(f.find((x) => x.step === 'quarantined')!.reached).toBe(3);
    expect(f.find((x) => x.step === 'closed')!.reached).toBe(0);
  });
});

describe('overdueByTeam', () => {
  it('levels by the oldest late step: 1 late, 2 after 6 h, 3 after 24 h; worst hours to 0.1 h', () => {
    const rows = overdueByTeam([team(1, 1, 0.25), team(2, 1, 6.5), team(3, 1, 30)], NOW);
    expect(rows.map((r) => [r.teamId, r.level, r.worstHours])).toEqual([[3, 3, 30], [2, 2, 6.5], [1, 1, 0.3]]);
  });

  it('most overdue first, then the longest late; teams with nothing late are left out', () => {
    const rows = overdueByTeam([team(1, 2, 1), team(2, 5, 1), team(3, 2, 8), team(4, 0, null, 7)], NOW);
    expect(rows.map((r) => r.teamId)).toEqual([2, 3, 1]);
    expect(loopTotals([team(1, 2, 1), team(4, 0, null, 7)])).toEqual({ open: 10, overdue: 2 });
  });

  it('keeps the top 8 and names the loops no team answers for', () => {
    const rows = overdueByTeam([...Array.from({ length: 10 }, (_, i) => team(i + 1, i + 1, 2)), team(null, 20, 3)], NOW);
    expect(rows).toHaveLength(OVERDUE_TEAMS_TOP);
    expect(rows[0]).toEqual({ teamId: null, team: UNASSIGNED_TEAM, overdue: 20, worstHours: 3, level: 1 });
  });
});

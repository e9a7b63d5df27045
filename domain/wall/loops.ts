// The closed loop on the wall: the funnel (how many people each step has reached) and the overdue
// list by the team that answers for the late step. A loop is counted once, by its current step
// (the first open one, as on the board, people-registry.ts): a person stuck at `notified` has
// every later step past due as well, but only the tracing team can move them, so the later
// teams are not blamed for it. Levels are domain/loop/overdue.ts's (the escalation's).
import { escalationLevel } from '../loop/overdue.ts';
import { hoursBetween } from '../loop/time.ts';
import { LOOP_STEPS, type LoopStepName } from '../loop/types.ts';
import type { TeamOverdue } from './types.ts';

/** How many rows the overdue list keeps (the wall shows one screen of it). */
export const OVERDUE_TEAMS_TOP = 8;
/** The name shown for loops whose current step no team answers for. */
export const UNASSIGNED_TEAM = '未指派';

/** Every step in loop order with the distinct persons who have it done (0 for none). */
export function funnel(reached: { step: string; persons: number }[]): { step: LoopStepName; reached: number }[] {
  const by = new Map(reached.map((r) => [r.step, r.persons]));
  return LOOP_STEPS.map((step) => ({ step, reached: by.get(step) ?? 0 }));
}

/** Open loops per team of their current step: how many, how many past due, the oldest due time. */
export interface TeamLoops { teamId: number | null; team: string | null; open: number; overdue: number; oldestDueAt: string | null }

export function loopTotals(teams: TeamLoops[]): { open: number; overdue: number } {
  return { open: teams.reduce((n, t) => n + t.open, 0), overdue: teams.reduce((n, t) => n + t.overdue, 0) };
}

/** Teams with overdue loops, most overdue first (then the longest late, then team id), top
 * OVERDUE_TEAMS_TOP; `worstHours` is the oldest late step's lateness to 0.1 h at `now`. */
export function overdueByTeam(teams: TeamLoops[], now: string, top = OVERDUE_TEAMS_TOP): TeamOverdue[] {
  return teams.flatMap((t) => {
    if (t.overdue <= 0 || t.oldestDueAt === null) return [];
    const level = escalationLevel({ dueAt: t.oldestDueAt, doneAt: null, cancelledAt: null }, now);
    if (level === 0) return []; // due exactly now: not late yet
    return [{ teamId: t.teamId, team: t.team ?? UNASSIGNED_TEAM, overdue: t.overdue,
      worstHours: Math.round(hoursBetween(t.oldestDueAt, now) * 10) / 10, level }];
  }).sort((a, b) => b.overdue - a.overdue || b.worstHours - a.worstHours || (a.teamId ?? -1) - (b.teamId ?? -1)).slice(0, top);
}

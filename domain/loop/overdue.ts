// Escalation of a step past its deadline (issue 5: "a step past its deadline raises an alert and
// escalates"): the responsible team first, then the commander, then a red alert. The colours follow
// the early-warning scale (domain-rules.md §2.3: yellow, orange, red); the 6 h and 24 h steps are a
// local-practice choice (no national rule for loop escalation was found), exported so the server,
// the board and the tests share them.
import { hoursBetween } from './time.ts';

/** Overdue by more than this many hours → level 2: the commander is told (orange). */
export const ESCALATE_TO_COMMANDER_AFTER_HOURS = 6;
/** Overdue by more than this many hours → level 3: red alert. */
export const ESCALATE_TO_RED_AFTER_HOURS = 24;

export type EscalationLevel = 0 | 1 | 2 | 3;

/** The alert level the server raises per escalation level (0: no alert). */
export const ESCALATION_ALERT_LEVEL: Readonly<Record<EscalationLevel, 'yellow' | 'orange' | 'red' | null>> =
  Object.freeze({ 0: null, 1: 'yellow', 2: 'orange', 3: 'red' });

export interface DeadlineState { dueAt: string; doneAt: string | null; cancelledAt: string | null }

/** Hours an open step is past its deadline at `now`; 0 when done, cancelled or not yet due. */
export function overdueHours(step: DeadlineState, now: string): number {
  if (step.doneAt !== null || step.cancelledAt !== null) return 0;
  return Math.max(0, hoursBetween(step.dueAt, now));
}

/**
 * 0 not overdue (or done/cancelled); 1 overdue (the responsible team); 2 overdue by more than 6 h
 * (the commander, orange); 3 overdue by more than 24 h (red). A step exactly at its deadline is
 * not yet overdue; one millisecond later it is.
 */
export function escalationLevel(step: DeadlineState, now: string): EscalationLevel {
  if (step.doneAt !== null || step.cancelledAt !== null) return 0;
  const late = hoursBetween(step.dueAt, now);
  if (late > ESCALATE_TO_RED_AFTER_HOURS) return 3;
  if (late > ESCALATE_TO_COMMANDER_AFTER_HOURS) return 2;
  return late > 0 ? 1 : 0;
}

// The closed loop (闭环) of one person: every step between being found and being let go, each with
// a deadline and a responsible team, so nobody is lost between discovery and release (issue 5).
// Step names are the loop_steps.step column (server/db/schema-people.ts) and the demo generator's
// (geodata/scenario/loops.ts); a person's steps are ordered by `seq` (NAT steps repeat).

export const LOOP_STEPS = [
  'identified', 'notified', 'transferScheduled', 'transferred', 'quarantined', 'tested', 'released', 'homeMonitoring', 'closed',
] as const;
export type LoopStepName = (typeof LOOP_STEPS)[number];

export type PersonCategory = 'confirmed' | 'asymptomatic' | 'suspected' | 'closeContact' | 'secondaryContact' | 'atRiskTraveller';
export const CASE_CATEGORIES: readonly PersonCategory[] = ['confirmed', 'asymptomatic', 'suspected'];
export const CONTACT_CATEGORIES: readonly PersonCategory[] = ['closeContact', 'secondaryContact'];

export type TeamKind = 'field' | 'tracing' | 'transfer' | 'sampling' | 'command';

/**
 * Deadlines where the rule profile says nothing (the profile's loop_deadlines_hours wins where it
 * sets a value, see effectiveSla). No national hard limit exists for "close contact → transferred
 * within N hours" (domain-rules.md §1.6 "Not found"), so these are configurable, not rules.
 */
export interface SlaHours {
  /** Hours after identification to tell the person their measures. */
  notified: number;
  /** Hours after identification to book the closed-loop transfer. */
  transferScheduled: number;
  /** Hours after identification to deliver the person (site or designated hospital). */
  transferred: number;
  /** Hours after identification to have a contact checked into a room. */
  quarantined: number;
  /** Days in the designated hospital (day 1 = day identified) before discharge is due. */
  hospitalDays: number;
  /** Days of home health monitoring after a case's discharge. */
  caseHomeMonitoringDays: number;
  /** Days of home health monitoring of an at-risk traveller (day 1 = day identified). */
  travellerHomeDays: number;
}

export const DEFAULT_SLA: SlaHours = Object.freeze({
  notified: 2, // the 2-hour pattern of the reporting chain (domain-rules.md §2.1) and every cn- profile's loop_deadlines_hours
  transferScheduled: 6, // the profiles' value; leaves half of the transfer window for the trip
  transferred: 12, // the profiles' value (a local practice, §1.6: no national limit found)
  quarantined: 12, // check-in is the end of the transfer, so the same 12 h as transferred
  hospitalDays: 14, // the demo's discharge after day 14 (geodata/scenario/loops.ts); ed.8-era practice [M]
  caseHomeMonitoringDays: 14, // 出院后居家健康监测14天 (demo; ed.8/ed.9 [M])
  travellerHomeDays: 7, // ed.9 travellers from a medium-risk area: 7 d 居家医学观察 (§1.2)
});

export type Phase = 'central' | 'home' | 'hospital';

export interface PlannedStep {
  step: LoopStepName;
  /** 1-based order within the person's loop. */
  seq: number;
  /** ISO-8601 UTC instant. */
  dueAt: string;
  note: string | null;
  /** The part of the loop the step belongs to: NAT steps, check-in/release (central), discharge
   * (hospital), home monitoring (home); null for the steps before the person is placed. */
  phase: Phase | null;
  /** NAT day within its phase (day 1 = the phase's first day); null for other steps. */
  day: number | null;
}

export interface LoopStepState {
  id: number;
  step: LoopStepName;
  seq: number;
  dueAt: string;
  doneAt: string | null;
  cancelledAt: string | null;
  result: 'negative' | 'positive' | null;
  roomId: number | null;
  teamId: number | null;
  escalationLevel: number;
}

export function isCase(category: PersonCategory): boolean {
  return CASE_CATEGORIES.includes(category);
}

export function isContact(category: PersonCategory): category is 'closeContact' | 'secondaryContact' {
  return CONTACT_CATEGORIES.includes(category);
}

/**
 * §1.5: the category of a contact found through an index person — a case's contacts are close
 * contacts, a close contact's are secondary contacts; no edition identifies contacts of a
 * secondary contact or of an at-risk traveller (null). Whether the incident's profile identifies
 * secondary contacts at all (the 20 measures do not) is planLoop's 'not_identified'. The one rule
 * for POST /people/{id}/contacts and the contacts importer (server/import/check.ts).
 */
export function contactCategoryFor(index: PersonCategory): 'closeContact' | 'secondaryContact' | null {
  return isCase(index) ? 'closeContact' : index === 'closeContact' ? 'secondaryContact' : null;
}

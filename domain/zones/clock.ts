// A zone's clock: which day of its clean run it is on, when it may step down to a milder kind and
// when it lifts, under its profile's steps (profile.ts; domain-rules.md §1.1–1.3, §7 "Quick test
// oracles"). Day 0 is the Shanghai date of the last infection found inside the zone — every
// edition counts "N consecutive days without a new infection" from there — or the day the zone
// came into force when none was found. A later infection moves day 0 (restart, §1.2 "一区一策"
// extension; §1.2 Shanghai 2022-05-22 "any new positive restarts the clock"); under 2021 rules an
// infection inside a 管控区 also turns it into a 封控区 at once (§1.1, on_positive 'upgrade').
// A zone stepped down from a stricter kind keeps that kind's clock (ed.9 §1.2: high → medium on
// day 7, then low after "3 more clean days", i.e. day 10 — not after medium's own 7 days), until a
// new infection restarts it under its own kind's steps (see ClockInput.downgradedFrom).
import type { ClockStep, ProfileParams } from './profile.ts';
import { addDays, daysBetween, shanghaiDate } from './calendar.ts';
import { evaluateStep, type TestRound, type WaitingFor } from './clock-steps.ts';

export type { TestRound } from './clock-steps.ts';

export interface ClockInput {
  params: ProfileParams; kind: string;
  /** ISO instant this zone (in this kind) came into force. */
  since: string;
  /**
   * The kind this zone was stepped down from when it took `kind` at `since` (ed.9: 'high' for a
   * medium that was high), or null/absent. When that kind's steps include a step to `kind`, the
   * clock continues with the steps after it, from the same day 0 (ed.9 high → medium on day 7 →
   * low on day 10). An infection after `since` restarts the clock, and then `kind`'s own steps
   * apply (ed.9 medium: low 7 clean days after the new infection, with its day-7 round). Unknown
   * kinds, or a previous kind with no step to `kind`, also fall back to `kind`'s own steps.
   */
  downgradedFrom?: string | null;
  /** Shanghai dates of infections found inside the zone (report dates). The caller also passes
   * the date of every NAT round of the zone that found positives (clock-steps.ts): such a round
   * is a new infection and restarts the clock. */
  infections: string[];
  /** NAT rounds of everyone in the zone; a round with positives never qualifies a step. */
  rounds: TestRound[];
  /** Shanghai date of the last close contact's last exposure, for last_contact_clear_days. */
  lastContactExposureDate?: string | null;
  /** Shanghai date of the caller's now. */
  today: string;
}
export interface ClockStepResult { to: string | null; due: string; ready: boolean; waitingFor: WaitingFor[] }
export interface RequiredRound { date: string; purpose: 'resident_nat' | 'step'; done: boolean; negative: boolean | null }
export interface ClockResult {
  kind: string; dayZero: string; lastInfectionDate: string | null; dayNumber: number;
  steps: ClockStepResult[];
  /** The first step to a kind that still stands on its own (ed.9 high → medium: day 7). */
  downgradeOn: string | null;
  /** The step to null or to the lifted_with_higher kind (ed.9 high: day 10; 20 measures: day 5). */
  liftOn: string | null;
  requiredRounds: RequiredRound[];
  /** An infection after `since` moved day 0. */
  restarted: boolean;
  /** on_positive 'upgrade' and an infection after `since`: the kind the zone must become. */
  upgradeTo: string | null;
}

export function zoneClock(input: ClockInput): ClockResult {
  const { params, kind, today } = input;
  const rule = params.zones[kind];
  if (!rule) throw new RangeError(`zone kind "${kind}" is not in profile "${params.name_en}"`);
  const sinceDate = shanghaiDate(input.since);
  // Replay: infections reported after `today` had not happened yet.
  const seen = input.infections.filter((d) => d <= today);
  const lastInfectionDate = seen.length ? seen.reduce((a, b) => (a >= b ? a : b)) : null;
  const dayZero = lastInfectionDate ?? sinceDate;
  // Infection dates are whole days; one reported on the day the zone was drawn is taken to be the
  // reason it was drawn, so only a later day counts as a restart.
  const restarted = seen.some((d) => d > sinceDate);

  const steps: ClockStepResult[] = [];
  const required: RequiredRound[] = [];
  let previous: ClockStepResult | null = null;
  for (const step of clockSteps(params, kind, input.downgradedFrom ?? null, restarted)) {
    const o = evaluateStep(step, dayZero, previous?.due ?? null, today, input.rounds, input.lastContactExposureDate ?? null);
    // A step cannot be taken before the one it follows (ed.9: no low without first being medium).
    const waitingFor = [...new Set([...(previous?.waitingFor ?? []), ...o.waitingFor])];
    const result: ClockStepResult = { to: step.to, due: o.due, ready: o.ready && (previous?.ready ?? true), waitingFor };
    steps.push(result);
    previous = result;
    if (o.round) required.push(roundStatus(o.round.date, 'step', input.rounds, today));
  }
  // nat_days count from day 1 = the first day the zone is in force (§1.1: 封控区 days 1, 4, 7, 10, 14).
  for (const n of rule.nat_days) required.push(roundStatus(addDays(sinceDate, n - 1), 'resident_nat', input.rounds, today));
  required.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.purpose.localeCompare(b.purpose)));

  const standsAlone = (to: string | null) => to !== null && params.zones[to] !== undefined && !params.zones[to].lifted_with_higher;
  return {
    kind, dayZero, lastInfectionDate, dayNumber: daysBetween(dayZero, today), steps,
    downgradeOn: steps.find((s) => standsAlone(s.to))?.due ?? null,
    liftOn: steps.find((s) => !standsAlone(s.to))?.due ?? null,
    requiredRounds: required,
    restarted,
    upgradeTo: restarted && rule.on_positive === 'upgrade' ? rule.upgrade_to : null,
  };
}

/** The steps left on this zone's clock: the rest of the stricter kind's steps when the zone was
 * stepped down from it and no infection has restarted the clock since, else the kind's own. The
 * step already taken (to `kind`) is not repeated: the zone is already that kind. */
function clockSteps(params: ProfileParams, kind: string, downgradedFrom: string | null, restarted: boolean): ClockStep[] {
  const own = params.zones[kind].steps;
  if (downgradedFrom === null || restarted) return own;
  const from = params.zones[downgradedFrom]?.steps ?? [];
  const taken = from.findIndex((s) => s.to === kind);
  return taken < 0 ? own : from.slice(taken + 1);
}

function roundStatus(date: string, purpose: RequiredRound['purpose'], rounds: readonly TestRound[], today: string): RequiredRound {
  const held = rounds.filter((r) => r.date === date && r.date <= today && r.tested > 0);
  if (!held.length) return { date, purpose, done: false, negative: null };
  return { date, purpose, done: true, negative: held.every((r) => r.positives === 0) };
}

/** The rest of the county (the lifted_with_higher kind: 2021 防范区, ed.9 / 二十条 低风险区) lifts
 * when every higher zone has (§1.1, §1.2): the latest liftOn of the others; null when any of them
 * has no known lift date, or when there are none to wait for (the caller decides what that means). */
export function restOfCountyLiftOn(others: ClockResult[]): string | null {
  if (others.length === 0 || others.some((c) => c.liftOn === null)) return null;
  return others.reduce((max, c) => (c.liftOn! > max ? c.liftOn! : max), others[0].liftOn!);
}

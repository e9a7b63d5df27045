// One step of a zone's clock (profile.ts `clockStep`): when may a zone move to the next kind?
// The conditions are the lifting rules of domain-rules.md — §1.1 (2021 封控区/管控区: 14 clean
// days, the last close contact > 14 days past exposure, a NAT round of everyone within 2 days
// before lifting, all negative), §1.2 (ed.9 高→中: 7 clean days and an all-negative NAT round on
// day 7; 中→低 likewise; 高 then → 低 after 3 more clean days, i.e. cumulative day 10), §1.3
// (二十条: 5 clean days). A step is due on the latest date every condition allows; it is ready
// once that date has come and each condition is met by recorded facts, not by projection.
//
// A round that finds positives is never skipped silently: it never qualifies a step (only a round
// with tested > 0 and positives === 0 does, `clean` below), and the caller passes its date among
// the zone's infections (clock.ts ClockInput.infections; the server does), so day 0 moves to it
// and the clock restarts — the step then waits for a clean round on the new day N.
import type { ClockStep } from './profile.ts';
import { addDays, maxDate } from './calendar.ts';

/** A NAT round of everyone in the zone (zone_test_rounds). With positives > 0 it is also an
 * infection: the caller adds its date to the clock's infections. */
export interface TestRound { date: string; tested: number; positives: number }

export type WaitingFor = 'clean_days' | 'nat_round' | 'last_contact';

export interface StepOutcome {
  due: string; ready: boolean; waitingFor: WaitingFor[];
  /** The NAT round this step asks for: the date it was (or should be) held, and the round if held. */
  round: { date: string; held: TestRound | null } | null;
}

/** The only rounds that can qualify a step: held (tested > 0) and all negative. */
const clean = (r: TestRound) => r.tested > 0 && r.positives === 0;

/** The first clean round dated within [from, to] (inclusive; `to` null = open-ended). */
function firstCleanRound(rounds: readonly TestRound[], from: string, to: string | null): TestRound | null {
  let best: TestRound | null = null;
  for (const r of rounds) {
    if (!clean(r) || r.date < from || (to !== null && r.date > to)) continue;
    if (!best || r.date < best.date) best = r;
  }
  return best;
}

/**
 * Evaluates one step. `previousDue` keeps steps monotone (ed.9 high: medium on day 7 cannot come
 * after low on day 10). Rounds after `today` are ignored: the clock replays history (GET
 * /zones?at=) and must not see rounds that had not happened yet.
 */
export function evaluateStep(step: ClockStep, dayZero: string, previousDue: string | null, today: string,
  allRounds: readonly TestRound[], lastContactExposureDate: string | null): StepOutcome {
  const rounds = allRounds.filter((r) => r.date <= today);
  const waitingFor: WaitingFor[] = [];
  const cleanDaysEnd = addDays(dayZero, step.after_clean_days);
  let due = previousDue ? maxDate(cleanDaysEnd, previousDue) : cleanDaysEnd;
  if (cleanDaysEnd > today) waitingFor.push('clean_days');

  // §1.1 "the last close contact is >14 days past last exposure": exposure on day E clears on
  // E + 14 + 1. No known contact (null) leaves nothing to wait for.
  if (step.last_contact_clear_days !== null && lastContactExposureDate) {
    const clear = addDays(lastContactExposureDate, step.last_contact_clear_days + 1);
    due = maxDate(due, clear);
    if (clear > today) waitingFor.push('last_contact');
  }

  let round: StepOutcome['round'] = null;
  if (step.nat_round_on_day !== null) {
    // §1.2: the round is held on day N. A round missed on day N but held clean later is the
    // earliest date the condition could be checked, so it moves `due` to its date (our reading;
    // the annex does not say what happens when day N's round is missed).
    const planned = addDays(dayZero, step.nat_round_on_day);
    const held = firstCleanRound(rounds, planned, null);
    if (held) due = maxDate(due, held.date);
    else { waitingFor.push('nat_round'); due = maxDate(due, maxDate(planned, today)); }
    round = { date: held?.date ?? planned, held };
  }
  if (step.nat_round_within_days_before !== null) {
    // §1.1: a round within W days before the step. A clean round in [due − W, due] fits; a clean
    // round held later than `due` moves the step to that round's date.
    const held = firstCleanRound(rounds, addDays(due, -step.nat_round_within_days_before), null);
    if (held) due = maxDate(due, held.date);
    else {
      waitingFor.push('nat_round');
      due = maxDate(due, today);
    }
    // Planned the day before the step when W allows, so results are in hand on the day itself.
    const planned = step.nat_round_within_days_before > 0 ? maxDate(addDays(due, -1), today) : due;
    round = { date: held?.date ?? planned, held };
  }
  return { due, ready: waitingFor.length === 0 && due <= today, waitingFor, round };
}

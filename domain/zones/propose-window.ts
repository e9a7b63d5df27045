// Which cases and exposures a proposal counts (domain-rules.md §1.1, §1.2): a case counts while
// the zone drawn for it would not yet be lifted, and an exposure counts when it overlaps the
// case's infectious window — from `lookback_days` before onset (symptomatic) or before the
// positive sample (asymptomatic) until the end of the report day (then isolated).
import { addDays, endOfShanghaiDay } from './calendar.ts';
import type { ProfileParams } from './profile.ts';
import type { ProposalCase, ProposalExposure } from './propose-types.ts';

const startOfShanghaiDayMs = (date: string): number => Date.parse(`${date}T00:00:00+08:00`);
/** Per call: a city's cases share a few dozen dates, so each is parsed once. */
const memo = <T>(f: (date: string) => T) => {
  const seen = new Map<string, T>();
  return (date: string): T => (seen.has(date) ? seen.get(date)! : seen.set(date, f(date)).get(date)!);
};

/** Zones are drawn around infections (§1.1 "病例或无症状感染者"); a suspected case is not one yet. */
export const INFECTED_CATEGORIES: ReadonlySet<string> = new Set(['confirmed', 'asymptomatic']);

/** The date a case counts from: reported, else sampled, else onset. */
export const infectionDate = (c: ProposalCase): string | null => c.reportDate ?? c.sampleDate ?? c.onsetDate;

/** H: the largest cumulative clean days among the residence kind's steps — a case older than
 * this would already have let its residence zone step down (2021 封控区: 14; ed.9 高: 10). */
export function horizonDays(params: ProfileParams): number {
  const steps = params.zones[params.proposal.residence.kind]?.steps ?? [];
  return steps.reduce((h, s) => Math.max(h, s.after_clean_days), 0);
}

export interface CountedCase {
  case: ProposalCase;
  infectionDate: string;
  /** The infectious window in epoch ms, inclusive. */
  fromMs: number;
  toMs: number;
}

/** The cases that count on `today`, by person id, each with its exposure window. */
export function countedCases(params: ProfileParams, today: string, cases: readonly ProposalCase[]): Map<number, CountedCase> {
  const oldest = addDays(today, -horizonDays(params));
  const from = memo((anchor) => startOfShanghaiDayMs(addDays(anchor, -params.proposal.lookback_days)));
  const endOf = memo((date) => Date.parse(endOfShanghaiDay(date)));
  const out = new Map<number, CountedCase>();
  for (const c of cases) {
    const infection = infectionDate(c);
    if (!INFECTED_CATEGORIES.has(c.category) || infection === null || infection < oldest || infection > today) continue;
    const anchor = (c.category === 'asymptomatic' ? c.sampleDate : c.onsetDate) ?? c.sampleDate ?? c.onsetDate ?? infection;
    const last = c.reportDate ?? infection;
    out.set(c.id, {
      case: c, infectionDate: infection,
      fromMs: from(anchor),
      // a replay must not use what happened after `today`
      toMs: Math.min(endOf(last), endOf(today)),
    });
  }
  return out;
}

/** True when the exposure overlaps the case's window. */
export function inWindow(e: ProposalExposure, w: CountedCase): boolean {
  return Date.parse(e.startAt) <= w.toMs && Date.parse(e.endAt) >= w.fromMs;
}

export const stayHours = (e: ProposalExposure): number => (Date.parse(e.endAt) - Date.parse(e.startAt)) / 3_600_000;

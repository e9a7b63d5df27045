// Cases on the wall and in the playback (CASE_CATEGORIES: confirmed, asymptomatic, suspected):
// the day each became known — its report date, else the day the person was identified (a contact
// who tested positive keeps the day they were identified as a contact: the record has no other) —
// and the day it stopped being a current case: discharge or closing of its loop, the end of the
// record, or (for a status set by hand with no such step) the record's last update. The KPI
// figures and the epi curve are counted from these facts, so the wall's "active" is exactly what
// the playback shows on today in state mode.
import { addDays, shanghaiDate } from '../zones/calendar.ts';
import { dayRange, last7 } from './days.ts';
import type { LngLat } from './types.ts';

export interface CaseRecord {
  id: number; category: string; onsetDate: string | null; reportDate: string | null;
  /** persons.valid_from: when the person was identified. */
  identifiedAt: string;
  /** persons.valid_to: the record's end, or null. */
  endedAt: string | null;
  status: string; updatedAt: string;
  /** The first done 'released' (discharge) or 'closed' step after the person's last transfer (to
   * hospital), or null: a release from quarantine before they became a case is not a discharge. */
  leftAt: string | null;
  point: LngLat;
}

export interface CaseFacts { id: number; category: string; onsetOn: string | null; knownOn: string; closedOn: string | null; point: LngLat }

/** An epi curve starts at most this many days before the incident's first day: onsets before the
 * outbreak was declared belong on it (that is the curve's point), a date months earlier is a typo. */
export const EPI_MAX_LEAD_DAYS = 30;

const earliest = (dates: (string | null)[]): string | null =>
  dates.reduce<string | null>((m, d) => (d !== null && (m === null || d < m) ? d : m), null);

export function caseFacts(r: CaseRecord): CaseFacts {
  const ends = [r.leftAt, r.endedAt].map((t) => (t === null ? null : shanghaiDate(t)));
  let closedOn = earliest(ends);
  if (closedOn === null && r.status !== 'active') closedOn = shanghaiDate(r.updatedAt);
  return { id: r.id, category: r.category, onsetOn: r.onsetDate, knownOn: r.reportDate ?? shanghaiDate(r.identifiedAt), closedOn, point: r.point };
}

/** Known on or before `day` and not closed by then (closed on `day` = gone by its end). */
export const currentOn = (c: CaseFacts, day: string): boolean => c.knownOn <= day && (c.closedOn === null || c.closedOn > day);

export function caseCounts(cases: CaseFacts[], today: string) {
  const byDay = countBy(cases.map((c) => c.knownOn));
  return {
    today: byDay.get(today) ?? 0,
    last7: last7(today).map((date) => ({ date, count: byDay.get(date) ?? 0 })),
    total: cases.filter((c) => c.knownOn <= today).length,
    active: cases.filter((c) => currentOn(c, today)).length,
  };
}

/** Cases per day by onset and by report (known) day, from the earlier of the incident's first day
 * and the first onset or report (at most EPI_MAX_LEAD_DAYS before it) to today. Dates outside
 * that range (a typo, a future date) are left out rather than piled into an end bin. */
export function epiCurve(cases: CaseFacts[], startDay: string, today: string) {
  const floor = addDays(startDay, -EPI_MAX_LEAD_DAYS);
  const seen = cases.flatMap((c) => [c.onsetOn, c.knownOn]).filter((d): d is string => d !== null && d >= floor);
  const first = earliest([startDay < today ? startDay : today, ...seen])!;
  const dates = dayRange(first, today);
  const onset = countBy(cases.map((c) => c.onsetOn)), report = countBy(cases.map((c) => c.knownOn));
  return { dates, byOnset: dates.map((d) => onset.get(d) ?? 0), byReport: dates.map((d) => report.get(d) ?? 0) };
}

function countBy(keys: (string | null)[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) if (k !== null) out.set(k, (out.get(k) ?? 0) + 1);
  return out;
}

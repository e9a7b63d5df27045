// The playback's intervals as whole day indices into `days` (0 = the incident's first Shanghai
// day), computed once when the data arrive so every later question — "does it show on day d?" in
// the domain, a MapLibre filter on the map, the per-day counts — is an integer comparison.
// An interval [fromDay, toDay) shows in state mode on day d when fromDay ≤ d < toDay:
//   from ≤ end of day d  ⇔  shanghaiDate(from) ≤ d,
//   end of day d < to    ⇔  shanghaiDate(to) ≥ d + 1  (end of day = its last millisecond),
// so a zone lifted at 00:00 on day d + 1 still stood at the end of day d, and one lifted at noon
// on day d did not. A case known on d and closed on d' shows on days d … d' − 1 (closedOn > d).
import { daysBetween, shanghaiDate } from '../zones/calendar.ts';
import type { Playback, PlaybackCase, PlaybackQuarantine, PlaybackZone } from './types.ts';

/** The day index of an interval that has not ended. Finite (not Infinity) because it travels as
 * a GeoJSON property into MapLibre's worker; far beyond any incident's length (2,700 years). */
export const OPEN_END_DAY = 1_000_000;

export type IndexedZone = PlaybackZone & { fromDay: number; toDay: number };
export type IndexedCase = PlaybackCase & { knownDay: number; closedDay: number };
export type IndexedQuarantine = PlaybackQuarantine & { fromDay: number; toDay: number };

export interface IndexedPlayback {
  days: string[];
  zones: IndexedZone[];
  cases: IndexedCase[];
  quarantine: IndexedQuarantine[];
}

/** Day index of an instant or a 'YYYY-MM-DD' date, counted from `firstDay`; negative before it. */
export function dayIndexOf(firstDay: string, instantOrDate: string): number {
  return daysBetween(firstDay, shanghaiDate(instantOrDate));
}

const endIndexOf = (firstDay: string, end: string | null) => (end === null ? OPEN_END_DAY : dayIndexOf(firstDay, end));

/** Adds the day indices. An incident without days (none open) indexes nothing. */
export function indexPlayback(data: Playback): IndexedPlayback {
  const first = data.days[0];
  if (first === undefined) return { days: [], zones: [], cases: [], quarantine: [] };
  return {
    days: data.days,
    zones: data.zones.map((z) => ({ ...z, fromDay: dayIndexOf(first, z.from), toDay: endIndexOf(first, z.to) })),
    cases: data.cases.map((c) => ({ ...c, knownDay: dayIndexOf(first, c.knownOn), closedDay: endIndexOf(first, c.closedOn) })),
    quarantine: data.quarantine.map((q) => ({ ...q, fromDay: dayIndexOf(first, q.from), toDay: endIndexOf(first, q.to) })),
  };
}

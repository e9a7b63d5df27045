// Which intervals a playback shows on day d (issue 6 item 3; contract "Playback (H6)"): in state
// mode what stood at the end of that Asia/Shanghai day — zones in force, people in quarantine,
// cases known and not yet closed; in cumulative mode everything that had begun by then, ended or
// not (Kepler.gl's playback has neither durations nor this mode: peers.md §1.7, §3 item 8).
// The map applies the same rule as a MapLibre filter (web/map/playback-styles.ts).
import type { IndexedPlayback, IndexedCase, IndexedQuarantine, IndexedZone } from './day-index.ts';
import type { PlaybackMode } from './types.ts';

/** Whether [fromDay, toDay) shows on `day` in `mode`. */
export function showsOn(fromDay: number, toDay: number, day: number, mode: PlaybackMode): boolean {
  return fromDay <= day && (mode === 'cumulative' || day < toDay);
}

/** Whether an interval that shows had already ended by the end of `day` (drawn faded when cumulative). */
export const endedBy = (toDay: number, day: number): boolean => toDay <= day;

export interface DayView {
  day: string;
  zones: IndexedZone[];
  cases: IndexedCase[];
  quarantine: IndexedQuarantine[];
}

/** The day index kept inside 0 … days − 1 (a slider or a stale index never reads past the ends). */
export function clampDay(data: Pick<IndexedPlayback, 'days'>, day: number): number {
  const last = data.days.length - 1;
  return last < 0 ? 0 : Math.min(last, Math.max(0, Math.trunc(day)));
}

/** What shows on day index `day`. O(n): the figures of every day come from daily-counts.ts. */
export function atDay(data: IndexedPlayback, day: number, mode: PlaybackMode): DayView {
  const d = clampDay(data, day);
  return {
    day: data.days[d] ?? '',
    zones: data.zones.filter((z) => showsOn(z.fromDay, z.toDay, d, mode)),
    cases: data.cases.filter((c) => showsOn(c.knownDay, c.closedDay, d, mode)),
    quarantine: data.quarantine.filter((q) => showsOn(q.fromDay, q.toDay, d, mode)),
  };
}

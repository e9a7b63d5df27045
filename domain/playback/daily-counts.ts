// The figures of every day at once, for the playback bar's numbers and its mini-histogram: one
// sweep over the intervals (+1 where one begins, −1 where it ends, then a running sum), so the
// cost is O(n + days) instead of asking atDay() for each of the days (days × n).
// Zones are counted as zones, not versions: in state mode a zone has one version in force at a
// time; in cumulative mode a zone counts once from its first version (and once per kind it has
// had, for the per-kind figures).
import type { IndexedPlayback } from './day-index.ts';
import type { PlaybackMode } from './types.ts';

/** Per day index: what stood at the end of the day (state) and everything begun by then. */
export type Series = Record<PlaybackMode, number[]>;

export interface DailyCounts {
  zones: Series;
  zonesByKind: Record<string, Series>;
  quarantine: Series;
  central: Series;
  home: Series;
  cases: Series;
}

type Span = readonly [fromDay: number, toDay: number];

/** Counts of the spans over `days` days in both modes. Spans starting before day 0 count from 0. */
export function sweep(days: number, spans: Iterable<Span>): Series {
  const state = new Array<number>(days + 1).fill(0);
  const begun = new Array<number>(days + 1).fill(0);
  for (const [fromDay, toDay] of spans) {
    const from = Math.max(0, fromDay);
    if (from >= days) continue;
    begun[from] += 1;
    if (toDay > from) { state[from] += 1; state[Math.min(days, toDay)] -= 1; }
  }
  return { state: running(state, days), cumulative: running(begun, days) };
}

function running(deltas: number[], days: number): number[] {
  const out = new Array<number>(days);
  let sum = 0;
  for (let d = 0; d < days; d += 1) { sum += deltas[d]; out[d] = sum; }
  return out;
}

/** The first day each key began (a zone's first version, a zone's first version of a kind). */
function firstDays<T>(items: readonly T[], key: (item: T) => string, day: (item: T) => number): number[] {
  const first = new Map<string, number>();
  for (const item of items) {
    const k = key(item);
    first.set(k, Math.min(first.get(k) ?? Number.POSITIVE_INFINITY, day(item)));
  }
  return [...first.values()];
}

function zoneSeries(zones: IndexedPlayback['zones'], days: number): Series {
  return {
    state: sweep(days, zones.map((z) => [z.fromDay, z.toDay] as const)).state,
    cumulative: sweep(days, firstDays(zones, (z) => String(z.zoneId), (z) => z.fromDay).map((d) => [d, d] as const)).cumulative,
  };
}

export function dailyCounts(data: IndexedPlayback): DailyCounts {
  const n = data.days.length;
  const byKind = new Map<string, IndexedPlayback['zones']>();
  for (const z of data.zones) {
    const list = byKind.get(z.kind);
    if (list) list.push(z); else byKind.set(z.kind, [z]);
  }
  const quarantineOf = (central: boolean | null) => sweep(n, data.quarantine
    .filter((q) => central === null || q.central === central).map((q) => [q.fromDay, q.toDay] as const));
  return {
    zones: zoneSeries(data.zones, n),
    zonesByKind: Object.fromEntries([...byKind].map(([kind, zones]) => [kind, zoneSeries(zones, n)])),
    quarantine: quarantineOf(null),
    central: quarantineOf(true),
    home: quarantineOf(false),
    cases: sweep(n, data.cases.map((c) => [c.knownDay, c.closedDay] as const)),
  };
}

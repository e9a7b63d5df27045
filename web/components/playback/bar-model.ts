// What the playback bar shows, as pure functions tested without a browser: the zone figures per
// kind for a day, which days get a date label under the slider, and the mini-histogram's bars.
import type { DailyCounts } from '../../../domain/playback/daily-counts.ts';
import type { PlaybackMode, PlaybackZone } from '../../../domain/playback/types.ts';
import { strictnessOf } from '../../map/playback-features.ts';
import { CASE_COLOR, QUARANTINE_COLOR } from '../../map/playback-styles.ts';

/** The map's case and quarantine colours, lighter on the wall's dark bar where the map's own
 * would not stand out (the histogram's rows and the figures' swatches). */
export function barColours(dark: boolean): { case: string; quarantine: string } {
  return dark ? { case: '#ff6b6b', quarantine: '#b99ae8' } : { case: CASE_COLOR, quarantine: QUARANTINE_COLOR };
}

export interface KindFigure { kind: string; colour: string; count: number }

/** Zones per kind on `day`, strictest first; kinds with none that day are left out. */
export function kindFigures(counts: DailyCounts, zones: readonly PlaybackZone[], day: number, mode: PlaybackMode): KindFigure[] {
  const colour = new Map<string, string>();
  for (const z of zones) if (!colour.has(z.kind)) colour.set(z.kind, z.colour);
  return Object.entries(counts.zonesByKind)
    .map(([kind, series]) => ({ kind, colour: colour.get(kind) ?? '#888888', count: series[mode][day] ?? 0 }))
    .filter((f) => f.count > 0)
    .sort((a, b) => strictnessOf(b.kind) - strictnessOf(a.kind) || a.kind.localeCompare(b.kind));
}

/** Up to `max` day indices to label, evenly spread, always the first and the last. */
export function labelDays(dayCount: number, max = 6): number[] {
  if (dayCount <= 0) return [];
  if (dayCount === 1) return [0];
  const n = Math.max(2, Math.min(max, dayCount));
  const out = Array.from({ length: n }, (_, i) => Math.round((i * (dayCount - 1)) / (n - 1)));
  return out.filter((d, i) => out.indexOf(d) === i);
}

/** Bar heights 0 … 1 of a series (0 everywhere when it is all zeros); a non-zero day is never invisible. */
export function barHeights(series: readonly number[]): number[] {
  const max = Math.max(0, ...series);
  return series.map((v) => (max === 0 || v <= 0 ? 0 : Math.max(0.06, v / max)));
}

/** Where day `i` of `dayCount` sits along the slider's track, 0 … 1 (the thumb's centre). */
export const trackPosition = (i: number, dayCount: number): number => (dayCount <= 1 ? 0.5 : i / (dayCount - 1));

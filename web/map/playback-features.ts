// The playback's GeoJSON, built once per load (never per tick): every feature carries its day
// indices (fromDay/toDay, knownDay/closedDay, or the day of a site's count) so the map picks the
// day with a filter (playback-styles.ts). Pure; only geojson types.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { IndexedPlayback } from '../../domain/playback/day-index.ts';
import { siteDays } from '../../domain/playback/site-days.ts';

export const PLAYBACK_SOURCES = {
  zones: 'playback-zones', cases: 'playback-cases', home: 'playback-home', sites: 'playback-sites',
} as const;
export type PlaybackSource = keyof typeof PLAYBACK_SOURCES;

/** Stricter kinds draw on top; the mildest ones (防范区, 低风险区), which often cover the rest of
 * the district, are a tint. The playback data carry kind and colour but no profile rank. */
const STRICTNESS: Record<string, number> = { sealed: 3, high: 3, controlled: 2, medium: 2, precaution: 1, low: 1 };
export const strictnessOf = (kind: string): number => STRICTNESS[kind] ?? 2;

const point = (coordinates: [number, number], id: number, properties: Record<string, unknown>): Feature<Point> =>
  ({ type: 'Feature', id, geometry: { type: 'Point', coordinates }, properties });

export function playbackFeatures(data: IndexedPlayback): Record<PlaybackSource, FeatureCollection> {
  const zones = [...data.zones].sort((a, b) => strictnessOf(a.kind) - strictnessOf(b.kind) || a.fromDay - b.fromDay || a.id - b.id);
  const home = data.quarantine.filter((q) => !q.central);
  return {
    zones: { type: 'FeatureCollection', features: zones.map((z): Feature => ({ type: 'Feature', id: z.id, geometry: z.geometry,
      properties: { id: z.id, zoneId: z.zoneId, kind: z.kind, colour: z.colour, fromDay: z.fromDay, toDay: z.toDay,
        tint: strictnessOf(z.kind) <= 1 } })) },
    cases: { type: 'FeatureCollection', features: data.cases.map((c) =>
      point(c.point, c.id, { id: c.id, category: c.category, knownDay: c.knownDay, closedDay: c.closedDay })) },
    home: { type: 'FeatureCollection', features: home.map((q, i) => point(q.point, i + 1, { fromDay: q.fromDay, toDay: q.toDay })) },
    sites: { type: 'FeatureCollection', features: siteDays(data).map((s, i) =>
      point(s.point, i + 1, { day: s.day, state: s.state, cumulative: s.cumulative })) },
  };
}

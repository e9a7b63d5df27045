// The wall map's operational layers: zones (in the profile's colours from the summary), cases
// clustered when dense, checkpoints, quarantine and testing sites. Pure functions of `scale`
// (viewport width ÷ 1920): every size is the 1080p size × scale, so 4K is the same wall at 2×.
// Labels are counts only, at ≥ 20 px × scale; no names (the wall never shows popups either).
import type { ExpressionSpecification, GeoJSONSourceSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { CASE_CATEGORIES } from '../../domain/layers.ts';
import { CASE_COLORS, FALLBACK_COLOR, OCCUPANCY_STOPS, ZONE_COLORS } from './palette.ts';
import { FONT, inValues, matchBy, type SlottedLayer } from './style-kit.ts';
import { WALL_BASE_COLORS, WALL_LABEL_PX } from './wall-base-styles.ts';

export const WALL_SOURCES = { zones: 'wall-zones', cases: 'wall-cases', checkpoints: 'wall-checkpoints',
  quarantineSites: 'wall-quarantine-sites', testingSites: 'wall-testing-sites' } as const;

export const WALL_POINT_COLORS = { checkpoint: '#4cc9f0', testingSite: '#2ec4b6', cluster: '#ff5d5d' } as const;

/** Case statuses that no longer count as active (released from care, closed). */
const ENDED_CASE_STATUSES = new Set(['released', 'closed', 'recovered', 'dead']);

export interface ZoneKindLook { kind: string; colour: string; rank: number }

/** Zones for the wall: colour and rank from the summary's kinds (palette fallback), lifted ones
 * dropped, stricter kinds last so they draw over the areas they sit in, the lowest kind a tint. */
export function wallZoneFeatures(fc: FeatureCollection | undefined, kinds: readonly ZoneKindLook[]): FeatureCollection {
  const byKind = new Map(kinds.map((k) => [k.kind, k]));
  const lowest = Math.min(...kinds.map((k) => k.rank), Number.POSITIVE_INFINITY);
  const rank = (f: Feature) => byKind.get(String(f.properties?.kind))?.rank ?? 0;
  const features = (fc?.features ?? [])
    .filter((f) => f.properties?.status !== 'lifted' && f.properties?.status !== 'draft')
    .sort((a, b) => rank(a) - rank(b))
    .map((f): Feature => {
      const kind = String(f.properties?.kind);
      const look = byKind.get(kind);
      const colour = look?.colour ?? (ZONE_COLORS as Record<string, string>)[kind] ?? FALLBACK_COLOR;
      return { type: 'Feature', geometry: f.geometry,
        properties: { kind, colour, tint: look ? look.rank <= lowest : kind === 'precaution' || kind === 'low' } };
    });
  return { type: 'FeatureCollection', features };
}

/** Active cases only (a released case is history), as bare points with their category. */
export function wallCaseFeatures(fc: FeatureCollection | undefined): FeatureCollection {
  const features = (fc?.features ?? [])
    .filter((f) => f.geometry?.type === 'Point' && !ENDED_CASE_STATUSES.has(String(f.properties?.status)))
    .map((f): Feature => ({ type: 'Feature', geometry: f.geometry, properties: { category: f.properties?.category } }));
  return { type: 'FeatureCollection', features };
}

/** The clustered cases source: cases closer than ~44 px (× scale) merge into one counted circle. */
export function wallCaseSource(data: FeatureCollection, scale = 1): GeoJSONSourceSpecification {
  return { type: 'geojson', data, cluster: true, clusterRadius: Math.round(44 * scale), clusterMaxZoom: 15, clusterMinPoints: 3 };
}

const colour: ExpressionSpecification = ['get', 'colour'];
const tint: ExpressionSpecification = ['boolean', ['get', 'tint'], false];
const clustered: ExpressionSpecification = ['has', 'point_count'];

/** The zoom at which the 1080p wall shows what it shows at `zoom` (4K sees the same area one zoom in). */
export const wallZoom = (zoom: number, scale: number): number => zoom + Math.log2(scale);

export function wallZoneLayers(scale = 1, source: string = WALL_SOURCES.zones): SlottedLayer[] {
  // Lighter when the tour zooms in on a hot area: the cases inside a sealed zone must stand out.
  const opacity: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'],
    wallZoom(11, scale), ['case', tint, 0.07, 0.34], wallZoom(13, scale), ['case', tint, 0.05, 0.2]];
  return [
    { slot: 'zones', spec: { id: `${source}-fill`, type: 'fill', source,
      paint: { 'fill-color': colour, 'fill-opacity': opacity } } },
    { slot: 'zones', spec: { id: `${source}-line`, type: 'line', source, layout: { 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': ['case', tint, 1.5 * scale, 3 * scale], 'line-opacity': ['case', tint, 0.5, 1] } } },
  ];
}

export function wallCaseLayers(scale = 1, source: string = WALL_SOURCES.cases): SlottedLayer[] {
  const count: ExpressionSpecification = ['get', 'point_count'];
  return [
    { slot: 'points', spec: { id: `${source}-cluster`, type: 'circle', source, filter: clustered,
      paint: { 'circle-color': WALL_POINT_COLORS.cluster, 'circle-opacity': 0.88,
        'circle-radius': ['interpolate', ['linear'], count, 3, 17 * scale, 10, 22 * scale, 40, 32 * scale],
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 * scale, 'circle-stroke-opacity': 0.9 } } },
    { slot: 'points', spec: { id: `${source}-count`, type: 'symbol', source, filter: clustered,
      layout: { 'text-field': ['to-string', count], 'text-font': [FONT], 'text-size': WALL_LABEL_PX * scale,
        'text-allow-overlap': true, 'text-ignore-placement': true },
      paint: { 'text-color': '#ffffff', 'text-halo-color': '#7a0d0d', 'text-halo-width': 1.2 * scale } } },
    { slot: 'points', spec: { id: `${source}-point`, type: 'circle', source,
      filter: ['all', ['!', clustered], inValues('category', CASE_CATEGORIES)],
      paint: { 'circle-color': matchBy('category', CASE_COLORS, FALLBACK_COLOR), 'circle-radius': 8 * scale,
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 * scale } } },
  ];
}

const statusOpacity: ExpressionSpecification = ['match', ['get', 'status'], 'closed', 0.35, 'standby', 0.6, 1];

export function wallFacilityLayers(scale = 1): SlottedLayer[] {
  const occupancy = ['interpolate', ['linear'], ['to-number', ['get', 'occupancyRatio'], 0],
    ...OCCUPANCY_STOPS.flat()] as unknown as ExpressionSpecification;
  return [
    { slot: 'points', spec: { id: `${WALL_SOURCES.testingSites}-circle`, type: 'circle', source: WALL_SOURCES.testingSites,
      paint: { 'circle-color': WALL_POINT_COLORS.testingSite, 'circle-radius': 3.5 * scale, 'circle-opacity': ['*', 0.8, statusOpacity],
        'circle-stroke-color': WALL_BASE_COLORS.background, 'circle-stroke-width': 1 * scale } } },
    { slot: 'points', spec: { id: `${WALL_SOURCES.checkpoints}-circle`, type: 'circle', source: WALL_SOURCES.checkpoints,
      paint: { 'circle-color': WALL_BASE_COLORS.background, 'circle-radius': 6 * scale, 'circle-opacity': statusOpacity,
        'circle-stroke-color': WALL_POINT_COLORS.checkpoint, 'circle-stroke-width': 3 * scale, 'circle-stroke-opacity': statusOpacity } } },
    { slot: 'points', spec: { id: `${WALL_SOURCES.quarantineSites}-circle`, type: 'circle', source: WALL_SOURCES.quarantineSites,
      paint: { 'circle-color': occupancy, 'circle-radius': 11 * scale, 'circle-opacity': statusOpacity,
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 3 * scale } } },
  ];
}

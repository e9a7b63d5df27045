// The wall's base map: the same offline geodata as basemap-styles.ts, recoloured for a dark
// command-centre screen and sized by `scale` (viewport width ÷ 1920), so 3840×2160 is the 1080p
// wall at 2×. No small labels: only township names, at ≥ 20 px × scale (legible from 5 m).
import { LANDUSE_COLORS } from './palette.ts';
import { FONT, matchBy, type SlottedLayer } from './style-kit.ts';

export const WALL_BASE_COLORS = {
  background: '#08121f',
  water: '#1f5f95',
  road: '#3a4a61',
  majorRoad: '#52647f',
  district: '#7fd1ff',
  township: '#5f86bf',
  village: '#33507a',
  label: '#d6e6ff',
  halo: '#08121f',
} as const;

/** Land use in dark tones; every kind of LANDUSE_COLORS has one. */
export const WALL_LANDUSE_COLORS: Record<keyof typeof LANDUSE_COLORS, string> = {
  residential: '#17233a',
  industrial: '#1d1c33',
  mine: '#221f26',
  farmland: '#0e1d1c',
  forest: '#0c2422',
  hill: '#141d24',
  water: '#123a60',
  park: '#0f2622',
  heritage: '#241d27',
};

/** Label size in CSS px at 1920×1080: never under 20 (the wall's legibility floor). */
export const WALL_LABEL_PX = 22;

export function wallLanduseLayers(source = 'landuse'): SlottedLayer[] {
  return [{ slot: 'base', spec: { id: 'wall-landuse-fill', type: 'fill', source,
    paint: { 'fill-color': matchBy('kind', WALL_LANDUSE_COLORS, WALL_BASE_COLORS.background), 'fill-opacity': 0.95 } } }];
}

export function wallWaterwayLayers(scale = 1, source = 'waterways'): SlottedLayer[] {
  return [{ slot: 'base', spec: { id: 'wall-waterways-line', type: 'line', source,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': WALL_BASE_COLORS.water, 'line-width': matchBy('kind', { river: 3 * scale, canal: 2 * scale }, 1.2 * scale) } } }];
}

/** Major roads only (the district-wide load): a thin network that gives the map its grain. */
export function wallRoadLayers(scale = 1, source = 'roads'): SlottedLayer[] {
  return [{ slot: 'base', spec: { id: 'wall-roads-line', type: 'line', source,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': matchBy('class', { expressway: WALL_BASE_COLORS.majorRoad, trunk: WALL_BASE_COLORS.majorRoad }, WALL_BASE_COLORS.road),
      'line-width': matchBy('class', { expressway: 2.6 * scale, trunk: 2.2 * scale, primary: 1.6 * scale }, 1.1 * scale) } } }];
}

/** The district outline glows (a wide faint line under a crisp one); townships dashed; villages
 * only once the map has zoomed in on a hot area (`minzoom` rises by log2(scale) with the 2× wall). */
export function wallBoundaryLayers(layer: 'district' | 'townships' | 'villages', scale = 1): SlottedLayer[] {
  const line = (id: string, color: string, width: number, extra: Record<string, unknown> = {}, minzoom = 0): SlottedLayer => ({
    slot: 'boundaries', spec: { id, type: 'line', source: layer, minzoom,
      layout: { 'line-join': 'round' }, paint: { 'line-color': color, 'line-width': width, ...extra } } as SlottedLayer['spec'] });
  if (layer === 'district') {
    return [line('wall-district-glow', WALL_BASE_COLORS.district, 10 * scale, { 'line-opacity': 0.18, 'line-blur': 4 * scale }),
      line('wall-district-line', WALL_BASE_COLORS.district, 2.5 * scale)];
  }
  if (layer === 'townships') {
    return [line('wall-townships-line', WALL_BASE_COLORS.township, 1.5 * scale, { 'line-dasharray': [4, 2], 'line-opacity': 0.85 })];
  }
  return [line('wall-villages-line', WALL_BASE_COLORS.village, 1 * scale, { 'line-dasharray': [2, 2] }, 12 + Math.log2(scale))];
}

/** Township names, the map's only base labels: few, large, with a dark halo. */
export function wallTownshipLabelLayers(scale = 1, source = 'townships-labels'): SlottedLayer[] {
  return [{ slot: 'labels', spec: { id: 'wall-townships-label', type: 'symbol', source,
    layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': WALL_LABEL_PX * scale, 'text-max-width': 6,
      'text-padding': 6 * scale, 'text-letter-spacing': 0.05 },
    paint: { 'text-color': WALL_BASE_COLORS.label, 'text-opacity': 0.8, 'text-halo-color': WALL_BASE_COLORS.halo,
      'text-halo-width': 2 * scale } } }];
}

/** The outline of the hot area the tour is showing; WallFocus.vue sets the filter to its id. */
export const focusLayerId = (layer: 'villages' | 'townships'): string => `wall-focus-${layer}-line`;
export const focusFilter = (id: number | null) => ['==', ['get', 'id'], id ?? -1] as ['==', ['get', string], number];

export function wallFocusLayers(layer: 'villages' | 'townships', scale = 1): SlottedLayer[] {
  return [{ slot: 'labels', spec: { id: focusLayerId(layer), type: 'line', source: layer, filter: focusFilter(null),
    layout: { 'line-join': 'round' },
    paint: { 'line-color': '#ffffff', 'line-width': 4 * scale, 'line-opacity': 0.95, 'line-dasharray': [2, 1] } } }];
}

// The offline base map drawn from the API's own geodata: land use, water, roads, buildings,
// places and admin boundaries, plus their labels. Pure functions of a source id.
import type { ExpressionSpecification } from 'maplibre-gl';
import { BASE_COLORS, LANDUSE_COLORS, ROAD_COLORS } from './palette.ts';
import { FONT, haloText, matchBy, zoomRamp, type SlottedLayer } from './style-kit.ts';

/** Road classes drawn for the whole district at start; finer ones are fetched per viewport. */
export const MAJOR_ROAD_CLASSES = ['expressway', 'trunk', 'primary', 'secondary'] as const;
export const MINOR_ROAD_CLASSES = ['tertiary', 'residential', 'lane'] as const;
export const MINOR_ROADS_MIN_ZOOM = 13;
export const BUILDINGS_MIN_ZOOM = 14;
export const PLACES_MIN_ZOOM = 14;

/** Road width in pixels at zoom 10 and 17, by class; trunk roads read widest after expressways. */
const ROAD_WIDTH_Z10 = { expressway: 2.4, trunk: 2.2, primary: 1.6, secondary: 1.1, tertiary: 0.6, residential: 0.4, lane: 0.3 };
const ROAD_WIDTH_Z17 = { expressway: 16, trunk: 15, primary: 12, secondary: 10, tertiary: 8, residential: 6, lane: 4 };

export function roadWidth(extraPixels = 0): ExpressionSpecification {
  const at = (table: Record<string, number>) =>
    matchBy('class', Object.fromEntries(Object.entries(table).map(([k, v]) => [k, v + extraPixels])), 1 + extraPixels);
  return ['interpolate', ['exponential', 1.4], ['zoom'], 10, at(ROAD_WIDTH_Z10), 17, at(ROAD_WIDTH_Z17)];
}

export function landuseLayers(source = 'landuse'): SlottedLayer[] {
  return [{ slot: 'base', spec: { id: 'landuse-fill', type: 'fill', source,
    paint: { 'fill-color': matchBy('kind', LANDUSE_COLORS, BASE_COLORS.background), 'fill-opacity': 0.9 } } }];
}

export function waterwayLayers(source = 'waterways'): SlottedLayer[] {
  const width = matchBy('kind', { river: 2.5, canal: 1.6, stream: 0.9 }, 1);
  return [{ slot: 'base', spec: { id: 'waterways-line', type: 'line', source,
    layout: { 'line-cap': 'round', 'line-join': 'round' },
    paint: { 'line-color': BASE_COLORS.water, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, width, 16, ['*', width, 3]] } } }];
}

/** Casing, fill and (in the label slot) names along the line, for one roads source. */
export function roadLayers(source: string, minzoom = 0): SlottedLayer[] {
  const z = minzoom ? { minzoom } : {};
  return [
    { slot: 'base', spec: { id: `${source}-casing`, type: 'line', source, minzoom: Math.max(minzoom, 11),
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': BASE_COLORS.roadCasing, 'line-width': roadWidth(1.5) } } },
    { slot: 'base', spec: { id: `${source}-line`, type: 'line', source, ...z,
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': matchBy('class', ROAD_COLORS, '#ffffff'), 'line-width': roadWidth() } } },
    { slot: 'labels', spec: { id: `${source}-label`, type: 'symbol', source, minzoom: Math.max(minzoom, 13),
      filter: ['has', 'name'],
      layout: { 'symbol-placement': 'line', 'text-field': ['get', 'name'], 'text-font': [FONT],
        'text-size': zoomRamp([[13, 11], [17, 14]]), 'symbol-spacing': 320, 'text-rotation-alignment': 'map' },
      paint: haloText('#5b4a32', 2) } },
  ];
}

export function buildingLayers(source = 'buildings'): SlottedLayer[] {
  return [{ slot: 'base', spec: { id: 'buildings-fill', type: 'fill', source, minzoom: 14,
    paint: { 'fill-color': BASE_COLORS.building, 'fill-outline-color': BASE_COLORS.buildingOutline,
      'fill-opacity': zoomRamp([[14, 0.5], [15.5, 1]]) } } }];
}

export function placeLayers(source = 'places'): SlottedLayer[] {
  return [
    { slot: 'base', spec: { id: 'places-fill', type: 'fill', source, minzoom: 13,
      filter: ['==', ['geometry-type'], 'Polygon'],
      paint: { 'fill-color': BASE_COLORS.place, 'fill-opacity': 0.08, 'fill-outline-color': BASE_COLORS.place } } },
    { slot: 'base', spec: { id: 'places-circle', type: 'circle', source, minzoom: 14,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-color': BASE_COLORS.place, 'circle-radius': 3.5, 'circle-stroke-color': '#fff', 'circle-stroke-width': 1 } } },
  ];
}

export function placeLabelLayers(source = 'places-labels'): SlottedLayer[] {
  return [{ slot: 'labels', spec: { id: 'places-label', type: 'symbol', source, minzoom: 15,
    layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 12, 'text-max-width': 8 },
    paint: haloText('#6b4f35') } }];
}

/** Admin and grid boundaries; finer units appear as the map zooms in. */
export function boundaryLayers(layer: 'district' | 'townships' | 'villages' | 'grids'): SlottedLayer[] {
  const look = {
    district: { width: zoomRamp([[9, 2.5], [14, 4]]), dash: [3, 1.5], minzoom: 0, opacity: 0.9 },
    townships: { width: zoomRamp([[9, 1.2], [14, 2.5]]), dash: [4, 2], minzoom: 0, opacity: 0.8 },
    villages: { width: 0.8, dash: [2, 2], minzoom: 11, opacity: 0.6 },
    grids: { width: 0.7, dash: [1, 2], minzoom: 13.5, opacity: 0.55 },
  }[layer];
  return [{ slot: 'boundaries', spec: { id: `${layer}-line`, type: 'line', source: layer, minzoom: look.minzoom,
    paint: { 'line-color': BASE_COLORS.boundary, 'line-width': look.width, 'line-dasharray': look.dash,
      'line-opacity': look.opacity } } }];
}

/** Names at the label points of admin polygons: townships large, villages from zoom 12. */
export function adminLabelLayers(layer: 'townships' | 'villages' | 'grids'): SlottedLayer[] {
  const look = {
    townships: { size: zoomRamp([[9, 13], [12, 18], [14, 20]]), minzoom: 0, maxzoom: 14.5, color: '#4a2c6a' },
    villages: { size: zoomRamp([[12, 11], [15, 14]]), minzoom: 12, maxzoom: 24, color: '#5d4a6e' },
    grids: { size: 11, minzoom: 15, maxzoom: 24, color: '#7a6a8a' },
  }[layer];
  return [{ slot: 'labels', spec: { id: `${layer}-label`, type: 'symbol', source: `${layer}-labels`,
    minzoom: look.minzoom, maxzoom: look.maxzoom,
    layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': look.size, 'text-max-width': 8,
      'text-padding': 4 },
    paint: haloText(look.color, 2) } }];
}

// Layers of the administrator's team-area map: the grids or villages that can be picked by a
// click, and the team's selected areas on top. Pure: layer specs only, tested without WebGL.
import { BASE_COLORS } from './palette.ts';
import { FONT, haloText, matchBy, type SlottedLayer } from './style-kit.ts';

/** Source ids, also the prefixes of the layer ids the browser tests query. */
export const PICK_SOURCES = { grid: 'pick-grids', village: 'pick-villages' } as const;
export const TEAM_AREAS_SOURCE = 'admin-team-areas';

/** Selected areas by kind: picked units in the team colour, drawn polygons in a second hue. */
export const AREA_COLORS = {
  grid: '#1565c0',
  village: '#2e7d32',
  township: '#2e7d32',
  district: '#2e7d32',
  drawn: '#c2185b',
} as const;

/**
 * A pickable admin layer: a nearly clear fill (it must be drawn to be clickable; 0.06 also
 * shows where the hit areas are) and a solid outline so each unit is visible at district zoom.
 */
export function pickLayers(kind: 'grid' | 'village'): SlottedLayer[] {
  const source = PICK_SOURCES[kind];
  const color = kind === 'grid' ? '#5c6b8a' : '#6b5c8a';
  return [
    { slot: 'boundaries', spec: { id: `${source}-fill`, type: 'fill', source,
      paint: { 'fill-color': color, 'fill-opacity': 0.06 } } },
    { slot: 'boundaries', spec: { id: `${source}-line`, type: 'line', source,
      paint: { 'line-color': color, 'line-width': kind === 'grid' ? 0.8 : 1.2, 'line-opacity': 0.8 } } },
  ];
}

/** The labels of the pickable units, from zoom 13 when they are big enough to carry a name. */
export function pickLabelLayers(kind: 'grid' | 'village'): SlottedLayer[] {
  const source = PICK_SOURCES[kind];
  return [{ slot: 'labels', spec: { id: `${source}-label`, type: 'symbol', source: `${source}-labels`,
    minzoom: kind === 'grid' ? 14 : 12,
    layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 12, 'text-max-width': 8, 'text-padding': 4 },
    paint: haloText(BASE_COLORS.label, 2) } }];
}

/** The team's areas: a translucent fill and a bold outline coloured by area kind. */
export function teamAreaLayers(source = TEAM_AREAS_SOURCE): SlottedLayer[] {
  const color = matchBy('kind', AREA_COLORS, AREA_COLORS.grid);
  return [
    { slot: 'zones', spec: { id: `${source}-fill`, type: 'fill', source,
      paint: { 'fill-color': color, 'fill-opacity': 0.35 } } },
    { slot: 'zones', spec: { id: `${source}-line`, type: 'line', source,
      layout: { 'line-join': 'round' }, paint: { 'line-color': color, 'line-width': 2.5 } } },
  ];
}

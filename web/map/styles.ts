// Operational layers (zones, people, facilities) as MapLibre layer specs: pure functions of a
// source id. Ids such as 'cases-circle' are part of the browser-test contract; keep them.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { CASE_CATEGORIES, CONTACT_CATEGORIES, type LayerId } from '../../domain/layers.ts';
import {
  CASE_COLORS, CHECKPOINT_COLORS, CONTACT_COLORS, FALLBACK_COLOR, OCCUPANCY_STOPS, RESOURCE_COLORS,
  TESTING_SITE_COLORS, ZONE_COLORS,
} from './palette.ts';
import { FONT, haloText, inValues, matchBy, zoomRamp, type SlottedLayer } from './style-kit.ts';

const pointRadius = zoomRamp([[9, 3.5], [13, 6], [17, 10]]);

function circle(id: string, source: string, color: ExpressionSpecification | string,
  extra: Partial<Record<string, unknown>> = {}, filter?: ExpressionSpecification): SlottedLayer {
  const spec = {
    id, type: 'circle', source,
    paint: { 'circle-color': color, 'circle-radius': pointRadius, 'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 1.2, ...extra },
    ...(filter ? { filter } : {}),
  } as LayerSpecification;
  return { slot: 'points', spec };
}

function label(id: string, source: string, text: ExpressionSpecification, minzoom: number,
  color = '#1f2a44'): SlottedLayer {
  return { slot: 'points', spec: {
    id, type: 'symbol', source, minzoom,
    layout: { 'text-field': text, 'text-font': [FONT], 'text-size': 12, 'text-offset': [0, 1.1],
      'text-anchor': 'top', 'text-max-width': 10, 'text-optional': true },
    paint: haloText(color),
  } };
}

/** Dimmed when a facility is not in service. */
const statusOpacity: ExpressionSpecification = ['match', ['get', 'status'], 'closed', 0.35, 'standby', 0.6, 1];

export function zoneLayers(source = 'zones'): SlottedLayer[] {
  const color = matchBy('kind', ZONE_COLORS, FALLBACK_COLOR);
  // Lighter when zoomed in, where buildings and streets under the zone must stay readable.
  // The lowest kinds (防范区, 低风险区) often cover the rest of the district: a tint, not a wash.
  const byKind = (active: number): ExpressionSpecification =>
    ['match', ['get', 'kind'], ['precaution', 'low'], active * 0.25, active];
  const byStatus = (active: number): ExpressionSpecification =>
    ['match', ['get', 'status'], 'lifted', byKind(active * 0.2), 'downgraded', byKind(active * 0.5), byKind(active)];
  const fading: ExpressionSpecification = ['interpolate', ['linear'], ['zoom'], 11, byStatus(0.3), 16, byStatus(0.14)];
  return [
    { slot: 'zones', spec: { id: 'zones-fill', type: 'fill', source,
      paint: { 'fill-color': color, 'fill-opacity': fading } } },
    { slot: 'zones', spec: { id: 'zones-line', type: 'line', source,
      paint: { 'line-color': color, 'line-width': zoomRamp([[10, 1.5], [15, 3]]),
        'line-dasharray': ['match', ['get', 'status'], ['draft', 'proposed'], ['literal', [2, 1.5]], ['literal', [1, 0]]] } } },
  ];
}

export function zoneLabelLayers(source = 'zones-labels'): SlottedLayer[] {
  return [{ slot: 'labels', spec: { id: 'zones-label', type: 'symbol', source, minzoom: 12,
    layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 13, 'text-max-width': 8 },
    paint: haloText('#5a1010', 2) } }];
}

export function caseLayers(source = 'cases'): SlottedLayer[] {
  return [circle('cases-circle', source, matchBy('category', CASE_COLORS, FALLBACK_COLOR), {},
    inValues('category', CASE_CATEGORIES))];
}

export function contactLayers(source = 'contacts'): SlottedLayer[] {
  return [circle('contacts-circle', source, matchBy('category', CONTACT_COLORS, FALLBACK_COLOR),
    { 'circle-radius': zoomRamp([[9, 2.5], [13, 4.5], [17, 8]]) }, inValues('category', CONTACT_CATEGORIES))];
}

export function checkpointLayers(source = 'checkpoints'): SlottedLayer[] {
  return [
    circle('checkpoints-circle', source, matchBy('kind', CHECKPOINT_COLORS, FALLBACK_COLOR),
      { 'circle-radius': zoomRamp([[9, 4], [13, 7], [17, 10]]), 'circle-stroke-width': 2, 'circle-opacity': statusOpacity }),
    label('checkpoints-label', source, ['get', 'name'], 12.5, '#1d3f8f'),
  ];
}

/** Occupancy as '85/120' — what a duty officer reads off the wall. */
export const occupancyText: ExpressionSpecification =
  ['concat', ['to-string', ['get', 'roomsOccupied']], '/', ['to-string', ['get', 'roomsTotal']]];

export function quarantineSiteLayers(source = 'quarantine-sites'): SlottedLayer[] {
  const color = ['interpolate', ['linear'], ['to-number', ['get', 'occupancyRatio'], 0],
    ...OCCUPANCY_STOPS.flat()] as unknown as ExpressionSpecification;
  return [
    circle('quarantine-sites-circle', source, color, {
      'circle-radius': ['interpolate', ['linear'], ['zoom'],
        9, ['interpolate', ['linear'], ['to-number', ['get', 'roomsTotal'], 0], 0, 5, 400, 10],
        15, ['interpolate', ['linear'], ['to-number', ['get', 'roomsTotal'], 0], 0, 9, 400, 18]],
      'circle-stroke-width': 2, 'circle-opacity': 0.9,
    }),
    label('quarantine-sites-label', source,
      ['step', ['zoom'], occupancyText, 13, ['concat', ['get', 'name'], '\n', occupancyText]], 9, '#14213d'),
  ];
}

export function testingSiteLayers(source = 'testing-sites'): SlottedLayer[] {
  return [
    circle('testing-sites-circle', source, matchBy('kind', TESTING_SITE_COLORS, FALLBACK_COLOR),
      { 'circle-opacity': statusOpacity }),
    label('testing-sites-label', source, ['get', 'name'], 14, '#00574b'),
  ];
}

export function resourceLayers(source = 'resources'): SlottedLayer[] {
  return [
    circle('resources-circle', source, matchBy('kind', RESOURCE_COLORS, FALLBACK_COLOR),
      { 'circle-opacity': statusOpacity }),
    label('resources-label', source, ['get', 'name'], 14, '#4e342e'),
  ];
}

/** The layers of each operational data layer, keyed by the API's layer id. */
export const OPERATIONAL_STYLES: Partial<Record<LayerId, () => SlottedLayer[]>> = {
  zones: zoneLayers,
  cases: caseLayers,
  contacts: contactLayers,
  checkpoints: checkpointLayers,
  'quarantine-sites': quarantineSiteLayers,
  'testing-sites': testingSiteLayers,
  resources: resourceLayers,
};

/** Layers a click opens a popup for, most specific first (a point beats the zone under it). */
export const INTERACTIVE_LAYERS = [
  'cases-circle', 'contacts-circle', 'checkpoints-circle', 'quarantine-sites-circle',
  'testing-sites-circle', 'resources-circle', 'places-circle', 'buildings-fill', 'places-fill', 'zones-fill',
] as const;

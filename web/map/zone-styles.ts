// The /plan map's own layers: zones as they stand (fill in the profile's colour, outline solid
// when in force and dashed while proposed, a name + kind label), proposals (dashed outline, a
// nearly clear fill to click), and the checkpoints a drawn polygon would need. Pure: features
// are decorated with the colour and label text once here, so the layers read plain properties
// and a profile change needs no new layer spec. Layer ids are part of the browser-test contract.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { ImpactResult, ProfileSummary, ProposalFeature, ZoneFeature } from '../stores/plan-types.ts';
import { FALLBACK_COLOR } from './palette.ts';
import { FONT, haloText, zoomRamp, type SlottedLayer } from './style-kit.ts';

export const PLAN_SOURCES = { zones: 'plan-zones', proposals: 'plan-proposals', crossings: 'plan-crossings' } as const;
export const CROSSING_COLOR = '#1d3f8f';

export interface LabelText { kind: (kind: string) => string; proposed: string }

const colourOf = (profile: ProfileSummary | null, kind: string) => profile?.zones[kind]?.colour ?? FALLBACK_COLOR;
const rankOf = (profile: ProfileSummary | null, kind: string) => profile?.zones[kind]?.rank ?? 0;
/** The profile's lowest kind (防范区, 低风险区) usually covers the rest of the district: a tint, not a wash. */
const lowestRank = (profile: ProfileSummary | null) =>
  Math.min(...Object.values(profile?.zones ?? {}).map((z) => z.rank), Number.POSITIVE_INFINITY);

/** Zones for the map, stricter kinds last so they draw on top of the areas they sit in. */
export function zoneMapFeatures(zones: readonly ZoneFeature[], profile: ProfileSummary | null, text: LabelText,
  selectedId: number | null): FeatureCollection {
  const lowest = lowestRank(profile);
  const order = (f: ZoneFeature) => (f.properties.status === 'lifted' ? -1 : rankOf(profile, f.properties.kind));
  const features = [...zones].sort((a, b) => order(a) - order(b)).map((f): Feature => {
    const p = f.properties;
    const label = p.status === 'lifted' ? '' : `${p.name}\n${text.kind(p.kind)}${p.status === 'proposed' ? ` · ${text.proposed}` : ''}`;
    return { type: 'Feature', id: p.zoneId, geometry: f.geometry, properties: {
      zoneId: p.zoneId, name: p.name, kind: p.kind, status: p.status, colour: colourOf(profile, p.kind), label,
      tint: rankOf(profile, p.kind) <= lowest, selected: p.zoneId === selectedId } };
  });
  return { type: 'FeatureCollection', features };
}

/** Proposals for the map; the numeric id (list position + 1) is what a click on the map reports. */
export function proposalMapFeatures(items: readonly ProposalFeature[], profile: ProfileSummary | null, text: LabelText,
  selectedKey: string | null): FeatureCollection {
  return { type: 'FeatureCollection', features: items.map((f, i): Feature => ({
    type: 'Feature', id: i + 1, geometry: f.geometry, properties: {
      key: f.properties.key, name: f.properties.name, kind: f.properties.kind, colour: colourOf(profile, f.properties.kind),
      label: `${f.properties.name}\n${text.kind(f.properties.kind)}`, selected: f.properties.key === selectedKey } })) };
}

/** Where roads cross the drawn boundary: one checkpoint each. */
export function crossingFeatures(impact: ImpactResult | null): FeatureCollection<Point> {
  return { type: 'FeatureCollection', features: (impact?.crossings ?? []).map((c, i) => ({
    type: 'Feature', id: i + 1, geometry: { type: 'Point', coordinates: [c.lng, c.lat] },
    properties: { roadName: c.roadName ?? '', roadClass: c.roadClass } })) };
}

const colour: ExpressionSpecification = ['get', 'colour'];
const selected: ExpressionSpecification = ['boolean', ['get', 'selected'], false];
const is = (prop: string, value: string): ExpressionSpecification => ['==', ['get', prop], value];

export function planZoneLayers(source: string = PLAN_SOURCES.zones): SlottedLayer[] {
  const width = (base: number): ExpressionSpecification => ['case', selected, base + 2.5, ['boolean', ['get', 'tint'], false], 1.5, base];
  // Lighter when zoomed in, where the buildings under a zone must stay readable.
  const opacity = (scale: number): ExpressionSpecification => ['case',
    is('status', 'lifted'), 0.04 * scale, ['boolean', ['get', 'tint'], false], 0.08 * scale,
    is('status', 'proposed'), 0.18 * scale, 0.3 * scale];
  return [
    { slot: 'zones', spec: { id: `${source}-fill`, type: 'fill', source,
      paint: { 'fill-color': colour, 'fill-opacity': ['interpolate', ['linear'], ['zoom'], 11, opacity(1), 16, opacity(0.4)] } } },
    { slot: 'zones', spec: { id: `${source}-line`, type: 'line', source, layout: { 'line-join': 'round' },
      paint: { 'line-color': colour,
        // Zoom must be the outermost expression (style spec), so the case sits inside each stop.
        'line-width': ['interpolate', ['linear'], ['zoom'], 10, width(2), 15, width(3)],
        'line-opacity': ['case', is('status', 'lifted'), 0.45, 1],
        'line-dasharray': ['case', is('status', 'proposed'), ['literal', [2, 1.5]], is('status', 'lifted'), ['literal', [1, 2]],
          ['literal', [1, 0]]] } } },
  ];
}

export function planZoneLabelLayers(source: string = `${PLAN_SOURCES.zones}-labels`): SlottedLayer[] {
  return [{ slot: 'labels', spec: { id: `${PLAN_SOURCES.zones}-label`, type: 'symbol', source, minzoom: 11,
    filter: ['!=', ['get', 'label'], ''],
    layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': zoomRamp([[11, 14], [15, 16]]),
      'text-max-width': 10, 'text-line-height': 1.25, 'text-padding': 4 },
    paint: { ...haloText('#2a1a1a', 2.2), 'text-color': ['case', ['boolean', ['get', 'tint'], false], '#2a1a1a', colour] } } }];
}

export function proposalLayers(source: string = PLAN_SOURCES.proposals): SlottedLayer[] {
  return [
    { slot: 'zones', spec: { id: `${source}-fill`, type: 'fill', source,
      paint: { 'fill-color': colour, 'fill-opacity': ['case', selected, 0.22, 0.06] } } },
    { slot: 'zones', spec: { id: `${source}-line`, type: 'line', source, layout: { 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': ['case', selected, 4.5, 2.5], 'line-dasharray': ['literal', [3, 2]] } } },
  ];
}

export function proposalLabelLayers(source: string = `${PLAN_SOURCES.proposals}-labels`): SlottedLayer[] {
  return [{ slot: 'labels', spec: { id: `${PLAN_SOURCES.proposals}-label`, type: 'symbol', source, minzoom: 12,
    layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 14, 'text-max-width': 10, 'text-padding': 4 },
    paint: { ...haloText('#2a1a1a', 2.2), 'text-color': colour } } }];
}

export function crossingLayers(source: string = PLAN_SOURCES.crossings): SlottedLayer[] {
  return [
    { slot: 'points', spec: { id: `${source}-circle`, type: 'circle', source,
      paint: { 'circle-color': CROSSING_COLOR, 'circle-radius': zoomRamp([[11, 5], [16, 8]]),
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } } },
    { slot: 'points', spec: { id: `${source}-label`, type: 'symbol', source, minzoom: 14, filter: ['!=', ['get', 'roadName'], ''],
      layout: { 'text-field': ['get', 'roadName'], 'text-font': [FONT], 'text-size': 14, 'text-offset': [0, 1.2],
        'text-anchor': 'top', 'text-optional': true },
      paint: haloText(CROSSING_COLOR, 2) } },
  ];
}

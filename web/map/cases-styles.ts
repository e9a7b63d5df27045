// The /cases map's own layers. Trajectory (流调): one person's home, the exposure places in time
// order (numbered, labelled with the place and its time window) and the path between them.
// Chains: lines between the homes of linked persons, dashed lines from homes to the places they
// visited, persons in their category colour. Pure: features carry their colour, label and role
// once decorated here, so the layers read plain properties. Layer ids are part of the e2e contract.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { CASE_CATEGORY_SET, type ChainData, type Exposure } from '../stores/cases-types.ts';
import { categoryColor } from './palette.ts';
import { FONT, haloText, zoomRamp, type SlottedLayer } from './style-kit.ts';

export const CASES_SOURCES = { trajectory: 'cases-trajectory', chain: 'cases-chain' } as const;
export const HOME_COLOR = '#1f2430';
export const PLACE_COLOR = '#0b6e99';
export const VISIT_COLOR = '#5c6b7a';

export interface TrajectoryText {
  home: string;
  /** e.g. '6月10日 08:00–10:30' */
  window: (startAt: string, endAt: string) => string;
}
type Lnglat = [number, number];
/** A contact of the person whose home is known (the chain data has every person's home). */
export interface TrajectoryContact { personId: number; category: string; point: Lnglat }

const point = (coordinates: Lnglat, properties: Record<string, unknown>, id?: number): Feature<Point> =>
  ({ type: 'Feature', ...(id === undefined ? {} : { id }), geometry: { type: 'Point', coordinates }, properties });
const line = (coordinates: Lnglat[], properties: Record<string, unknown>): Feature<LineString> =>
  ({ type: 'Feature', geometry: { type: 'LineString', coordinates }, properties });

/** One person's trajectory: home, then each exposure place in time order, and contacts' homes. */
export function trajectoryFeatures(home: Point | null, exposures: readonly Exposure[], contacts: readonly TrajectoryContact[],
  category: string, text: TrajectoryText): FeatureCollection {
  const features: Feature[] = [];
  const stops = exposures.filter((e) => e.point).map((e, i) => ({ e, n: i + 1, at: e.point as Lnglat }));
  const homeAt = home ? (home.coordinates as Lnglat) : null;
  const path = [...(homeAt ? [homeAt] : []), ...stops.map((s) => s.at)];
  if (path.length > 1) features.push(line(path, { role: 'path', colour: categoryColor(category) }));
  for (const c of contacts) {
    if (homeAt) features.push(line([homeAt, c.point], { role: 'contactLink', colour: categoryColor(c.category) }));
    features.push(point(c.point, { role: 'contact', personId: c.personId, colour: categoryColor(c.category), label: '' }, c.personId));
  }
  for (const s of stops) {
    features.push(point(s.at, { role: 'place', order: s.n, colour: PLACE_COLOR,
      label: `${s.n} ${s.e.name ?? ''}\n${text.window(s.e.startAt, s.e.endAt)}`.trim() }, s.e.id));
  }
  if (homeAt) features.push(point(homeAt, { role: 'home', colour: categoryColor(category), label: text.home }));
  return { type: 'FeatureCollection', features };
}

/** The chains on the map: links between homes, visits from homes to places, then the points. */
export function chainFeatures(data: ChainData, selectedId: number | null): FeatureCollection {
  const home = new Map(data.nodes.filter((n) => n.point).map((n) => [n.id, n.point as Lnglat]));
  const category = new Map(data.nodes.map((n) => [n.id, n.category]));
  const features: Feature[] = [];
  for (const l of data.links) {
    const [a, b] = [home.get(l.from), home.get(l.to)];
    if (a && b) features.push(line([a, b], { role: 'link', type: l.type, colour: categoryColor(category.get(l.from) ?? ''),
      selected: l.from === selectedId || l.to === selectedId, dim: selectedId !== null && l.from !== selectedId && l.to !== selectedId }));
  }
  for (const p of data.places) {
    const a = home.get(p.personId);
    if (a) features.push(line([a, p.point], { role: 'visit', personId: p.personId, selected: p.personId === selectedId,
      dim: selectedId !== null && p.personId !== selectedId }));
  }
  const places = new Map(data.places.map((p) => [p.placeId ?? `${p.point.join(',')}`, p]));
  for (const p of places.values()) features.push(point(p.point, { role: 'place', name: p.name ?? '' }));
  // Cases after contacts: the chain's cases stay visible over the clouds of contacts around them.
  const caseLast = [...data.nodes].sort((a, b) => Number(CASE_CATEGORY_SET.has(a.category)) - Number(CASE_CATEGORY_SET.has(b.category)));
  for (const n of caseLast) {
    if (n.point) features.push(point(n.point, { role: 'person', personId: n.id, category: n.category,
      colour: categoryColor(n.category), selected: n.id === selectedId }, n.id));
  }
  // The selected person's lines last, so they draw over the dimmed rest.
  const last = (f: Feature) => (f.properties?.selected ? 1 : 0);
  return { type: 'FeatureCollection', features: features.map((f, i) => ({ f, i })).sort((a, b) => last(a.f) - last(b.f) || a.i - b.i).map((x) => x.f) };
}

const colour: ExpressionSpecification = ['get', 'colour'];
const role = (r: string): ExpressionSpecification => ['==', ['get', 'role'], r];
const selected: ExpressionSpecification = ['boolean', ['get', 'selected'], false];
/** With a person open, the other chains step back so theirs can be read. */
const dim: ExpressionSpecification = ['boolean', ['get', 'dim'], false];

export function trajectoryLayers(source: string = CASES_SOURCES.trajectory): SlottedLayer[] {
  return [
    { slot: 'points', spec: { id: `${source}-contact-link`, type: 'line', source, filter: role('contactLink'),
      paint: { 'line-color': colour, 'line-width': 1.5, 'line-opacity': 0.7, 'line-dasharray': ['literal', [1, 1.5]] } } },
    { slot: 'points', spec: { id: `${source}-path`, type: 'line', source, filter: role('path'), layout: { 'line-join': 'round' },
      paint: { 'line-color': colour, 'line-width': zoomRamp([[11, 2.5], [16, 4]]), 'line-dasharray': ['literal', [2, 1]] } } },
    { slot: 'points', spec: { id: `${source}-contact`, type: 'circle', source, filter: role('contact'),
      paint: { 'circle-color': colour, 'circle-radius': 5, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1.5 } } },
    { slot: 'points', spec: { id: `${source}-place`, type: 'circle', source, filter: role('place'),
      paint: { 'circle-color': PLACE_COLOR, 'circle-radius': zoomRamp([[11, 8], [16, 11]]), 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 } } },
    { slot: 'points', spec: { id: `${source}-home`, type: 'circle', source, filter: role('home'),
      paint: { 'circle-color': colour, 'circle-radius': zoomRamp([[11, 9], [16, 12]]), 'circle-stroke-color': HOME_COLOR, 'circle-stroke-width': 3 } } },
    { slot: 'points', spec: { id: `${source}-order`, type: 'symbol', source, filter: role('place'),
      layout: { 'text-field': ['to-string', ['get', 'order']], 'text-font': [FONT], 'text-size': 13, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' } } },
    { slot: 'points', spec: { id: `${source}-label`, type: 'symbol', source, filter: ['any', role('place'), role('home')],
      layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 14, 'text-anchor': 'left', 'text-offset': [1.2, 0],
        'text-justify': 'left', 'text-max-width': 14, 'text-optional': true, 'text-padding': 2 },
      paint: haloText(HOME_COLOR, 2) } },
  ];
}

export function chainLayers(source: string = CASES_SOURCES.chain): SlottedLayer[] {
  return [
    { slot: 'points', spec: { id: `${source}-visit`, type: 'line', source, filter: role('visit'),
      paint: { 'line-color': VISIT_COLOR, 'line-width': ['case', selected, 2.5, 1], 'line-opacity': ['case', selected, 0.95, dim, 0.12, 0.45],
        'line-dasharray': ['literal', [2, 2]] } } },
    { slot: 'points', spec: { id: `${source}-link`, type: 'line', source, filter: role('link'), layout: { 'line-cap': 'round' },
      paint: { 'line-color': colour, 'line-width': ['case', selected, 4, 1.5], 'line-opacity': ['case', selected, 1, dim, 0.15, 0.6] } } },
    { slot: 'points', spec: { id: `${source}-place`, type: 'circle', source, filter: role('place'),
      paint: { 'circle-color': '#ffffff', 'circle-radius': 4, 'circle-stroke-color': PLACE_COLOR, 'circle-stroke-width': 2 } } },
    { slot: 'points', spec: { id: `${source}-person`, type: 'circle', source, filter: role('person'),
      paint: { 'circle-color': colour, // Zoom must be the outermost expression (style spec), so the case sits inside each stop.
        'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, ['case', selected, 8, 4], 16, ['case', selected, 11, 7]],
        'circle-stroke-color': ['case', selected, HOME_COLOR, '#ffffff'], 'circle-stroke-width': ['case', selected, 3, 1] } } },
  ];
}

// The playback's layers and the filters that pick a day. A feature shows on day d in state mode
// when fromDay ≤ d < toDay (domain/playback/at-day.ts showsOn); cumulative mode adds what had
// ended by then (toDay ≤ d) on "past" layers drawn faded, so the current layers' filter is the
// same in both modes. Ticks change filters only (setFilter), never the data. Sizes × `scale`
// (the wall at 4K). Pure; only maplibre types. Layer ids are part of the browser-test contract.
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import type { PlaybackMode } from '../../domain/playback/types.ts';
import { CASE_COLORS } from './palette.ts';
import { PLAYBACK_SOURCES as S } from './playback-features.ts';
import { FONT, zoomRamp, type SlottedLayer } from './style-kit.ts';

export const QUARANTINE_COLOR = '#6a3d9a';
export const CASE_COLOR = CASE_COLORS.confirmed;
export const PAST_COLOR = '#8d8d8d';

const get = (p: string): ExpressionSpecification => ['get', p];
const ramp = (stops: [number, number][], scale: number) => zoomRamp(stops.map(([z, v]) => [z, v * scale] as [number, number]));
const tint: ExpressionSpecification = ['boolean', get('tint'), false];

/** In force / in quarantine / known and open at the end of `day`. */
export const between = (from: string, to: string, day: number): FilterSpecification =>
  ['all', ['<=', get(from), day], ['>', get(to), day]];
/** Begun and already ended by the end of `day` (cumulative mode only). */
export const ended = (from: string, to: string, day: number): FilterSpecification =>
  ['all', ['<=', get(from), day], ['<=', get(to), day]];

/** The filter of every playback layer for a day and mode: what a tick hands to setFilter. */
export function playbackFilters(day: number, mode: PlaybackMode): Record<string, FilterSpecification> {
  const past = (from: string, to: string): FilterSpecification => (mode === 'cumulative' ? ended(from, to, day) : false);
  const zones = between('fromDay', 'toDay', day);
  const sites: FilterSpecification = mode === 'cumulative' ? ['==', get('day'), day] : ['all', ['==', get('day'), day], ['>', get('state'), 0]];
  return {
    [`${S.zones}-fill`]: zones, [`${S.zones}-line`]: zones,
    [`${S.zones}-past-fill`]: past('fromDay', 'toDay'), [`${S.zones}-past-line`]: past('fromDay', 'toDay'),
    [`${S.home}-circle`]: between('fromDay', 'toDay', day), [`${S.home}-past-circle`]: past('fromDay', 'toDay'),
    [`${S.cases}-circle`]: between('knownDay', 'closedDay', day), [`${S.cases}-past-circle`]: past('knownDay', 'closedDay'),
    [`${S.sites}-circle`]: sites, [`${S.sites}-count`]: sites,
  };
}

/** A site's circle grows with the square root of the people there (area ∝ people). */
export const siteRadius = (mode: PlaybackMode, scale = 1): ExpressionSpecification =>
  ['*', scale, ['+', 6, ['*', 1.6, ['sqrt', ['to-number', get(mode), 0]]]]];
export const siteCount = (mode: PlaybackMode): ExpressionSpecification => ['to-string', get(mode)];

/** What a change of mode (not of day) sets besides the filters: which count the sites show. */
export function modeProperties(mode: PlaybackMode, scale = 1): { siteRadius: ExpressionSpecification; siteCount: ExpressionSpecification } {
  return { siteRadius: siteRadius(mode, scale), siteCount: siteCount(mode) };
}

function zoneLayers(scale: number): SlottedLayer[] {
  const colour = get('colour');
  const fill = (strong: number): ExpressionSpecification =>
    ['interpolate', ['linear'], ['zoom'], 11, ['case', tint, strong * 0.3, strong], 16, ['case', tint, strong * 0.12, strong * 0.4]];
  const width = (base: number) => ['case', tint, base * 0.6 * scale, base * scale] as ExpressionSpecification;
  const layer = (id: string, type: 'fill' | 'line', paint: Record<string, unknown>): SlottedLayer =>
    ({ slot: 'zones', spec: { id, type, source: S.zones, filter: false, paint } as SlottedLayer['spec'] });
  return [
    layer(`${S.zones}-past-fill`, 'fill', { 'fill-color': colour, 'fill-opacity': fill(0.08) }),
    layer(`${S.zones}-past-line`, 'line', { 'line-color': colour, 'line-width': width(1.5), 'line-opacity': 0.6,
      'line-dasharray': ['literal', [2, 2]] }),
    layer(`${S.zones}-fill`, 'fill', { 'fill-color': colour, 'fill-opacity': fill(0.34) }),
    layer(`${S.zones}-line`, 'line', { 'line-color': colour, 'line-width': width(2.5) }),
  ];
}

function dot(id: string, source: string, colour: string, radius: ExpressionSpecification, extra: Record<string, unknown> = {}): SlottedLayer {
  return { slot: 'points', spec: { id, type: 'circle', source, filter: false,
    paint: { 'circle-color': colour, 'circle-radius': radius, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 1, ...extra } } };
}

export function playbackLayers(mode: PlaybackMode = 'state', scale = 1): SlottedLayer[] {
  const homeRadius = ramp([[9, 1.8], [13, 3], [17, 6]], scale);
  const caseRadius = ramp([[9, 3], [13, 5], [17, 9]], scale);
  return [
    ...zoneLayers(scale),
    dot(`${S.home}-past-circle`, S.home, PAST_COLOR, homeRadius, { 'circle-opacity': 0.5, 'circle-stroke-width': 0 }),
    dot(`${S.home}-circle`, S.home, QUARANTINE_COLOR, homeRadius, { 'circle-stroke-width': 0.6 * scale }),
    dot(`${S.sites}-circle`, S.sites, QUARANTINE_COLOR, siteRadius(mode, scale), { 'circle-opacity': 0.9, 'circle-stroke-width': 2 * scale }),
    { slot: 'points', spec: { id: `${S.sites}-count`, type: 'symbol', source: S.sites, filter: false,
      layout: { 'text-field': siteCount(mode), 'text-font': [FONT], 'text-size': 20 * scale, 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff' } } },
    dot(`${S.cases}-past-circle`, S.cases, PAST_COLOR, caseRadius, { 'circle-opacity': 0.7 }),
    dot(`${S.cases}-circle`, S.cases, CASE_COLOR, caseRadius, { 'circle-stroke-width': 1.2 * scale }),
  ];
}

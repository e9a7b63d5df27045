// How /plan's coverage mode looks (issue 8 item 5): the service-area bands in a green ramp —
// darker and more opaque the shorter the time, so the nested 5/10/15-minute areas read as rings
// that deepen towards the sites (ColorBrewer Greens, Brewer 2003) — the uncovered residents as red
// circles sized by how many live in each 100 m cell (area ∝ residents: radius on √residents, as
// proportional-symbol maps do), the facilities as dark markers (grey: no road within reach), the
// placement picks as numbered orange discs, the suggested checkpoints like the impact card's
// crossings, and the route as a blue line on a white casing. Pure: layer specs and colours only.
import type { ExpressionSpecification } from 'maplibre-gl';
import { FONT, haloText, zoomRamp, type SlottedLayer } from './style-kit.ts';
import { CROSSING_COLOR } from './zone-styles.ts';

export const COVERAGE_SOURCES = {
  bands: 'coverage-bands', uncovered: 'coverage-uncovered', facilities: 'coverage-facilities',
  checkpoints: 'coverage-checkpoints', route: 'coverage-route', picks: 'coverage-picks',
} as const;
export type CoverageLayer = keyof typeof COVERAGE_SOURCES;
/** Also the mounting order: within a slot, a source mounted later draws on top (picks last). */
export const COVERAGE_LAYERS = Object.keys(COVERAGE_SOURCES) as CoverageLayer[];

/** Band colour and fill opacity by minutes: [minutes, colour, opacity]; between stops interpolated. */
export const BAND_STOPS: readonly (readonly [number, string, number])[] = [
  [5, '#006d2c', 0.26], [10, '#31a354', 0.2], [15, '#74c476', 0.16], [30, '#a1d99b', 0.12],
];
export const COVERAGE_COLORS = {
  uncovered: '#d32f2f', facility: '#0b4f3c', facilityOff: '#8d8d8d', facilitySealed: '#8b0000',
  pick: '#e65100', checkpoint: CROSSING_COLOR, route: '#0d47a1',
} as const;

const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
const toHex = (rgb: number[]) => `#${rgb.map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

/** The colour and opacity a band of `minutes` is filled with (clamped to the first and last stop). */
export function bandLook(minutes: number): { color: string; opacity: number } {
  const i = BAND_STOPS.findIndex(([m]) => m >= minutes);
  if (i <= 0) { const [, color, opacity] = BAND_STOPS[i === 0 ? 0 : BAND_STOPS.length - 1]; return { color, opacity }; }
  const [m0, c0, o0] = BAND_STOPS[i - 1];
  const [m1, c1, o1] = BAND_STOPS[i];
  const f = (minutes - m0) / (m1 - m0);
  const a = hex(c0);
  const b = hex(c1);
  return { color: toHex(a.map((v, k) => v + (b[k] - v) * f)), opacity: o0 + (o1 - o0) * f };
}

/** What a place inside the `minutes` band looks like on a white map: every band at least that
 * long is drawn under it (they are nested), longest first. The legend's swatch. */
export function bandSwatch(minutes: number, bands: readonly number[]): string {
  let rgb = [255, 255, 255];
  for (const m of [...bands].filter((b) => b >= minutes).sort((a, b) => b - a)) {
    const { color, opacity } = bandLook(m);
    const c = hex(color);
    rgb = rgb.map((v, k) => v * (1 - opacity) + c[k] * opacity);
  }
  return toHex(rgb);
}

const byMinutes = (pick: (s: readonly [number, string, number]) => string | number): ExpressionSpecification =>
  ['interpolate', ['linear'], ['get', 'minutes'], ...BAND_STOPS.flatMap((s) => [s[0], pick(s)])] as unknown as ExpressionSpecification;

/** Radius in px: √residents, larger when zoomed in (a 100 m cell is ~3 px at zoom 12, ~50 px at 16). */
const residentsRadius = (scale: number): ExpressionSpecification =>
  ['interpolate', ['linear'], ['sqrt', ['get', 'residents']], 1, 3 * scale, 20, 13 * scale] as unknown as ExpressionSpecification;

/** Layers per source, bottom to top: bands over the base map, the rest over the zones. */
export function coverageLayers(): Record<CoverageLayer, SlottedLayer[]> {
  const s = COVERAGE_SOURCES;
  const C = COVERAGE_COLORS;
  return {
    bands: [
      { slot: 'base', spec: { id: `${s.bands}-fill`, type: 'fill', source: s.bands,
        paint: { 'fill-color': byMinutes((x) => x[1]), 'fill-opacity': byMinutes((x) => x[2]) } } },
      // The band the planner asked about (e.g. the 15-minute standard) is outlined boldly.
      { slot: 'boundaries', spec: { id: `${s.bands}-line`, type: 'line', source: s.bands, layout: { 'line-join': 'round' },
        paint: { 'line-color': byMinutes((x) => x[1]), 'line-width': ['case', ['get', 'asked'], 2.5, 1],
          'line-opacity': ['case', ['get', 'asked'], 0.95, 0.55] } } },
    ],
    uncovered: [
      { slot: 'zones', spec: { id: `${s.uncovered}-circle`, type: 'circle', source: s.uncovered,
        paint: { 'circle-color': C.uncovered, 'circle-opacity': 0.6, 'circle-stroke-color': '#7f0000', 'circle-stroke-width': 0.6,
          // Small over the whole district (cells 1–2 px apart merge into blobs otherwise), larger in the streets.
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 11, residentsRadius(0.45), 13, residentsRadius(0.8), 16, residentsRadius(1.8)] as unknown as ExpressionSpecification,
          'circle-pitch-alignment': 'map' } } },
    ],
    facilities: [
      { slot: 'points', spec: { id: `${s.facilities}-circle`, type: 'circle', source: s.facilities,
        paint: { 'circle-color': ['case', ['get', 'onNetwork'], C.facility, C.facilityOff], 'circle-radius': zoomRamp([[11, 4.5], [16, 8]]),
          'circle-stroke-color': ['case', ['get', 'insideSealed'], C.facilitySealed, '#ffffff'], 'circle-stroke-width': 2 } } },
      { slot: 'points', spec: { id: `${s.facilities}-label`, type: 'symbol', source: s.facilities, minzoom: 14,
        layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 13, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-optional': true },
        paint: haloText(C.facility, 2) } },
    ],
    checkpoints: [
      { slot: 'points', spec: { id: `${s.checkpoints}-circle`, type: 'circle', source: s.checkpoints,
        paint: { 'circle-color': C.checkpoint, 'circle-radius': zoomRamp([[11, 4.5], [16, 8]]), 'circle-stroke-color': '#ffd54f', 'circle-stroke-width': 2 } } },
    ],
    route: [
      { slot: 'points', spec: { id: `${s.route}-casing`, type: 'line', source: s.route, filter: ['==', ['geometry-type'], 'LineString'],
        layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': '#ffffff', 'line-width': 8 } } },
      { slot: 'points', spec: { id: `${s.route}-line`, type: 'line', source: s.route, filter: ['==', ['geometry-type'], 'LineString'],
        layout: { 'line-join': 'round', 'line-cap': 'round' }, paint: { 'line-color': C.route, 'line-width': 4.5 } } },
      { slot: 'points', spec: { id: `${s.route}-ends`, type: 'circle', source: s.route, filter: ['==', ['geometry-type'], 'Point'],
        paint: { 'circle-color': ['case', ['==', ['get', 'end'], 'from'], '#ffffff', C.route], 'circle-radius': 6,
          'circle-stroke-color': C.route, 'circle-stroke-width': 3 } } },
    ],
    // Last: the numbered picks stay on top of everything else in coverage mode.
    picks: [
      { slot: 'points', spec: { id: `${s.picks}-circle`, type: 'circle', source: s.picks,
        paint: { 'circle-color': C.pick, 'circle-radius': 13, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } } },
      { slot: 'points', spec: { id: `${s.picks}-number`, type: 'symbol', source: s.picks,
        layout: { 'text-field': ['to-string', ['get', 'rank']], 'text-font': [FONT], 'text-size': 16, 'text-allow-overlap': true,
          'text-ignore-placement': true },
        paint: { 'text-color': '#ffffff' } } },
      { slot: 'points', spec: { id: `${s.picks}-label`, type: 'symbol', source: s.picks,
        layout: { 'text-field': ['get', 'name'], 'text-font': [FONT], 'text-size': 14, 'text-offset': [0, 1.5], 'text-anchor': 'top',
          'text-optional': true, 'symbol-sort-key': ['get', 'rank'] },
        paint: haloText('#8a3000', 2) } },
    ],
  };
}

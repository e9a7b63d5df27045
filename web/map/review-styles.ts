// The import review map's own layer: the open row's geocode candidates as numbered points (the
// number is the candidate's place in the list, so "1" on the map is "1" beside the button), the
// point the operator clicked, and where the row was finally placed. Pure; layer ids are part of
// the browser-test contract.
import type { ExpressionSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point } from 'geojson';
import { FONT, haloText, type SlottedLayer } from './style-kit.ts';

export const REVIEW_SOURCE = 'import-review';
export const REVIEW_COLORS = { candidate: '#1d3f8f', best: '#a4161a', clicked: '#7b1fa2', chosen: '#2e7d32' } as const;
/** How far around the candidates the camera keeps in view, in degrees (~330 m north–south). */
const MARGIN_DEGREES = 0.003;

export type ReviewPointKind = keyof typeof REVIEW_COLORS;
export interface ReviewInput { candidates: readonly { point: [number, number] }[]; clicked: [number, number] | null;
  chosen: [number, number] | null }

export function reviewFeatures({ candidates, clicked, chosen }: ReviewInput): FeatureCollection<Point> {
  const point = (coordinates: [number, number], kind: ReviewPointKind, label: string, id: number) =>
    ({ type: 'Feature' as const, id, geometry: { type: 'Point' as const, coordinates }, properties: { kind, label } });
  return { type: 'FeatureCollection', features: [
    ...candidates.map((c, i) => point(c.point, i === 0 ? 'best' : 'candidate', String(i + 1), i + 1)),
    ...(chosen ? [point(chosen, 'chosen', '', 100)] : []),
    ...(clicked ? [point(clicked, 'clicked', '', 101)] : []),
  ] };
}

/** The box the camera fits for a row: all its candidates, its chosen point, with a margin. */
export function reviewBounds(input: ReviewInput): [number, number, number, number] | null {
  const pts = [...input.candidates.map((c) => c.point), ...(input.chosen ? [input.chosen] : [])];
  if (pts.length === 0) return null;
  const lngs = pts.map((p) => p[0]);
  const lats = pts.map((p) => p[1]);
  return [Math.min(...lngs) - MARGIN_DEGREES, Math.min(...lats) - MARGIN_DEGREES,
    Math.max(...lngs) + MARGIN_DEGREES, Math.max(...lats) + MARGIN_DEGREES];
}

const kind = ['get', 'kind'] as ExpressionSpecification;
const colour = ['match', kind, 'best', REVIEW_COLORS.best, 'clicked', REVIEW_COLORS.clicked, 'chosen', REVIEW_COLORS.chosen,
  REVIEW_COLORS.candidate] as unknown as ExpressionSpecification;

export function reviewLayers(source: string = REVIEW_SOURCE): SlottedLayer[] {
  return [
    { slot: 'points', spec: { id: `${source}-circle`, type: 'circle', source,
      paint: { 'circle-color': colour, 'circle-radius': ['match', kind, 'clicked', 8, 12] as unknown as ExpressionSpecification,
        'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2.5 } } },
    { slot: 'points', spec: { id: `${source}-number`, type: 'symbol', source, filter: ['!=', ['get', 'label'], ''],
      layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-size': 14, 'text-allow-overlap': true,
        'text-ignore-placement': true },
      paint: { ...haloText('#ffffff', 0), 'text-color': '#ffffff' } } },
  ];
}

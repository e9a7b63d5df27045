// How a display cluster looks: a circle sized by its count in steps, filled with the colour of
// its dominant category, ringed with the runner-up category's colour when that holds ≥ 20 % of
// the points (domain/display-clusters RING_SHARE), and its count in white. Single points keep the
// layer's own style (styles.ts caseLayers: 'cases-circle', the e2e and popup contract). Pure.
import type { ExpressionSpecification } from 'maplibre-gl';
import { CASE_COLORS, CONTACT_COLORS, FALLBACK_COLOR } from '../palette.ts';
import { FONT, matchBy, type SlottedLayer } from '../style-kit.ts';

const PERSON_COLORS = { ...CASE_COLORS, ...CONTACT_COLORS };

/** Circle radius in px by count: [count from, radius] steps (a 100,000-point cluster stays ~2 cm). */
export const CLUSTER_RADIUS_STEPS: readonly (readonly [number, number])[] = [[2, 13], [10, 16], [50, 19], [200, 23], [1000, 28], [5000, 34]];

const isCluster: ExpressionSpecification = ['has', 'cluster'];
const radius = ['step', ['get', 'count'], CLUSTER_RADIUS_STEPS[0][1],
  ...CLUSTER_RADIUS_STEPS.slice(1).flat()] as unknown as ExpressionSpecification;

export const clusterLayerIds = (source: string) => ({ circle: `${source}-cluster`, count: `${source}-cluster-count` });

export function clusterLayers(source: string): SlottedLayer[] {
  const ids = clusterLayerIds(source);
  const dominant = matchBy('dominant', PERSON_COLORS, FALLBACK_COLOR);
  const ring: ExpressionSpecification = ['match', ['get', 'second'], '', '#ffffff', matchBy('second', PERSON_COLORS, '#ffffff')];
  return [
    { slot: 'points', spec: { id: ids.circle, type: 'circle', source, filter: isCluster,
      paint: { 'circle-color': dominant, 'circle-radius': radius, 'circle-opacity': 0.88,
        'circle-stroke-color': ring, 'circle-stroke-width': ['match', ['get', 'second'], '', 2, 4] } } },
    { slot: 'points', spec: { id: ids.count, type: 'symbol', source, filter: isCluster,
      layout: { 'text-field': ['get', 'label'], 'text-font': [FONT], 'text-allow-overlap': true, 'text-ignore-placement': true,
        'text-size': ['step', ['get', 'count'], 12, 1000, 13, 10_000, 14] },
      paint: { 'text-color': '#ffffff', 'text-halo-color': 'rgba(31, 36, 48, 0.55)', 'text-halo-width': 1.2 } } },
  ];
}

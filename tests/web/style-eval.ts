// Test helper: evaluates MapLibre style expressions in Node with the style-spec package that
// maplibre-gl itself depends on — no WebGL, no DOM.
import {
  Color, createPropertyExpression, featureFilter, latest, validateStyleMin,
  type LayerSpecification, type StyleSpecification,
} from '@maplibre/maplibre-gl-style-spec';
import { FONT, SLOTS, slotMarkerId, type SlottedLayer } from '../../web/map/style-kit.ts';

type Props = Record<string, unknown>;
type GeometryType = 'Point' | 'LineString' | 'Polygon';
const spec = latest as unknown as Record<string, Record<string, unknown>>;

function propertyOf(layer: LayerSpecification, group: 'paint' | 'layout', name: string): unknown {
  const values = (layer as unknown as Record<string, Record<string, unknown> | undefined>)[group];
  return values?.[name];
}

/** Evaluates one paint/layout property of a layer for a feature at a zoom. */
export function evaluate(layer: LayerSpecification, group: 'paint' | 'layout', name: string, properties: Props = {},
  zoom = 12, type: GeometryType = 'Point'): unknown {
  const propertySpec = spec[`${group}_${layer.type}`][name];
  const parsed = createPropertyExpression(propertyOf(layer, group, name), `layers[0].${group}.${name}`, propertySpec as never);
  if (parsed.result !== 'success') throw new Error(`${layer.id} ${name}: ${JSON.stringify(parsed.value)}`);
  return parsed.value.evaluate({ zoom }, { type, properties });
}

/** The colour a layer paints a feature with, as 'rgba(r,g,b,a)' for comparison with hex. */
export const colorOf = (layer: LayerSpecification, name: string, properties: Props, zoom = 12): string =>
  String(evaluate(layer, 'paint', name, properties, zoom));

export const rgba = (hex: string): string => String(Color.parse(hex));

/** Whether a layer's filter keeps a feature (no filter keeps all). */
export function keeps(layer: LayerSpecification, properties: Props, type: GeometryType = 'Point'): boolean {
  const f = featureFilter('filter' in layer ? layer.filter : undefined, 'layers[0].filter');
  return f.filter({ zoom: 14 }, { type, properties });
}

/** Validates slotted layers inside a minimal style with their sources, as MapLibre would load it. */
export function validate(layers: SlottedLayer[]): string[] {
  const sources = Object.fromEntries(layers.map(({ spec: l }) => [(l as { source: string }).source,
    { type: 'geojson' as const, data: { type: 'FeatureCollection' as const, features: [] } }]));
  const style: StyleSpecification = {
    version: 8, sources,
    layers: [...SLOTS.map((s) => ({ id: slotMarkerId(s), type: 'background' as const })), ...layers.map((l) => l.spec)],
    'font-faces': { [FONT]: [{ url: 'http://localhost/f.woff2', 'unicode-range': ['U+0-FF'] }] },
  } as StyleSpecification;
  return validateStyleMin(style).map((e) => e.message);
}

// The alert's area on /alerts' small map (a cluster hull, a scan circle, a village, a zone, a site's
// surroundings) drawn in its level colour, and the level colours the page's chips share with it.
// Pure: the layer specs are data; only maplibre *types* are imported.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { AlertLevel } from '../../domain/analysis/types.ts';
import type { SlottedLayer } from './style-kit.ts';

export const ALERT_SOURCE = 'alert-area';

/** The four warning colours on the light pages (the wall brightens its own for a dark screen). */
export const ALERT_LEVEL_COLORS: Record<AlertLevel, string> = { red: '#c1121f', orange: '#e8590c', yellow: '#e0a800', blue: '#1f6feb' };
/** Text on a chip of that colour: dark on yellow, white on the rest (WCAG contrast ≥ 4.5). */
export const ALERT_LEVEL_TEXT: Record<AlertLevel, string> = { red: '#ffffff', orange: '#ffffff', yellow: '#1f2430', blue: '#ffffff' };

export function alertAreaFeatures(geometry: Polygon | null, level: AlertLevel): FeatureCollection {
  const features: Feature[] = geometry ? [{ type: 'Feature', geometry, properties: { colour: ALERT_LEVEL_COLORS[level] } }] : [];
  return { type: 'FeatureCollection', features };
}

export function alertAreaLayers(source: string = ALERT_SOURCE): SlottedLayer[] {
  return [
    { slot: 'zones', spec: { id: `${source}-fill`, type: 'fill', source, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.2 } } },
    { slot: 'zones', spec: { id: `${source}-casing`, type: 'line', source, paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': 0.8 } } },
    { slot: 'zones', spec: { id: `${source}-line`, type: 'line', source, layout: { 'line-join': 'round' },
      paint: { 'line-color': ['get', 'colour'], 'line-width': 2.5 } } },
  ];
}

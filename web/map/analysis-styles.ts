// How the analysis layers look, on /plan (light) and on /wall (dark, sizes × scale, labels
// ≥ 20 px × scale): Gi* hot-spot cells tinted and hatched in the diverging red/blue of ArcGIS's
// Hot Spot Analysis (hot and cold at 99/95/90 % after the FDR correction; 'none' is never drawn),
// ST-DBSCAN hulls in orange with their case count, scan circles as red rings — dashed while new,
// solid dark red once ongoing — labelled with their recurrence interval. Labels do not overlap:
// scan labels are placed first, then the larger clusters' counts, each beside its point.
// Pure: layer specs from data.
import type { ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { HotSpotClass } from '../../domain/analysis/types.ts';
import { hatchImageId } from './analysis-hatch.ts';
import { FONT, matchBy, zoomRamp, type SlottedLayer } from './style-kit.ts';
import { WALL_BASE_COLORS, WALL_LABEL_PX } from './wall-base-styles.ts';

export const ANALYSIS_SOURCES = { hotspots: 'analysis-hotspots', stClusters: 'analysis-st', scan: 'analysis-scan' } as const;
export type AnalysisLayer = keyof typeof ANALYSIS_SOURCES;
export const ANALYSIS_LAYERS = Object.keys(ANALYSIS_SOURCES) as AnalysisLayer[];
export type AnalysisTheme = 'light' | 'dark';

/** ColorBrewer RdBu (Brewer 2003): darker = more significant, the ramp hot-spot maps use. */
export const HOTSPOT_COLORS: Record<Exclude<HotSpotClass, 'none'>, string> = {
  hot99: '#b2182b', hot95: '#d6604d', hot90: '#f4a582',
  cold90: '#92c5de', cold95: '#4393c3', cold99: '#2166ac',
};
export const HOTSPOT_CLASSES = Object.keys(HOTSPOT_COLORS) as (keyof typeof HOTSPOT_COLORS)[];

export interface AnalysisLook {
  stCluster: string; scanNew: string; scanOngoing: string;
  /** Label text: darker than the lines on the light map, lighter on the dark wall. */
  stText: string; scanText: string; scanOngoingText: string; halo: string;
  cellTint: number; hatchOpacity: number;
}
/** On the dark wall the dark red of an ongoing cluster would vanish: brighter tones there. */
export const ANALYSIS_LOOKS: Record<AnalysisTheme, AnalysisLook> = {
  light: { stCluster: '#e8590c', scanNew: '#e5161d', scanOngoing: '#7a0a12', stText: '#a63c00', scanText: '#c1121f',
    scanOngoingText: '#7a0a12', halo: '#ffffff', cellTint: 0.2, hatchOpacity: 0.75 },
  dark: { stCluster: '#ff9f1c', scanNew: '#ff4d4d', scanOngoing: '#e0233a', stText: '#ffc46b', scanText: '#ffd9d9',
    scanOngoingText: '#ffd9d9', halo: WALL_BASE_COLORS.halo, cellTint: 0.25, hatchOpacity: 0.85 },
};

/** Label templates with `{n}` where the figure goes (from i18n), e.g. '{n} 例', '时空聚集 RI≥{n}天'. */
export interface AnalysisText { stCount: string; scanRecurrence: string }

/** A template around a number property: 'RI≥{n}天' → ['concat', 'RI≥', to-string(n), '天']. */
export function templateText(template: string, prop: string): ExpressionSpecification {
  const [before, ...rest] = template.split('{n}');
  if (rest.length === 0) return ['literal', template] as unknown as ExpressionSpecification;
  return ['concat', before, ['to-string', ['get', prop]], rest.join('{n}')];
}

const isLabel: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const isArea: ExpressionSpecification = ['!=', ['geometry-type'], 'Point'];

export interface AnalysisStyleOptions { theme: AnalysisTheme; scale?: number; text: AnalysisText }

/** Layers per analysis source, bottom to top: cells just over the base map, rings over the zones, labels over the points. */
export function analysisLayers({ theme, scale = 1, text }: AnalysisStyleOptions): Record<AnalysisLayer, SlottedLayer[]> {
  const look = ANALYSIS_LOOKS[theme];
  const dark = theme === 'dark';
  const px = (light: number, wall: number) => (dark ? wall * scale : light);
  const label = (colour: string | ExpressionSpecification) => ({ 'text-color': colour, 'text-halo-color': look.halo, 'text-halo-width': px(2, 3) });
  // Beside its point, on whichever side is free; far enough out to clear the case circles there.
  const beside = (offsetEm: number): SymbolLayerSpecification['layout'] => ({ 'text-font': [FONT], 'text-size': px(14, WALL_LABEL_PX),
    'text-padding': px(2, 3), 'text-variable-anchor': ['left', 'right', 'top', 'bottom'], 'text-radial-offset': offsetEm });
  const { hotspots, stClusters: st, scan } = ANALYSIS_SOURCES;
  const scanColour: ExpressionSpecification = ['match', ['get', 'status'], 'ongoing', look.scanOngoing, look.scanNew];
  const zoomShift = dark ? Math.log2(scale) : 0;
  const hatch = Object.fromEntries(HOTSPOT_CLASSES.map((c) => [c, hatchImageId(c, scale)]));
  return {
    hotspots: [
      { slot: 'base', spec: { id: `${hotspots}-fill`, type: 'fill', source: hotspots,
        paint: { 'fill-color': matchBy('class', HOTSPOT_COLORS, 'rgba(0,0,0,0)'), 'fill-opacity': look.cellTint } } },
      { slot: 'base', spec: { id: `${hotspots}-hatch`, type: 'fill', source: hotspots,
        // Fainter when zoomed in: a street-level view is all stripes otherwise (the 2× wall sees one zoom further).
        paint: { 'fill-pattern': matchBy('class', hatch, hatch.hot90),
          'fill-opacity': zoomRamp([[12 + zoomShift, look.hatchOpacity], [15 + zoomShift, look.hatchOpacity / 2.5]]) } } },
      { slot: 'boundaries', spec: { id: `${hotspots}-line`, type: 'line', source: hotspots,
        paint: { 'line-color': matchBy('class', HOTSPOT_COLORS, 'rgba(0,0,0,0)'), 'line-width': px(0.8, 1), 'line-opacity': 0.9 } } },
    ],
    stClusters: [
      { slot: 'zones', spec: { id: `${st}-fill`, type: 'fill', source: st, filter: isArea,
        paint: { 'fill-color': look.stCluster, 'fill-opacity': dark ? 0.22 : 0.18 } } },
      { slot: 'zones', spec: { id: `${st}-line`, type: 'line', source: st, filter: isArea, layout: { 'line-join': 'round' },
        paint: { 'line-color': look.stCluster, 'line-width': px(2.5, 3) } } },
      { slot: 'points', spec: { id: `${st}-label`, type: 'symbol', source: st, filter: isLabel,
        layout: { 'text-field': ['concat', templateText(text.stCount, 'count'), ['case', ['get', 'growing'], ' ↑', '']],
          ...beside(dark ? 1.4 : 0.6), 'symbol-sort-key': ['-', ['get', 'count']] },
        paint: label(look.stText) } },
    ],
    scan: [
      // Nearly clear: the ring is what shows, the fill is what a click inside the circle hits.
      { slot: 'zones', spec: { id: `${scan}-fill`, type: 'fill', source: scan, filter: isArea,
        paint: { 'fill-color': scanColour, 'fill-opacity': 0.06 } } },
      { slot: 'zones', spec: { id: `${scan}-line`, type: 'line', source: scan, filter: ['all', isArea, ['!=', ['get', 'status'], 'ongoing']],
        layout: { 'line-join': 'round' }, paint: { 'line-color': look.scanNew, 'line-width': px(3, 3.5), 'line-dasharray': [3, 2] } } },
      { slot: 'zones', spec: { id: `${scan}-line-ongoing`, type: 'line', source: scan, filter: ['all', isArea, ['==', ['get', 'status'], 'ongoing']],
        layout: { 'line-join': 'round' }, paint: { 'line-color': look.scanOngoing, 'line-width': px(3.5, 4) } } },
      { slot: 'points', spec: { id: `${scan}-label`, type: 'symbol', source: scan, filter: isLabel,
        layout: { 'text-field': templateText(text.scanRecurrence, 'riAtLeast'), ...beside(0.3),
          'text-variable-anchor': ['bottom', 'bottom-left', 'bottom-right', 'left', 'right', 'top'], 'symbol-sort-key': ['get', 'rank'] },
        paint: label(['match', ['get', 'status'], 'ongoing', look.scanOngoingText, look.scanText]) } },
    ],
  };
}

// The analysis layers' style: valid MapLibre in both themes, hot spots in three red and cold in
// three blue shades, ST-DBSCAN hulls orange with their count, scan circles dashed red while new
// and solid dark red once ongoing with "RI ≥ N 天", labels only on the label points, and on the
// wall every label ≥ 20 px × scale.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import {
  ANALYSIS_LAYERS, ANALYSIS_LOOKS, analysisLayers, HOTSPOT_CLASSES, HOTSPOT_COLORS, templateText, type AnalysisTheme,
} from '../../web/map/analysis-styles.ts';
import { analysisFeatures } from '../../web/map/analysis-features.ts';
import { hatchImageId } from '../../web/map/analysis-hatch.ts';
import type { SlottedLayer } from '../../web/map/style-kit.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';
import { analysisLatest } from './analysis-fixtures.ts';

const TEXT = { stCount: '{n} 例', scanRecurrence: '时空聚集 RI≥{n}天' };
const all = (theme: AnalysisTheme, scale = 1): SlottedLayer[] => Object.values(analysisLayers({ theme, scale, text: TEXT })).flat();
const byId = (theme: AnalysisTheme, id: string, scale = 1): LayerSpecification => {
  const found = all(theme, scale).find((l) => l.spec.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found.spec;
};

describe('analysis layer style', () => {
  it('is valid MapLibre with unique ids, one group per source, in both themes', () => {
    for (const [theme, scale] of [['light', 1], ['dark', 1], ['dark', 2]] as const) {
      expect(validate(all(theme, scale))).toEqual([]);
      const ids = all(theme, scale).map((l) => l.spec.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(Object.keys(analysisLayers({ theme, scale, text: TEXT }))).toEqual(ANALYSIS_LAYERS);
    }
  });

  it('tints and hatches hot spots red and cold spots blue, darker when more significant, over the base map', () => {
    const fill = byId('light', 'analysis-hotspots-fill');
    const hatch = byId('dark', 'analysis-hotspots-hatch', 2);
    for (const c of HOTSPOT_CLASSES) {
      expect(colorOf(fill, 'fill-color', { class: c })).toBe(rgba(HOTSPOT_COLORS[c]));
      expect(String(evaluate(hatch, 'paint', 'fill-pattern', { class: c }))).toBe(hatchImageId(c, 2));
    }
    const red = (hex: string) => parseInt(hex.slice(1, 3), 16);
    expect(red(HOTSPOT_COLORS.hot99)).toBeLessThan(red(HOTSPOT_COLORS.hot95));
    expect(red(HOTSPOT_COLORS.hot95)).toBeLessThan(red(HOTSPOT_COLORS.hot90));
    expect(all('light').find((l) => l.spec.id === 'analysis-hotspots-fill')?.slot).toBe('base');
    expect(evaluate(fill, 'paint', 'fill-opacity')).toBeLessThan(1);
    // The hatch fades when zoomed in to streets; the 2× wall fades one zoom later.
    const light = byId('light', 'analysis-hotspots-hatch');
    expect(evaluate(light, 'paint', 'fill-opacity', {}, 16) as number).toBeLessThan(evaluate(light, 'paint', 'fill-opacity', {}, 11) as number);
    expect(evaluate(hatch, 'paint', 'fill-opacity', {}, 13)).toBe(evaluate(byId('dark', 'analysis-hotspots-hatch', 1), 'paint', 'fill-opacity', {}, 12));
  });

  it('rings new scan clusters dashed red and ongoing ones solid dark red', () => {
    const dashed = byId('light', 'analysis-scan-line');
    const solid = byId('light', 'analysis-scan-line-ongoing');
    expect([keeps(dashed, { status: 'new' }, 'Polygon'), keeps(dashed, { status: 'ongoing' }, 'Polygon')]).toEqual([true, false]);
    expect([keeps(solid, { status: 'new' }, 'Polygon'), keeps(solid, { status: 'ongoing' }, 'Polygon')]).toEqual([false, true]);
    expect((dashed as { paint: Record<string, unknown> }).paint['line-dasharray']).toEqual([3, 2]);
    expect((solid as { paint: Record<string, unknown> }).paint['line-dasharray']).toBeUndefined();
    expect(colorOf(solid, 'line-color', {})).toBe(rgba(ANALYSIS_LOOKS.light.scanOngoing));
    expect(keeps(dashed, { status: 'new', label: true }, 'Point')).toBe(false);
  });

  it('labels each cluster from the label points only, in the locale’s words', () => {
    const { stClusters, scan } = analysisFeatures(analysisLatest());
    const stLabel = byId('light', 'analysis-st-label');
    const scanLabel = byId('light', 'analysis-scan-label');
    const texts = (layer: LayerSpecification, fs: typeof scan.features) => fs
      .filter((f) => keeps(layer, f.properties ?? {}, f.geometry.type as 'Point' | 'Polygon'))
      .map((f) => evaluate(layer, 'layout', 'text-field', f.properties ?? {}));
    expect(texts(stLabel, stClusters.features).map(String)).toEqual(['14 例 ↑', '3 例']);
    expect(texts(scanLabel, scan.features).map(String)).toEqual(['时空聚集 RI≥100天', '时空聚集 RI≥365天']);
    expect(colorOf(stLabel, 'text-color', {})).toBe(rgba(ANALYSIS_LOOKS.light.stText));
    expect(colorOf(scanLabel, 'text-color', { status: 'ongoing' })).toBe(rgba(ANALYSIS_LOOKS.light.scanOngoingText));
    // Placed without overlap: scan labels (a layer above) first, then the larger clusters' counts.
    expect(evaluate(stLabel, 'layout', 'symbol-sort-key', { count: 34 })).toBeLessThan(evaluate(stLabel, 'layout', 'symbol-sort-key', { count: 3 }) as number);
    for (const l of [stLabel, scanLabel]) {
      expect((l as { layout: Record<string, unknown> }).layout['text-allow-overlap'], l.id).toBeUndefined(); // MapLibre's default: false
    }
    expect(keeps(byId('light', 'analysis-st-fill'), {}, 'Point')).toBe(false);
  });

  it('on the wall: brighter tones, lines and labels × scale, no label under 20 px × scale', () => {
    for (const scale of [1, 2]) {
      const symbols = all('dark', scale).map((l) => l.spec).filter((s) => s.type === 'symbol');
      expect(symbols.map((s) => s.id).sort()).toEqual(['analysis-scan-label', 'analysis-st-label']);
      for (const s of symbols) expect(evaluate(s, 'layout', 'text-size') as number, s.id).toBeGreaterThanOrEqual(20 * scale);
      expect(evaluate(byId('dark', 'analysis-st-line', scale), 'paint', 'line-width')).toBe(3 * scale);
    }
    expect(colorOf(byId('dark', 'analysis-scan-line-ongoing'), 'line-color', {})).toBe(rgba(ANALYSIS_LOOKS.dark.scanOngoing));
    expect(ANALYSIS_LOOKS.dark.scanOngoing).not.toBe(ANALYSIS_LOOKS.light.scanOngoing);
  });

  it('fills a label template around a number, or keeps a template without one', () => {
    expect(templateText('RI ≥ {n} d', 'ri')).toEqual(['concat', 'RI ≥ ', ['to-string', ['get', 'ri']], ' d']);
    expect(templateText('{n}', 'count')).toEqual(['concat', '', ['to-string', ['get', 'count']], '']);
    expect(templateText('cluster', 'count')).toEqual(['literal', 'cluster']);
  });
});

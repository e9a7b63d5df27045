// The wall map's style: valid MapLibre, dark, and legible from 5 m — every label at ≥ 20 px × scale
// (scale 2 is the 3840×2160 wall). Cases are clustered and carry nothing but their category.
import { describe, expect, it } from 'vitest';
import type { FeatureCollection, LineString } from 'geojson';
import type { LayerSpecification } from 'maplibre-gl';
import {
  WALL_LANDUSE_COLORS, wallBoundaryLayers, wallLanduseLayers, wallRoadLayers, wallTownshipLabelLayers, wallWaterwayLayers,
} from '../../web/map/wall-base-styles.ts';
import {
  wallCaseFeatures, wallCaseLayers, wallCaseSource, wallFacilityLayers, wallZoneFeatures, wallZoneLayers, wallZoom,
} from '../../web/map/wall-styles.ts';
import { LANDUSE_COLORS } from '../../web/map/palette.ts';
import type { SlottedLayer } from '../../web/map/style-kit.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';
import { wallSummary } from './wall-fixtures.ts';

const allLayers = (scale: number): SlottedLayer[] => [
  ...wallLanduseLayers(), ...wallWaterwayLayers(scale), ...wallRoadLayers(scale),
  ...(['district', 'townships', 'villages'] as const).flatMap((l) => wallBoundaryLayers(l, scale)), ...wallTownshipLabelLayers(scale),
  ...wallZoneLayers(scale), ...wallFacilityLayers(scale), ...wallCaseLayers(scale),
];
const byId = (layers: SlottedLayer[], id: string): LayerSpecification => {
  const found = layers.find((l) => l.spec.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found.spec;
};
const line = (coords: [number, number][]): LineString => ({ type: 'LineString', coordinates: coords });
const zonesFc: FeatureCollection = { type: 'FeatureCollection', features: [
  { type: 'Feature', geometry: line([[0, 0], [1, 1]]), properties: { kind: 'sealed', status: 'active', name: '大社镇封控区' } },
  { type: 'Feature', geometry: line([[0, 0], [1, 1]]), properties: { kind: 'precaution', status: 'active', name: '全域' } },
  { type: 'Feature', geometry: line([[0, 0], [1, 1]]), properties: { kind: 'controlled', status: 'lifted', name: '已解封' } },
  { type: 'Feature', geometry: line([[0, 0], [1, 1]]), properties: { kind: 'mystery', status: 'active', name: '?' } },
] };

describe('wall map style', () => {
  it('is a valid MapLibre style with unique layer ids at both wall sizes', () => {
    for (const scale of [1, 2]) {
      expect(validate(allLayers(scale))).toEqual([]);
      const ids = allLayers(scale).map((l) => l.spec.id);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('never draws a label under 20 px × scale, at any zoom', () => {
    for (const scale of [1, 2]) {
      const symbols = allLayers(scale).map((l) => l.spec).filter((s) => s.type === 'symbol');
      expect(symbols.map((s) => s.id).sort()).toEqual(['wall-cases-count', 'wall-townships-label']);
      for (const s of symbols) {
        for (const zoom of [9, 11, 13, 15, 17]) {
          expect(evaluate(s, 'layout', 'text-size', { point_count: 12 }, zoom) as number, `${s.id} z${zoom}`).toBeGreaterThanOrEqual(20 * scale);
        }
      }
    }
  });

  it('is dark: a dark tone for every land use, and sizes double on the 4K wall', () => {
    expect(Object.keys(WALL_LANDUSE_COLORS).sort()).toEqual(Object.keys(LANDUSE_COLORS).sort());
    const fill = byId(wallLanduseLayers(), 'wall-landuse-fill');
    expect(colorOf(fill, 'fill-color', { kind: 'forest' })).toBe(rgba(WALL_LANDUSE_COLORS.forest));
    const district = (s: number) => evaluate(byId(wallBoundaryLayers('district', s), 'wall-district-line'), 'paint', 'line-width');
    expect(district(2)).toBe(2 * (district(1) as number));
    const point = (s: number) => evaluate(byId(wallCaseLayers(s), 'wall-cases-point'), 'paint', 'circle-radius');
    expect(point(2)).toBe(2 * (point(1) as number));
  });

  it('fades the zone fill as the tour zooms in, at the same view on both sizes', () => {
    const fill = (s: number) => byId(wallZoneLayers(s), 'wall-zones-fill');
    const at = (s: number, zoom: number) => evaluate(fill(s), 'paint', 'fill-opacity', { tint: false }, wallZoom(zoom, s)) as number;
    expect(at(1, 11)).toBeGreaterThan(at(1, 13));
    expect(at(2, 11)).toBeCloseTo(at(1, 11));
    expect(evaluate(fill(1), 'paint', 'fill-opacity', { tint: true }, 11)).toBeLessThan(0.1);
  });
});

describe('wall map features', () => {
  it('colours zones from the summary’s kinds, drops lifted ones, draws stricter kinds last and tints the lowest', () => {
    const fc = wallZoneFeatures(zonesFc, wallSummary().zones);
    expect(fc.features.map((f) => f.properties?.kind)).toEqual(['mystery', 'precaution', 'sealed']);
    expect(fc.features.map((f) => f.properties?.colour)).toEqual(['#888888', '#1e88e5', '#c62828']);
    expect(fc.features.map((f) => f.properties?.tint)).toEqual([false, true, false]);
    expect(fc.features.every((f) => !('name' in (f.properties ?? {})))).toBe(true);
    const fill = byId(wallZoneLayers(), 'wall-zones-fill');
    expect(colorOf(fill, 'fill-color', fc.features[2].properties!)).toBe(rgba('#c62828'));
  });

  it('falls back to the palette when the summary has not come yet', () => {
    const fc = wallZoneFeatures(zonesFc, []);
    expect(fc.features.find((f) => f.properties?.kind === 'sealed')?.properties?.colour).toBe('#8b0000');
    expect(fc.features.find((f) => f.properties?.kind === 'precaution')?.properties?.tint).toBe(true);
  });

  it('keeps active cases only, as bare points with their category', () => {
    const fc = wallCaseFeatures({ type: 'FeatureCollection', features: [
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { category: 'confirmed', status: 'active', age: 57, sex: 'female' } },
      { type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { category: 'confirmed', status: 'released' } },
    ] });
    expect(fc.features).toEqual([{ type: 'Feature', geometry: { type: 'Point', coordinates: [1, 2] }, properties: { category: 'confirmed' } }]);
  });

  it('clusters cases with a radius that scales with the wall', () => {
    const empty: FeatureCollection = { type: 'FeatureCollection', features: [] };
    expect(wallCaseSource(empty, 1)).toMatchObject({ type: 'geojson', cluster: true, clusterRadius: 44 });
    expect(wallCaseSource(empty, 2).clusterRadius).toBe(88);
    const layers = wallCaseLayers();
    expect(keeps(byId(layers, 'wall-cases-cluster'), { point_count: 5, cluster: true })).toBe(true);
    expect(keeps(byId(layers, 'wall-cases-point'), { category: 'confirmed' })).toBe(true);
    expect(keeps(byId(layers, 'wall-cases-point'), { category: 'closeContact' })).toBe(false);
  });
});

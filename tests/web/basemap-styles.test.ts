import { describe, expect, it } from 'vitest';
import { ROAD_CLASSES } from '../../domain/layers.ts';
import {
  adminLabelLayers, boundaryLayers, buildingLayers, landuseLayers, MAJOR_ROAD_CLASSES, MINOR_ROAD_CLASSES,
  placeLabelLayers, placeLayers, roadLayers, waterwayLayers,
} from '../../web/map/basemap-styles.ts';
import { baseStyle } from '../../web/map/base-style.ts';
import { FONT } from '../../web/map/style-kit.ts';
import { evaluate, keeps, validate } from './style-eval.ts';

const all = () => [
  ...landuseLayers(), ...waterwayLayers(), ...roadLayers('roads'), ...roadLayers('roads-minor', 13), ...buildingLayers(),
  ...placeLayers(), ...placeLabelLayers(),
  ...(['district', 'townships', 'villages', 'grids'] as const).flatMap(boundaryLayers),
  ...(['townships', 'villages', 'grids'] as const).flatMap(adminLabelLayers),
];

describe('base map specs', () => {
  it('is a valid MapLibre style', () => {
    expect(validate(all())).toEqual([]);
  });

  it('has no URL but the font faces: no tiles, sprite or glyphs', () => {
    const style = baseStyle({ [FONT]: [] });
    expect(style.sources).toEqual({});
    expect(style).not.toHaveProperty('glyphs');
    expect(style).not.toHaveProperty('sprite');
    expect(Object.keys(style['font-faces'] ?? {})).toEqual([FONT]);
  });

  it('splits road classes between the district-wide and the per-viewport fetch', () => {
    expect([...MAJOR_ROAD_CLASSES, ...MINOR_ROAD_CLASSES].sort()).toEqual([...ROAD_CLASSES].sort());
  });

  it('draws trunk roads wider than primary ones, and expressways widest', () => {
    const line = roadLayers('roads')[1].spec;
    const width = (cls: string) => evaluate(line, 'paint', 'line-width', { class: cls }, 15, 'LineString') as number;
    expect(width('trunk')).toBeGreaterThan(width('primary'));
    expect(width('expressway')).toBeGreaterThanOrEqual(width('trunk'));
    expect(width('lane')).toBeLessThan(width('residential'));
  });

  it('labels townships from their label-point source, large, and villages only from zoom 12', () => {
    const [townships] = adminLabelLayers('townships');
    expect(townships.spec).toMatchObject({ id: 'townships-label', type: 'symbol', source: 'townships-labels' });
    expect(evaluate(townships.spec, 'layout', 'text-size', {}, 12)).toBeGreaterThanOrEqual(16);
    expect(adminLabelLayers('villages')[0].spec.minzoom).toBe(12);
    expect(boundaryLayers('grids')[0].spec.minzoom).toBeGreaterThanOrEqual(13);
  });

  it('writes road names along the line', () => {
    const label = roadLayers('roads')[2].spec;
    expect(label.id).toBe('roads-label');
    expect(evaluate(label, 'layout', 'symbol-placement')).toBe('line');
    expect(keeps(label, { name: '滏阳大街' }, 'LineString')).toBe(true);
    expect(keeps(label, {}, 'LineString')).toBe(false);
  });

  it('shows buildings from zoom 14 only', () => {
    expect(buildingLayers()[0].spec).toMatchObject({ id: 'buildings-fill', minzoom: 14 });
  });
});

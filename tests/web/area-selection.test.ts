import { describe, expect, it } from 'vitest';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import {
  addDrawn, fromAreaFeatures, removeArea, sameAreas, selectedIds, selectionBbox, toAreasBody, toFeatureCollection, togglePicked,
  type PickedUnit,
} from '../../web/stores/area-selection.ts';

const square = (x: number, y: number, d = 0.01): Polygon =>
  ({ type: 'Polygon', coordinates: [[[x, y], [x + d, y], [x + d, y + d], [x, y + d], [x, y]]] });
const grid = (id: number): PickedUnit => ({ kind: 'grid', id, name: `网格${id}`, geometry: square(114.1 + id / 100, 36.4) });
const village = (id: number): PickedUnit => ({ kind: 'village', id, name: `村${id}`, geometry: square(114.2, 36.45) });

const saved: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', geometry: square(114.1, 36.4), properties: { id: 1, kind: 'grid', name: '滏阳东路第1网格', gridId: 7, adminUnitId: 40 } },
    { type: 'Feature', geometry: square(114.2, 36.45), properties: { id: 2, kind: 'village', name: '南大峪村', gridId: null, adminUnitId: 55 } },
    { type: 'Feature', geometry: { type: 'MultiPolygon', coordinates: [square(114.3, 36.5).coordinates, square(114.32, 36.5).coordinates] } as MultiPolygon,
      properties: { id: 3, kind: 'drawn', name: null, gridId: null, adminUnitId: null } },
    { type: 'Feature', geometry: { type: 'Point', coordinates: [114, 36] }, properties: { id: 4, kind: 'grid', gridId: 9 } },
  ],
};

describe('team area selection', () => {
  it('reads the saved areas, one drawn item per polygon part, skipping non-areas', () => {
    const items = fromAreaFeatures(saved);
    expect(items.map((i) => i.key)).toEqual(['grid:7', 'unit:55', 'drawn:saved-3-0', 'drawn:saved-3-1']);
    expect(items[0]).toMatchObject({ kind: 'grid', gridId: 7, name: '滏阳东路第1网格' });
    expect(items[2].geometry.type).toBe('Polygon');
  });

  it('toggles a clicked grid or village in and out', () => {
    let items = togglePicked([], grid(1));
    items = togglePicked(items, grid(2));
    items = togglePicked(items, village(30));
    expect(items.map((i) => i.key)).toEqual(['grid:1', 'grid:2', 'unit:30']);
    items = togglePicked(items, grid(1));
    expect(items.map((i) => i.key)).toEqual(['grid:2', 'unit:30']);
    expect(selectedIds(items)).toEqual({ grids: [2], units: [30] });
  });

  it('gives each drawn polygon its own key, even after one is removed', () => {
    let items = addDrawn([], square(114.1, 36.4));
    items = addDrawn(items, square(114.2, 36.4));
    items = removeArea(items, 'drawn:new-1');
    items = addDrawn(items, square(114.3, 36.4));
    expect(items.map((i) => i.key)).toEqual(['drawn:new-2', 'drawn:new-3']);
  });

  it('builds the PUT body with the full list: grids, admin units and drawn polygons', () => {
    let items = fromAreaFeatures(saved);
    items = togglePicked(items, grid(8));
    items = addDrawn(items, square(114.15, 36.42));
    expect(toAreasBody(items)).toEqual({ areas: [
      { gridId: 7 }, { adminUnitId: 55 },
      { geometry: square(114.3, 36.5) }, { geometry: square(114.32, 36.5) },
      { gridId: 8 }, { geometry: square(114.15, 36.42) },
    ] });
    expect(toAreasBody([])).toEqual({ areas: [] });
  });

  it('knows when the edited selection differs from the saved one, order aside', () => {
    const items = fromAreaFeatures(saved);
    expect(sameAreas(items, [...items].reverse())).toBe(true);
    const edited = togglePicked(items, grid(8));
    expect(sameAreas(edited, items)).toBe(false);
    expect(sameAreas(togglePicked(edited, grid(8)), items)).toBe(true);
    expect(sameAreas(addDrawn([], square(1, 1)), addDrawn([], square(2, 2)))).toBe(false);
  });

  it('hands the map one feature per item, keyed, and the box to fit', () => {
    const items = togglePicked(addDrawn([], square(114.3, 36.5)), grid(1));
    const fc = toFeatureCollection(items);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { key: 'drawn:new-1', kind: 'drawn', name: null }, { key: 'grid:1', kind: 'grid', name: '网格1' },
    ]);
    expect(selectionBbox(items)).toEqual([114.11, 36.4, 114.31, 36.51]);
    expect(selectionBbox([])).toBeNull();
  });
});

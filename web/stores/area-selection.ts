// The areas being assigned to a team, as plain data: the server's saved areas, grids and
// villages toggled by clicking the map, polygons drawn with terra-draw. Every item keeps its
// geometry so the map can show the selection without looking anything up. Pure: each change
// returns a new array, so a Pinia shallowRef holding it re-renders on assignment.
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import type { AreaGeometry, AreaInput, AreaKind } from './admin-types.ts';

export interface AreaItem {
  /** Stable identity within a selection: 'grid:<gridId>', 'unit:<adminUnitId>', 'drawn:<n>'. */
  key: string;
  kind: AreaKind;
  gridId: number | null;
  adminUnitId: number | null;
  name: string | null;
  geometry: AreaGeometry;
}

/** A grid or village clicked on the map: its layer feature's id, name and full geometry. */
export interface PickedUnit { kind: 'grid' | 'village'; id: number; name: string | null; geometry: AreaGeometry }

export type AreaProperties = { key: string; kind: AreaKind; name: string | null };

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const isArea = (g: Feature['geometry'] | null): g is AreaGeometry => g?.type === 'Polygon' || g?.type === 'MultiPolygon';

/** The saved areas from GET /teams/{id}/areas; a drawn MultiPolygon becomes one item per part. */
export function fromAreaFeatures(fc: FeatureCollection): AreaItem[] {
  const items: AreaItem[] = [];
  for (const f of fc.features) {
    if (!isArea(f.geometry)) continue;
    const p = f.properties ?? {};
    const kind = p.kind as AreaKind;
    const base = { kind, gridId: num(p.gridId), adminUnitId: num(p.adminUnitId), name: str(p.name) };
    if (kind === 'grid' && base.gridId !== null) items.push({ ...base, key: `grid:${base.gridId}`, geometry: f.geometry });
    else if (kind !== 'drawn' && base.adminUnitId !== null) items.push({ ...base, key: `unit:${base.adminUnitId}`, geometry: f.geometry });
    else if (kind === 'drawn') {
      const parts: Polygon[] = f.geometry.type === 'Polygon' ? [f.geometry]
        : f.geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
      parts.forEach((geometry, i) => items.push({ ...base, key: `drawn:saved-${p.id ?? f.id}-${i}`, geometry }));
    }
  }
  return items;
}

/** Adds the clicked grid or village, or removes it when it is already selected. */
export function togglePicked(items: readonly AreaItem[], pick: PickedUnit): AreaItem[] {
  const key = pick.kind === 'grid' ? `grid:${pick.id}` : `unit:${pick.id}`;
  if (items.some((i) => i.key === key)) return items.filter((i) => i.key !== key);
  return [...items, {
    key, kind: pick.kind, name: pick.name, geometry: pick.geometry,
    gridId: pick.kind === 'grid' ? pick.id : null, adminUnitId: pick.kind === 'village' ? pick.id : null,
  }];
}

/** Appends a drawn polygon under a key no other item of this selection has. */
export function addDrawn(items: readonly AreaItem[], polygon: Polygon): AreaItem[] {
  const used = items.map((i) => /^drawn:new-(\d+)$/.exec(i.key)).map((m) => (m ? Number(m[1]) : 0));
  const n = Math.max(0, ...used) + 1;
  return [...items, { key: `drawn:new-${n}`, kind: 'drawn', gridId: null, adminUnitId: null, name: null, geometry: polygon }];
}

export const removeArea = (items: readonly AreaItem[], key: string): AreaItem[] => items.filter((i) => i.key !== key);

/** The body of PUT /teams/{id}/areas: the whole list, since the server replaces the team's areas. */
export function toAreasBody(items: readonly AreaItem[]): { areas: AreaInput[] } {
  return {
    areas: items.map((i): AreaInput => {
      if (i.kind === 'grid' && i.gridId !== null) return { gridId: i.gridId };
      if (i.kind !== 'drawn' && i.adminUnitId !== null) return { adminUnitId: i.adminUnitId };
      if (i.geometry.type !== 'Polygon') throw new Error(`drawn area ${i.key} is not a Polygon`);
      return { geometry: i.geometry };
    }),
  };
}

/** What the map draws: one feature per item, its key as the feature's properties.key. */
export function toFeatureCollection(items: readonly AreaItem[]): FeatureCollection<AreaGeometry, AreaProperties> {
  return {
    type: 'FeatureCollection',
    features: items.map((i) => ({ type: 'Feature', geometry: i.geometry, properties: { key: i.key, kind: i.kind, name: i.name } })),
  };
}

/** Whether two selections would save the same areas (order ignored): drives the Save button. */
export function sameAreas(a: readonly AreaItem[], b: readonly AreaItem[]): boolean {
  const sig = (items: readonly AreaItem[]) => items
    .map((i) => (i.kind === 'drawn' ? `drawn:${JSON.stringify(i.geometry.coordinates)}` : i.key)).sort().join('|');
  return sig(a) === sig(b);
}

/** Ids of the selected grids and admin units, for highlighting them on the pick layers. */
export function selectedIds(items: readonly AreaItem[]): { grids: number[]; units: number[] } {
  return {
    grids: items.flatMap((i) => (i.kind === 'grid' && i.gridId !== null ? [i.gridId] : [])),
    units: items.flatMap((i) => (i.kind !== 'grid' && i.kind !== 'drawn' && i.adminUnitId !== null ? [i.adminUnitId] : [])),
  };
}

/** The box around all items, [minLng, minLat, maxLng, maxLat], to fit the map; null when empty. */
export function selectionBbox(items: readonly AreaItem[]): [number, number, number, number] | null {
  if (items.length === 0) return null;
  return geometryBbox({ type: 'GeometryCollection', geometries: items.map((i) => i.geometry) });
}

// A road file (issue 8: POST /roads/import) read into rows: a GeoJSON FeatureCollection of
// LineString / MultiLineString features with `class` (or OSM `highway`), `name` and `oneway`.
// Every feature is checked and every fault listed with its index (0-based, the file's order),
// so whoever prepared the file can fix them all in one pass; one fault and nothing is imported.
import type { LineString, MultiLineString } from 'geojson';
import type { RoadClass } from '../layers.ts';
import type { SheetCrs } from '../sheets/import-fields.ts';
import { onewayOf, roadClassOf } from './classes.ts';
import { roadGeometry, type LineCheck } from './geometry.ts';

/** A district's roads are tens of thousands of ways (the demo: 21,694); a city's fit under this. */
export const MAX_ROAD_FEATURES = 200_000;
/** Errors listed in full; beyond, only counted (a wrong CRS or swapped axes fails every feature). */
export const MAX_LISTED_ERRORS = 1_000;
const MAX_NAME_CHARS = 100;

export type RoadErrorCode = 'not_a_feature_collection' | 'no_features' | 'too_many_features' | 'not_a_feature'
  | 'missing_class' | 'unknown_class' | 'bad_oneway' | 'bad_name' | Extract<LineCheck, { ok: false }>['code'];

/** index: the feature's position in `features` (null: the file as a whole). */
export interface RoadError { index: number | null; code: RoadErrorCode; detail: string }

export interface ParsedRoad { index: number; name: string | null; roadClass: RoadClass; oneway: boolean; geometry: LineString | MultiLineString }

export type RoadFile = { ok: true; roads: ParsedRoad[]; vertices: number } | { ok: false; errors: RoadError[]; errorCount: number };

function nameOf(props: Record<string, unknown>): string | null | { bad: string } {
  const raw = props.name ?? props['name:zh'];
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string' && typeof raw !== 'number') return { bad: `name must be text, not ${typeof raw}` };
  const name = String(raw).trim();
  if (name.length > MAX_NAME_CHARS) return { bad: `name is longer than ${MAX_NAME_CHARS} characters` };
  return name || null;
}

/** One feature, or its first fault. */
function parseFeature(f: unknown, index: number, crs: SheetCrs): ParsedRoad | RoadError {
  if (typeof f !== 'object' || f === null || (f as { type?: unknown }).type !== 'Feature') {
    return { index, code: 'not_a_feature', detail: 'each entry of features must be a GeoJSON Feature' };
  }
  const feature = f as { properties?: unknown; geometry?: unknown };
  const props = (typeof feature.properties === 'object' && feature.properties !== null ? feature.properties : {}) as Record<string, unknown>;
  const cls = roadClassOf(props);
  if (!cls.ok) {
    return { index, code: cls.code, detail: cls.code === 'missing_class' ? 'no class or highway property'
      : `class/highway ${cls.value} is not a road class (expressway…lane) or a known OSM highway value` };
  }
  const name = nameOf(props);
  if (typeof name === 'object' && name !== null) return { index, code: 'bad_name', detail: name.bad };
  const way = onewayOf(props.oneway);
  if (!way.ok) return { index, code: 'bad_oneway', detail: `oneway ${way.value} is not yes/true/1, -1, or no` };
  const line = roadGeometry(feature.geometry, crs, way.reversed);
  if (!line.ok) return { index, code: line.code, detail: line.detail };
  return { index, name, roadClass: cls.roadClass, oneway: way.oneway, geometry: line.geometry };
}

/** Reads a whole file: every road, or every fault (the first MAX_LISTED_ERRORS listed). */
export function parseRoadFile(data: unknown, crs: SheetCrs): RoadFile {
  const fc = data as { type?: unknown; features?: unknown };
  const whole = (code: RoadErrorCode, detail: string): RoadFile => ({ ok: false, errors: [{ index: null, code, detail }], errorCount: 1 });
  if (typeof data !== 'object' || data === null || fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    return whole('not_a_feature_collection', 'data must be a GeoJSON FeatureCollection');
  }
  if (fc.features.length === 0) return whole('no_features', 'the collection has no features');
  if (fc.features.length > MAX_ROAD_FEATURES) return whole('too_many_features', `${fc.features.length} features; one import takes at most ${MAX_ROAD_FEATURES}`);
  const roads: ParsedRoad[] = [];
  const errors: RoadError[] = [];
  let errorCount = 0, vertices = 0;
  fc.features.forEach((f, i) => {
    const r = parseFeature(f, i, crs);
    if ('code' in r) {
      if (errorCount++ < MAX_LISTED_ERRORS) errors.push(r);
    } else if (errorCount === 0) {
      roads.push(r);
      vertices += r.geometry.type === 'LineString' ? r.geometry.coordinates.length : r.geometry.coordinates.reduce((n, l) => n + l.length, 0);
    }
  });
  return errorCount ? { ok: false, errors, errorCount } : { ok: true, roads, vertices };
}

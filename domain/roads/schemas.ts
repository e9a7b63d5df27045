// The body of POST /roads/import (issue 8). `data` is taken as it comes and read by parse.ts,
// which lists every bad feature by its index — zod would report paths such as
// "data.features.7.geometry.coordinates.0.1: Expected number", one per issue, not per road.
import { z } from 'zod';
import { SHEET_CRS } from '../sheets/import-fields.ts';

export const ROAD_IMPORT_MODES = ['append', 'replace'] as const;
export type RoadImportMode = (typeof ROAD_IMPORT_MODES)[number];

export const RoadImportBody = z.strictObject({
  crs: z.enum(SHEET_CRS).describe('the coordinate system of the file: WGS84 (GPS, OSM), GCJ02 (AMap, Tencent) or BD09 (Baidu)'),
  mode: z.enum(ROAD_IMPORT_MODES).describe('append: add to the roads; replace: the file becomes the road network (the old roads are deleted)'),
  data: z.unknown().describe('a GeoJSON FeatureCollection of LineString/MultiLineString features; properties class (expressway, trunk, '
    + 'primary, secondary, tertiary, residential, lane) or OSM highway, name, oneway (yes/true/1, -1, no)'),
});

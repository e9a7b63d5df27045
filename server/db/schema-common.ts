// Column conventions shared by every table file (architecture.md §9): ISO-8601 text timestamps,
// 0/1 integer flags, JSON as text, geometry as GeoJSON text plus bbox columns.
import type { Generated } from 'kysely';

export type Id = Generated<number>;
export type Json = string; // JSON text
export type IsoTime = string; // ISO-8601, UTC with 'Z'
export type IsoDate = string; // YYYY-MM-DD, an Asia/Shanghai calendar day
export type Flag = number; // 0 | 1

/** Columns every spatial table carries; the spatial index is kept on the bbox columns. */
export interface Spatial {
  geometry: Json; // a GeoJSON Geometry object, WGS-84 [lng, lat]
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

/** Validity interval for the as-of (`at=`) filter: valid_from <= at < valid_to. */
export interface Temporal {
  valid_from: IsoTime;
  valid_to: IsoTime | null;
}

// The local metric frame of the demo district and its conversion to WGS-84 [lng, lat].
// All layout happens in metres east (x) and north (y) of the extent's south-west corner; only
// output converts, rounding to 6 decimals (≈ 0.1 m), as the contract asks.
import type { Position } from 'geojson';

/** The district's WGS-84 extent (domain-rules.md §3.2, the DataV polygon's bbox, rounded). */
export const EXTENT = { west: 114.047, south: 36.342, east: 114.31, north: 36.574 } as const;

const LAT0 = ((EXTENT.south + EXTENT.north) / 2) * (Math.PI / 180);
/** Metres per degree at the extent's mid latitude (WGS-84 ellipsoid series). */
export const M_PER_DEG_LAT = 111132.92 - 559.82 * Math.cos(2 * LAT0) + 1.175 * Math.cos(4 * LAT0);
export const M_PER_DEG_LNG = 111412.84 * Math.cos(LAT0) - 93.5 * Math.cos(3 * LAT0);

/** Extent size in metres. */
export const WIDTH_M = (EXTENT.east - EXTENT.west) * M_PER_DEG_LNG;
export const HEIGHT_M = (EXTENT.north - EXTENT.south) * M_PER_DEG_LAT;

export const round6 = (v: number): number => Math.round(v * 1e6) / 1e6;

export function toLngLat(x: number, y: number): Position {
  return [round6(EXTENT.west + x / M_PER_DEG_LNG), round6(EXTENT.south + y / M_PER_DEG_LAT)];
}

export function toXY(p: Position): [number, number] {
  return [(p[0] - EXTENT.west) * M_PER_DEG_LNG, (p[1] - EXTENT.south) * M_PER_DEG_LAT];
}

/** Normalised frame: u = 0 west … 1 east, v = 0 south … 1 north. */
export const toUV = (x: number, y: number): [number, number] => [x / WIDTH_M, y / HEIGHT_M];
export const fromUV = (u: number, v: number): [number, number] => [u * WIDTH_M, v * HEIGHT_M];

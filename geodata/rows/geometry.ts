// Metric drafts → GeoJSON in WGS-84 (6 decimals).
import type { Point, Polygon, Position } from 'geojson';
import { toLngLat } from '../frame.ts';
import type { XY } from '../model.ts';

export const ringLngLat = (ring: readonly XY[]): Position[] => ring.map(([x, y]) => toLngLat(x, y));
export const polygon = (ring: readonly XY[]): Polygon => ({ type: 'Polygon', coordinates: [ringLngLat(ring)] });
export const point = ([x, y]: XY): Point => ({ type: 'Point', coordinates: toLngLat(x, y) });

export function centroid(ring: readonly XY[]): XY {
  let x = 0, y = 0;
  const n = ring.length - 1;
  for (let k = 0; k < n; k++) { x += ring[k][0]; y += ring[k][1]; }
  return [x / n, y / n];
}

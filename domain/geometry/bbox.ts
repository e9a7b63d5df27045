// Bounding boxes [minLng, minLat, maxLng, maxLat] in WGS-84 degrees.
import type { Geometry, Position } from 'geojson';

export type Bbox = [minLng: number, minLat: number, maxLng: number, maxLat: number];

export type BboxParse = { ok: true; bbox: Bbox } | { ok: false; reason: string };

/** Parses the `bbox=` query value "minLng,minLat,maxLng,maxLat" and rejects what is not a WGS-84 box. */
export function parseBbox(text: string): BboxParse {
  const parts = text.split(',');
  if (parts.length !== 4) return { ok: false, reason: 'bbox needs 4 comma-separated numbers: minLng,minLat,maxLng,maxLat' };
  const nums = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
  if (nums.some((n) => !Number.isFinite(n))) return { ok: false, reason: 'bbox values must be finite numbers' };
  const [minLng, minLat, maxLng, maxLat] = nums;
  if (minLng < -180 || maxLng > 180) return { ok: false, reason: 'bbox longitudes must lie in [-180, 180]' };
  if (minLat < -90 || maxLat > 90) return { ok: false, reason: 'bbox latitudes must lie in [-90, 90]' };
  if (minLng > maxLng || minLat > maxLat) return { ok: false, reason: 'bbox minimum must not exceed maximum' };
  return { ok: true, bbox: [minLng, minLat, maxLng, maxLat] };
}

/** The bbox of any GeoJSON geometry (GeometryCollection included). */
export function geometryBbox(geometry: Geometry): Bbox {
  const box: Bbox = [Infinity, Infinity, -Infinity, -Infinity];
  const add = (p: Position) => {
    if (p[0] < box[0]) box[0] = p[0];
    if (p[1] < box[1]) box[1] = p[1];
    if (p[0] > box[2]) box[2] = p[0];
    if (p[1] > box[3]) box[3] = p[1];
  };
  const walk = (g: Geometry): void => {
    switch (g.type) {
      case 'Point': add(g.coordinates); break;
      case 'MultiPoint': case 'LineString': g.coordinates.forEach(add); break;
      case 'MultiLineString': case 'Polygon': g.coordinates.forEach((l) => l.forEach(add)); break;
      case 'MultiPolygon': g.coordinates.forEach((pl) => pl.forEach((l) => l.forEach(add))); break;
      case 'GeometryCollection': g.geometries.forEach(walk); break;
    }
  };
  walk(geometry);
  return box;
}

/** A box around a point, `halfSideMeters` each way (equirectangular: fine at township scale). */
export function boxAround(lng: number, lat: number, halfSideMeters: number): Bbox {
  const dLat = halfSideMeters / 111_320;
  const dLng = halfSideMeters / (111_320 * Math.cos((lat * Math.PI) / 180));
  return [lng - dLng, lat - dLat, lng + dLng, lat + dLat];
}

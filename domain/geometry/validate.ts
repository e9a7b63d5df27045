// Validation of incoming GeoJSON geometry (reliability.md §6): RFC 7946 structure, finite
// ordinates in range, closed rings of >= 4 positions, no self-intersection (turf kinks, since
// booleanValid misses bow-ties), a vertex cap. Wrong winding is rewound, not rejected.
import { kinks, rewind } from '@turf/turf';
import type { Geometry, Polygon, MultiPolygon, Position } from 'geojson';

export const MAX_VERTICES = 5_000;

export type GeometryCheck = { ok: true; geometry: Geometry } | { ok: false; reason: string };

const fail = (reason: string): GeometryCheck => ({ ok: false, reason });

function checkPosition(p: unknown): string | null {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3) return 'a position must have 2 or 3 numbers';
  if (!p.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'ordinates must be finite numbers';
  const [lng, lat] = p as number[];
  if (lng < -180 || lng > 180) return `longitude ${lng} is outside [-180, 180]`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside [-90, 90] (lng/lat swapped?)`;
  return null;
}

function checkRing(ring: unknown): string | null {
  if (!Array.isArray(ring) || ring.length < 4) return 'a linear ring needs at least 4 positions';
  for (const p of ring) { const e = checkPosition(p); if (e) return e; }
  const a = ring[0] as Position, b = ring[ring.length - 1] as Position;
  if (a[0] !== b[0] || a[1] !== b[1]) return 'a linear ring must be closed (first position = last)';
  return null;
}

/** A polygon is a non-empty array of rings (exterior first, RFC 7946 §3.1.6). */
function checkPolygon(rings: unknown): string | null {
  if (!Array.isArray(rings) || rings.length === 0) return 'a polygon needs at least its exterior ring';
  return rings.map(checkRing).find(Boolean) ?? null;
}

function countVertices(coords: unknown): number {
  if (!Array.isArray(coords)) return 0;
  if (typeof coords[0] === 'number') return 1;
  return coords.reduce((n: number, c: unknown) => n + countVertices(c), 0);
}

/** Checks an untrusted geometry; `allowed` restricts the types (e.g. ['Point']). */
export function validateGeometry(input: unknown, allowed: readonly Geometry['type'][]): GeometryCheck {
  if (typeof input !== 'object' || input === null) return fail('geometry must be a GeoJSON object');
  const g = input as { type?: unknown; coordinates?: unknown };
  if (typeof g.type !== 'string' || !allowed.includes(g.type as Geometry['type'])) {
    return fail(`geometry type must be one of ${allowed.join(', ')}`);
  }
  const c = g.coordinates;
  if (!Array.isArray(c) || c.length === 0) return fail('coordinates must be a non-empty array');
  if (countVertices(c) > MAX_VERTICES) return fail(`more than ${MAX_VERTICES} vertices`);
  let err: string | null = null;
  switch (g.type) {
    case 'Point': err = checkPosition(c); break;
    case 'MultiPoint': case 'LineString':
      err = c.map(checkPosition).find(Boolean) ?? (g.type === 'LineString' && c.length < 2 ? 'a LineString needs 2 positions' : null);
      break;
    case 'MultiLineString': err = c.flatMap((l: unknown) => (Array.isArray(l) ? l.map(checkPosition) : ['bad line'])).find(Boolean) ?? null; break;
    case 'Polygon': err = checkPolygon(c); break;
    // Each member must be a polygon with at least its exterior ring: an empty member ([[]] or
    // [[ring], []]) makes turf's kinks/rewind throw a TypeError, so it is refused here.
    case 'MultiPolygon': err = c.map(checkPolygon).find(Boolean) ?? null; break;
  }
  if (err) return fail(err);
  const geometry = { type: g.type, coordinates: c } as Geometry; // drops foreign members
  if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
    if (kinks(geometry as Polygon | MultiPolygon).features.length > 0) return fail('the polygon intersects itself');
    return { ok: true, geometry: rewind(geometry as Polygon | MultiPolygon) as Geometry };
  }
  return { ok: true, geometry };
}

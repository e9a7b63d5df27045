// A local planar projection for metre-based geometry over a township or county (tens of km):
// equirectangular about an origin, scaled by the WGS-84 ellipsoid's meridional radius M and
// prime-vertical radius N at the origin's latitude (any geodesy text, e.g. Snyder, "Map
// Projections — A Working Manual", USGS PP 1395, 1987, eq. 4-18 and 4-20).
// Why not a full transverse Mercator: buffers of a few hundred metres only need distances right
// to ~0.1 % and the forward/inverse must be cheap for 10⁵ points. The east–west scale error grows
// as tan(lat0)·Δlat: 0.12 % 10 km north or south of the origin at 36.4° N (Fengfeng).
// x grows east, y grows north, so ring orientation (CCW outer rings) survives both directions.

/** WGS-84 semi-major axis (m) and first eccentricity squared (NIMA TR8350.2, 3rd ed., Table 3.1). */
const WGS84_A_METERS = 6_378_137;
const WGS84_E2 = 0.006_694_379_990_14;
const RAD = Math.PI / 180;

export interface LocalProjection {
  originLng: number;
  originLat: number;
  metersPerDegreeLng: number;
  metersPerDegreeLat: number;
}

/** The projection whose origin is (lng, lat). */
export function localProjectionAt(originLng: number, originLat: number): LocalProjection {
  const sin = Math.sin(originLat * RAD);
  const w = 1 - WGS84_E2 * sin * sin;
  const meridionalRadiusMeters = (WGS84_A_METERS * (1 - WGS84_E2)) / (w * Math.sqrt(w));
  const primeVerticalRadiusMeters = WGS84_A_METERS / Math.sqrt(w);
  return {
    originLng,
    originLat,
    metersPerDegreeLng: primeVerticalRadiusMeters * Math.cos(originLat * RAD) * RAD,
    metersPerDegreeLat: meridionalRadiusMeters * RAD,
  };
}

/** The projection centred on the bounding box of `points` ([lng, lat]); (0, 0) when empty. */
export function localProjectionFor(points: readonly (readonly [number, number])[]): LocalProjection {
  if (points.length === 0) return localProjectionAt(0, 0);
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (const [lng, lat] of points) {
    if (lng < minLng) minLng = lng;
    if (lng > maxLng) maxLng = lng;
    if (lat < minLat) minLat = lat;
    if (lat > maxLat) maxLat = lat;
  }
  return localProjectionAt((minLng + maxLng) / 2, (minLat + maxLat) / 2);
}

/** [lng, lat] points → interleaved x0,y0,x1,y1,… metres east/north of the origin. */
export function projectPoints(points: readonly (readonly [number, number])[], p: LocalProjection): Float64Array {
  const xy = new Float64Array(points.length * 2);
  for (let i = 0; i < points.length; i++) {
    xy[2 * i] = (points[i][0] - p.originLng) * p.metersPerDegreeLng;
    xy[2 * i + 1] = (points[i][1] - p.originLat) * p.metersPerDegreeLat;
  }
  return xy;
}

/** Metres east/north of the origin → [lng, lat]. */
export function unproject(x: number, y: number, p: LocalProjection): [number, number] {
  return [p.originLng + x / p.metersPerDegreeLng, p.originLat + y / p.metersPerDegreeLat];
}

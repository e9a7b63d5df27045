// The in-process JavaScript peer of bench/coverage-radius.ts: what an analyst would write first,
// Turf's nearestPoint for every population point, then its distance ≤ the radius.
// Like with like: Turf measures haversine on a sphere, ours planar metres in the local projection;
// at Fengfeng the two differ by ~0.2 % north–south (2 m at 1 km: ~100 points of 100,000 sit in
// that band, so the counts would not agree). So Turf gets the same planar metres laid out as
// degrees around (0°, 0°) on its own sphere (R = 6,371,008.8 m): within 10 km of the equator its
// haversine equals the planar distance to ~1e-6 (1 mm at 1 km). The work Turf does is the same.
import { featureCollection, nearestPoint, point } from '@turf/turf';
import type { NearestRun } from './coverage-peers.ts';

const TURF_EARTH_RADIUS_METERS = 6_371_008.8;
const METERS_PER_DEGREE = (TURF_EARTH_RADIUS_METERS * Math.PI) / 180;

export function turfNearest(pointsXY: Float64Array, sitesXY: Float64Array, radiusMeters: number): NearestRun {
  const asFeatures = (xy: Float64Array) =>
    Array.from({ length: xy.length / 2 }, (_, i) => point([xy[2 * i] / METERS_PER_DEGREE, xy[2 * i + 1] / METERS_PER_DEGREE]));
  const sites = featureCollection(asFeatures(sitesXY));
  const points = asFeatures(pointsXY);
  const t0 = performance.now();
  const nearest = new Int32Array(points.length);
  for (let i = 0; i < points.length; i++) {
    const hit = nearestPoint(points[i], sites, { units: 'meters' });
    nearest[i] = hit.properties.distanceToPoint <= radiusMeters ? hit.properties.featureIndex : -1;
  }
  const ms = performance.now() - t0;
  let covered = 0;
  for (const v of nearest) if (v >= 0) covered++;
  return { ms, covered, nearest };
}

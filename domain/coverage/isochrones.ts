// Service areas (isochrones) over the road network, not circles: for each band of T minutes, the
// places a resident can reach from a facility in T minutes by the roads plus a short walk off the
// road (issue 8 item 1).
//
// The model is close to the coverage counts' (domain/routing/point-times.ts): a resident walks
// straight to a road, then travels along it (the counts take the nearest road; see below). A place at distance d from a road position q
// reached at τ(q) is within T when τ(q) + d / v_walk ≤ T. We buffer every position reached by
// T − r / v_walk with the same off-road radius r and dissolve with unionDisks (equal disks: our
// own exact, fast union). Why one radius and not smaller disks for the positions reached between
// T − r / v_walk and T:
//   - Walking, it loses nothing: along a path the remaining off-road radius v_walk·(T − τ) shrinks
//     by one metre per metre walked, so a later position's smaller disk lies inside the disk of
//     the position r metres back on its shortest path (triangle inequality). The band is then
//     exactly {places within r of the road whose walk fits in T}, up to the sampling below (and
//     within r of a facility, whose own spot stands in for the path behind it).
//   - Driving, the smaller disks would reach further (a car covers 4–12× more road than a walker
//     in the last 1.5 minutes); one radius under-draws the frontier by that stretch. Unequal
//     disks need a general polygon union, seconds with polyclip-ts (domain/zones/propose-rest.ts),
//     so the drive bands are conservative: every place inside is reachable in T.
//
// r = 100 m (OFF_ROAD_METERS): on the demo 96.6 % of residents live within 100 m of a road
// (median 26 m, 99th percentile 114 m). Measured against the counts (pointMinutes, which walks a
// resident to the *nearest* road, up to ACCESS_MAX_METERS = 300 m), 184 testing sites, walking:
// the 15-minute band holds 96.0 % of the residents the counts call covered (the rest live over
// 100 m from a road) and 2.3 % of those they call uncovered (people the counts walk round a
// corner to the nearest road while a straight walk reaches another). r = 150 m holds 100 % of
// the covered but 4.2 % of the uncovered, and 17.7 % at 5 minutes; the uncovered are the ones
// drawn on the map, so the smaller r disagrees less where it shows.
// Sampling: positions at most r / 3 apart along each edge. Between two disks centred h apart the
// union's edge sags h² / (8r) below the capsule's side, averaging h² / (24r) = r / 216 (0.5 % of
// the side's width) at h = r / 3; r / 4 cost ~20 % more time for 0.04 % more area on the demo.
import type { MultiPolygon } from 'geojson';
import { unionDisks } from '../geometry/disk-union.ts';
import { unproject } from '../geometry/local-projection.ts';
import { accessMinutes } from '../routing/speeds.ts';
import type { EdgeCosts, NodeTimes, RoadGraph, Snapped } from '../routing/types.ts';
import { bandPositions } from './isochrone-samples.ts';

/** How far a resident walks off the road in a service area's drawing (metres); see above. */
export const OFF_ROAD_METERS = 100;
/** Positions along the roads at most this fraction of the off-road radius apart. */
const STEP_PER_RADIUS = 1 / 3;

export interface ServiceArea {
  minutes: number;
  /** WGS-84 [lng, lat]; null when nothing is reached in time. */
  geometry: MultiPolygon | null;
  areaSquareMeters: number;
}

/**
 * The service areas of the facilities whose network search gave `times` (travelTimes with a
 * cutoff ≥ the largest band), one per band, largest first (drawing order); each band contains the
 * smaller ones (up to the disks' 32-gon drawing, ≤ 0.5 % of r).
 * `sources`: the facilities' snapped spots (as passed to travelTimes), so a facility standing in
 * the middle of a long edge also covers the stretch around it before either end is reached.
 */
export function serviceAreas(graph: RoadGraph, costs: EdgeCosts, times: NodeTimes, bandMinutes: readonly number[], sources?: Snapped, radiusMeters = OFF_ROAD_METERS): ServiceArea[] {
  for (const m of bandMinutes) {
    if (!Number.isFinite(m) || m < 0) throw new RangeError(`band minutes must be finite and ≥ 0, got ${m}`);
  }
  if (!(radiusMeters > 0) || !Number.isFinite(radiusMeters)) throw new RangeError(`radiusMeters must be positive, got ${radiusMeters}`);
  const ascending = [...new Set(bandMinutes)].sort((a, b) => a - b);
  // A band too short for the full off-road walk (under 2 × 1.5 minutes at 100 m) walks half its
  // time on the road and half off it; the others share one radius and one pass over the edges.
  const metersPerMinute = radiusMeters / accessMinutes(radiusMeters);
  const radiusOf = (minutes: number) => Math.min(radiusMeters, (metersPerMinute * minutes) / 2);
  const byMinutes = new Map<number, ServiceArea>();
  for (const radius of new Set(ascending.map(radiusOf))) {
    const group = ascending.filter((m) => radiusOf(m) === radius);
    if (!(radius > 0)) { for (const minutes of group) byMinutes.set(minutes, { minutes, geometry: null, areaSquareMeters: 0 }); continue; }
    const reach = group.map((m) => m - accessMinutes(radius));
    const positions = bandPositions(graph, costs, times, reach, radius * STEP_PER_RADIUS, sources);
    group.forEach((minutes, i) => byMinutes.set(minutes, dissolve(graph, positions[i], radius, minutes)));
  }
  return [...bandMinutes].sort((a, b) => b - a).map((m) => byMinutes.get(m)!);
}

function dissolve(graph: RoadGraph, xy: Float64Array, radiusMeters: number, minutes: number): ServiceArea {
  if (xy.length === 0) return { minutes, geometry: null, areaSquareMeters: 0 };
  const { polygons, areaSquareMeters } = unionDisks(xy, radiusMeters);
  const coordinates = polygons.map((rings) => rings.map((ring) => ring.map(([x, y]) => unproject(x, y, graph.projection))));
  return { minutes, geometry: { type: 'MultiPolygon', coordinates }, areaSquareMeters };
}

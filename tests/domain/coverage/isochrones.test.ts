import { area as turfArea } from '@turf/turf';
import type { MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { OFF_ROAD_METERS, serviceAreas } from '../../../domain/coverage/isochrones.ts';
import { localProjectionAt, unproject } from '../../../domain/geometry/local-projection.ts';
import { pointInRings, polygonsOf } from '../../../domain/geometry/point-in-ring.ts';
import { accessMinutes, WALK_KMH } from '../../../domain/routing/speeds.ts';
import { edgeCosts } from '../../../domain/routing/costs.ts';
import { travelTimes } from '../../../domain/routing/dijkstra.ts';
import { buildRoadGraph } from '../../../domain/routing/graph.ts';
import { pointMinutes } from '../../../domain/routing/point-times.ts';
import { snapPoints } from '../../../domain/routing/snap.ts';
import type { EdgeCosts, NodeTimes, RoadGraph, RoadInput, Snapped } from '../../../domain/routing/types.ts';

// Hand-made graphs in projected metres around Fengfeng; walking at WALK_KMH on every edge.
const PROJECTION = localProjectionAt(114.2, 36.4);
const WALK_M_PER_MIN = (WALK_KMH * 1000) / 60;
const R = OFF_ROAD_METERS;
const R_MINUTES = accessMinutes(R);

function graphOf(nodes: [number, number][], edges: [number, number][]): RoadGraph {
  const x = Float64Array.from(nodes, (n) => n[0]), y = Float64Array.from(nodes, (n) => n[1]);
  const lngLat = nodes.map(([px, py]) => unproject(px, py, PROJECTION));
  const edgeMeters = Float64Array.from(edges, ([a, b]) => Math.hypot(x[b] - x[a], y[b] - y[a]));
  const adj: number[][] = nodes.map(() => []);
  edges.forEach(([a, b], e) => { adj[a].push(e); adj[b].push(e); });
  return {
    nodeCount: nodes.length, x, y, projection: PROJECTION,
    lng: Float64Array.from(lngLat, (p) => p[0]), lat: Float64Array.from(lngLat, (p) => p[1]),
    edgeCount: edges.length, edgeFrom: Int32Array.from(edges, (e) => e[0]), edgeTo: Int32Array.from(edges, (e) => e[1]),
    edgeMeters, edgeClass: new Uint8Array(edges.length), edgeRoad: new Int32Array(edges.length), edgeOneway: new Uint8Array(edges.length),
    adjStart: Int32Array.from({ length: nodes.length + 1 }, (_, n) => adj.slice(0, n).reduce((s, l) => s + l.length, 0)),
    adjEdge: Int32Array.from(adj.flat()),
  };
}
const walkCosts = (g: RoadGraph, blocked: number[] = [], forwardOnly: number[] = []): EdgeCosts => ({
  mode: 'walk',
  minutes: Float64Array.from(g.edgeMeters, (m, e) => (blocked.includes(e) ? Infinity : m / WALK_M_PER_MIN)),
  forwardOnly: Uint8Array.from(g.edgeMeters, (_, e) => (forwardOnly.includes(e) ? 1 : 0)),
});
const timesOf = (minutes: number[]): NodeTimes => ({
  minutes: Float64Array.from(minutes), source: Int32Array.from(minutes, (m) => (Number.isFinite(m) ? 0 : -1)), viaEdge: new Int32Array(minutes.length).fill(-1),
});
const capsule = (lengthMeters: number, radius = R) => 2 * radius * lengthMeters + Math.PI * radius * radius;
/** Sampled disks draw a capsule a little inside the true one (scallops and 32-gons): within 1 %. */
const expectCapsule = (areaSquareMeters: number, lengthMeters: number, radius = R) => {
  expect(areaSquareMeters).toBeLessThanOrEqual(capsule(lengthMeters, radius));
  expect(areaSquareMeters).toBeGreaterThan(0.99 * capsule(lengthMeters, radius));
};
const inside = (g: MultiPolygon | null, px: number, py: number) => {
  const [lng, lat] = unproject(px, py, PROJECTION);
  return g !== null && polygonsOf(g).some((rings) => pointInRings(rings, lng, lat));
};

describe('serviceAreas: one straight road', () => {
  // 0 ——— 2,000 m ——— 1, the source at node 0.
  const g = graphOf([[0, 0], [2000, 0]], [[0, 1]]);
  const costs = walkCosts(g);
  const times = timesOf([0, 2000 / WALK_M_PER_MIN]);

  it('covers the road reached by T − r/v, buffered by r: a capsule', () => {
    const [band] = serviceAreas(g, costs, times, [15]);
    const reachedMeters = (15 - R_MINUTES) * WALK_M_PER_MIN; // 900 m
    expect(band.minutes).toBe(15);
    expectCapsule(band.areaSquareMeters, reachedMeters);
    // The far end of the road walked in 15 minutes (1,000 m) is on the boundary: just inside, just past it outside.
    expect(inside(band.geometry, 995, 0)).toBe(true);
    expect(inside(band.geometry, 1010, 0)).toBe(false);
    expect(inside(band.geometry, 500, 95)).toBe(true);
    expect(inside(band.geometry, 500, 105)).toBe(false);
  });

  it('returns WGS-84 polygons whose geodesic area matches the projected one', () => {
    const [band] = serviceAreas(g, costs, times, [15]);
    const [lng, lat] = band.geometry!.coordinates[0][0][0];
    expect(lng).toBeGreaterThan(114.19); expect(lng).toBeLessThan(114.22);
    expect(lat).toBeGreaterThan(36.39); expect(lat).toBeLessThan(36.41);
    expect(turfArea(band.geometry!) / band.areaSquareMeters).toBeCloseTo(1, 2);
  });

  it('a facility mid-edge covers its stretch both ways even though neither end is reached', () => {
    const sources: Snapped = { edge: Int32Array.of(0), t: Float64Array.of(0.5), accessMeters: Float64Array.of(0) };
    const farEnds = timesOf([1000 / WALK_M_PER_MIN, 1000 / WALK_M_PER_MIN]); // 15 min: beyond the 10-minute band
    const [band] = serviceAreas(g, costs, farEnds, [10], sources);
    const halfMeters = (10 - R_MINUTES) * WALK_M_PER_MIN;
    expectCapsule(band.areaSquareMeters, 2 * halfMeters);
    expect(serviceAreas(g, costs, farEnds, [10])[0].geometry).toBeNull();
  });

  it('a band too short for the full off-road walk splits its time: half on the road, half off it', () => {
    const [band] = serviceAreas(g, costs, times, [2]);
    const halfMeters = WALK_M_PER_MIN; // 1 minute's walk, 66.7 m
    expectCapsule(band.areaSquareMeters, halfMeters, halfMeters);
    expect(serviceAreas(g, costs, times, [0])[0]).toEqual({ minutes: 0, geometry: null, areaSquareMeters: 0 });
    expect(() => serviceAreas(g, costs, times, [Number.NaN])).toThrow(RangeError);
  });
});

describe('serviceAreas: direction, reach and blocks', () => {
  it('a forwardOnly edge is covered only from its start', () => {
    const g = graphOf([[0, 0], [2000, 0]], [[0, 1]]);
    const costs: EdgeCosts = { mode: 'drive', minutes: Float64Array.of(4), forwardOnly: Uint8Array.of(1) }; // 30 km/h
    // From the start: the whole edge by T − r/v = 8.5 min, so a capsule of the full 2 km.
    const fromStart = serviceAreas(g, costs, timesOf([0, 4]), [10])[0];
    expectCapsule(fromStart.areaSquareMeters, 2000);
    // From the end, against the one-way: only the disk around the end node.
    const fromEnd = serviceAreas(g, costs, timesOf([Infinity, 0]), [10])[0];
    expect(fromEnd.areaSquareMeters / (Math.PI * R * R)).toBeCloseTo(1, 1);
    expect(inside(fromEnd.geometry, 1950, 0)).toBe(true);
    expect(inside(fromEnd.geometry, 1850, 0)).toBe(false);
  });

  it('unreached nodes give nothing', () => {
    const g = graphOf([[0, 0], [500, 0], [5000, 0], [5500, 0]], [[0, 1], [2, 3]]);
    const times = timesOf([0, 500 / WALK_M_PER_MIN, Infinity, Infinity]);
    const [band] = serviceAreas(g, walkCosts(g), times, [15]);
    expect(inside(band.geometry, 250, 0)).toBe(true);
    expect(inside(band.geometry, 5250, 0)).toBe(false);
    expectCapsule(band.areaSquareMeters, 500);
    expect(serviceAreas(g, walkCosts(g), timesOf([Infinity, Infinity, Infinity, Infinity]), [5, 15]).map((b) => b.geometry)).toEqual([null, null]);
  });

  it('a blocked (Infinity) edge is not covered, even with both ends reached by a detour', () => {
    // 0 —(blocked, 1 km)— 1, and the detour 0 → 2 → 3 → 1 (300 + 1,000 + 300 m) 300 m to the north.
    const g = graphOf([[0, 0], [1000, 0], [0, 300], [1000, 300]], [[0, 1], [0, 2], [2, 3], [3, 1]]);
    const times = timesOf([0, 1600 / WALK_M_PER_MIN, 300 / WALK_M_PER_MIN, 1300 / WALK_M_PER_MIN]);
    const blocked = serviceAreas(g, walkCosts(g, [0]), times, [30])[0];
    expect(inside(blocked.geometry, 500, 0)).toBe(false);
    expect(inside(blocked.geometry, 500, 300)).toBe(true);
    const open = serviceAreas(g, walkCosts(g), timesOf([0, 1000 / WALK_M_PER_MIN, 300 / WALK_M_PER_MIN, 1300 / WALK_M_PER_MIN]), [30])[0];
    expect(inside(open.geometry, 500, 0)).toBe(true);
  });
});

describe('serviceAreas: bands on a grid of streets', () => {
  // 11 × 11 streets 150 m apart, the facility at the centre node; times = Manhattan walk.
  const nodes: [number, number][] = [], edges: [number, number][] = [], minutes: number[] = [];
  for (let i = 0; i <= 10; i++) for (let j = 0; j <= 10; j++) {
    nodes.push([i * 150, j * 150]);
    minutes.push(((Math.abs(i - 5) + Math.abs(j - 5)) * 150) / WALK_M_PER_MIN);
    if (i > 0) edges.push([(i - 1) * 11 + j, i * 11 + j]);
    if (j > 0) edges.push([i * 11 + j - 1, i * 11 + j]);
  }
  const g = graphOf(nodes, edges);
  const bands = serviceAreas(g, walkCosts(g), timesOf(minutes), [10, 5, 15]);

  it('returns every band, largest first, with growing areas', () => {
    expect(bands.map((b) => b.minutes)).toEqual([15, 10, 5]);
    expect(bands[2].areaSquareMeters).toBeGreaterThan(0);
    expect(bands[2].areaSquareMeters).toBeLessThan(bands[1].areaSquareMeters);
    expect(bands[1].areaSquareMeters).toBeLessThan(bands[0].areaSquareMeters);
  });

  it('nests: every vertex of a smaller band lies inside the larger (or on its edge, to 0.5 m)', () => {
    for (const [small, large] of [[bands[2], bands[1]], [bands[1], bands[0]], [bands[2], bands[0]]]) {
      for (const rings of small.geometry!.coordinates) for (const ring of rings) for (const [lng, lat] of ring) {
        const px = (lng - PROJECTION.originLng) * PROJECTION.metersPerDegreeLng, py = (lat - PROJECTION.originLat) * PROJECTION.metersPerDegreeLat;
        const near = [[0, 0], [0.5, 0], [-0.5, 0], [0, 0.5], [0, -0.5]].some(([dx, dy]) => inside(large.geometry, px + dx, py + dy));
        expect(near).toBe(true);
      }
    }
  });

  it('follows the streets, not a circle: a diamond, with the block centres off-road', () => {
    const fifteen = bands[0].geometry;
    // 1,000 m along the streets in 15 minutes: the axis reaches ~900 m + r, the diagonal only ~450 m each way.
    expect(inside(fifteen, 750 + 800, 750)).toBe(true);
    expect(inside(fifteen, 750 + 560, 750 + 560)).toBe(false); // 790 m straight line: inside a 1 km circle
    expect(inside(bands[2].geometry, 750 + 75, 750 + 75)).toBe(true); // a block next to the facility
  });

  it('a point far from every road is outside every band', () => {
    for (const b of bands) expect(inside(b.geometry, 750, 5000)).toBe(false);
  });
});

describe('serviceAreas with the real routing (buildRoadGraph, edgeCosts, snapPoints, travelTimes)', () => {
  // 9 × 9 residential streets 200 m apart (junctions shared by both streets), two sites just off the
  // road, and an expressway 600 m south of the grid that walkers may not use.
  const toLngLat = ([px, py]: number[]) => unproject(px, py, PROJECTION);
  const roads: RoadInput[] = [];
  for (let k = 0; k <= 8; k++) {
    roads.push({ id: roads.length + 1, roadClass: 'residential', oneway: false, coordinates: Array.from({ length: 9 }, (_, j) => toLngLat([k * 200, j * 200])) });
    roads.push({ id: roads.length + 1, roadClass: 'residential', oneway: false, coordinates: Array.from({ length: 9 }, (_, i) => toLngLat([i * 200, k * 200])) });
  }
  roads.push({ id: 99, roadClass: 'expressway', oneway: false, coordinates: [toLngLat([-2000, -600]), toLngLat([3600, -600])] });
  const graph = buildRoadGraph(roads);
  const costs = edgeCosts(graph, 'walk');
  const sites = Float64Array.from([[420, 230], [1370, 1210]].flatMap(toLngLat));
  const sources = snapPoints(graph, costs, sites);
  const times = travelTimes(graph, costs, sources, 15);
  const bands = serviceAreas(graph, costs, times, [5, 10, 15], sources);
  // Probe points every 25 m over the grid and beyond; their minutes as the coverage counts compute them.
  const probes: number[][] = [];
  for (let px = -300; px <= 1900; px += 25) for (let py = -700; py <= 1900; py += 25) probes.push([px + 3, py + 7]);
  const probeLngLat = Float64Array.from(probes.flatMap(toLngLat));
  const snapped = snapPoints(graph, costs, probeLngLat);
  const minutes = pointMinutes(graph, costs, times, snapped, sources).minutes;
  const inBand = (b: (typeof bands)[number], i: number) => b.geometry !== null && polygonsOf(b.geometry).some((rings) => pointInRings(rings, probeLngLat[2 * i], probeLngLat[2 * i + 1]));

  it('contains every point within r of a road that the counts reach in time (with 0.1 minute to spare)', () => {
    for (const b of bands) {
      let checked = 0;
      probes.forEach((_, i) => {
        if (snapped.accessMeters[i] <= R && minutes[i] <= b.minutes - 0.1) { checked++; expect(inBand(b, i)).toBe(true); }
      });
      expect(checked).toBeGreaterThan(50);
    }
  });

  it('leaves out points the roads do not reach: far beyond the time, or by the expressway only', () => {
    const fifteen = bands[0];
    probes.forEach(([, py], i) => {
      if (minutes[i] > 15 + 2 * R_MINUTES) expect(inBand(fifteen, i)).toBe(false);
      if (py < -450) expect(inBand(fifteen, i)).toBe(false); // within r of the expressway, 250 m+ from the grid
    });
    expect(bands.map((b) => b.minutes)).toEqual([15, 10, 5]);
    expect(bands[2].areaSquareMeters).toBeLessThan(bands[1].areaSquareMeters);
    expect(bands[1].areaSquareMeters).toBeLessThan(bands[0].areaSquareMeters);
  });
});

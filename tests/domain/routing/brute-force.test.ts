// Random networks checked against slow, obvious answers: Bellman–Ford (Bellman 1958, "On a
// routing problem", Q. Appl. Math. 16) for the node minutes, and pointMinutes from a single
// candidate for each of reachSets' sets.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ROAD_CLASSES } from '../../../domain/layers.ts';
import { buildRoadGraph } from '../../../domain/routing/graph.ts';
import { edgeCosts } from '../../../domain/routing/costs.ts';
import { snapPoints } from '../../../domain/routing/snap.ts';
import { travelTimes } from '../../../domain/routing/dijkstra.ts';
import { pointMinutes } from '../../../domain/routing/point-times.ts';
import { reachSets } from '../../../domain/routing/reach.ts';
import { accessMinutes } from '../../../domain/routing/speeds.ts';
import { TRAVEL_MODES, type EdgeCosts, type RoadGraph, type RoadInput, type Snapped } from '../../../domain/routing/types.ts';
import { at, pick } from './fixtures.ts';

const xy = fc.tuple(fc.integer({ min: -600, max: 600 }), fc.integer({ min: -600, max: 600 }));
const network = fc.record({
  nodes: fc.array(xy, { minLength: 2, maxLength: 25 }),
  roads: fc.array(fc.record({ a: fc.nat(), b: fc.nat(), via: fc.option(xy), cls: fc.integer({ min: 0, max: ROAD_CLASSES.length - 1 }), oneway: fc.boolean() }), { minLength: 1, maxLength: 40 }),
  sources: fc.array(xy, { minLength: 1, maxLength: 4 }),
  points: fc.array(xy, { minLength: 1, maxLength: 30 }),
  mode: fc.constantFrom(...TRAVEL_MODES),
  cutoff: fc.constantFrom(Infinity, 3, 10),
});

interface Network { nodes: [number, number][]; roads: { a: number; b: number; via: [number, number] | null; cls: number; oneway: boolean }[] }

/** Roads between random nodes, some bent through a random vertex (shared positions merge). */
function build(n: Network): RoadGraph {
  const roads: RoadInput[] = n.roads.map((r, id) => ({
    id, roadClass: ROAD_CLASSES[r.cls], oneway: r.oneway,
    coordinates: [n.nodes[r.a % n.nodes.length], ...(r.via ? [r.via] : []), n.nodes[r.b % n.nodes.length]].map(([x, y]) => at(x, y)),
  }));
  return buildRoadGraph(roads);
}
const lngLat = (list: [number, number][]) => Float64Array.from(list.flatMap(([x, y]) => at(x, y)));

/** Node minutes by Bellman–Ford over the directed arcs, seeded like travelTimes. */
function bellmanFord(g: RoadGraph, c: EdgeCosts, sources: Snapped): Float64Array {
  const d = new Float64Array(g.nodeCount).fill(Infinity);
  const seed = (n: number, m: number) => { if (m < d[n]) d[n] = m; };
  sources.edge.forEach((e, s) => {
    if (e < 0 || c.minutes[e] === Infinity) return;
    const walk = accessMinutes(sources.accessMeters[s]);
    seed(g.edgeTo[e], walk + (1 - sources.t[s]) * c.minutes[e]);
    if (!c.forwardOnly[e]) seed(g.edgeFrom[e], walk + sources.t[s] * c.minutes[e]);
  });
  for (let round = 0; round < g.nodeCount; round++) {
    let changed = false;
    for (let e = 0; e < g.edgeCount; e++) {
      const [a, b, m] = [g.edgeFrom[e], g.edgeTo[e], c.minutes[e]];
      if (d[a] + m < d[b]) { d[b] = d[a] + m; changed = true; }
      if (!c.forwardOnly[e] && d[b] + m < d[a]) { d[a] = d[b] + m; changed = true; }
    }
    if (!changed) break;
  }
  return d;
}

describe('against brute force', () => {
  it('travelTimes equals Bellman–Ford, within the cutoff', () => {
    fc.assert(fc.property(network, (n) => {
      const g = build(n);
      const c = edgeCosts(g, n.mode);
      const sources = snapPoints(g, c, lngLat(n.sources), 400);
      const times = travelTimes(g, c, sources, n.cutoff);
      const expected = bellmanFord(g, c, sources);
      for (let v = 0; v < g.nodeCount; v++) {
        const want = expected[v] <= n.cutoff ? expected[v] : Infinity;
        if (want === Infinity) expect(times.minutes[v]).toBe(Infinity);
        else expect(Math.abs(times.minutes[v] - want)).toBeLessThan(1e-9);
        // The named source reaches the node in that time on its own.
        if (want !== Infinity) expect(Math.abs(bellmanFord(g, c, pick(sources, times.source[v]))[v] - want)).toBeLessThan(1e-9);
      }
    }), { numRuns: 200 });
  });

  it('reachSets agrees with pointMinutes from each candidate alone', () => {
    fc.assert(fc.property(network, (n) => {
      const g = build(n);
      const c = edgeCosts(g, n.mode);
      const candidates = snapPoints(g, c, lngLat(n.sources), 400);
      const points = snapPoints(g, c, lngLat(n.points), 400);
      const cutoff = n.cutoff === Infinity ? 1e9 : n.cutoff;
      const sets = reachSets(g, c, candidates, points, cutoff);
      expect(sets.length).toBe(n.sources.length);
      sets.forEach((set, k) => {
        const one = pick(candidates, k);
        const { minutes } = pointMinutes(g, c, travelTimes(g, c, one, cutoff), points, one);
        const want = [...minutes.keys()].filter((i) => minutes[i] <= cutoff);
        expect([...set]).toEqual(want);
      });
    }), { numRuns: 200 });
  });
});

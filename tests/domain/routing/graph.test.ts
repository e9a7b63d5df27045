// The routing graph: shared vertices are one node, consecutive vertices one edge, metres in the
// local projection; speeds per mode and class.
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../../domain/routing/graph.ts';
import { edgeCosts } from '../../../domain/routing/costs.ts';
import { ACCESS_MAX_METERS, DRIVE_KMH, WALK_KMH, accessMinutes, speedKmh } from '../../../domain/routing/speeds.ts';
import { ROAD_CLASSES } from '../../../domain/layers.ts';
import { at, near, oneway, road, walk } from './fixtures.ts';

describe('buildRoadGraph', () => {
  const roads = [
    road('primary', [-300, 0], [0, 0], [0, 0], [300, 0]), // a repeated vertex is no edge
    road('residential', [0, 0], [0, 400]), // meets the first at its middle vertex
    oneway(road('lane', [300, 0], [300, 400])),
    { id: 99, roadClass: 'lane' as const, oneway: false, coordinates: [at(0, 400), [at(0, 400)[0] + 4e-8, at(0, 400)[1]] as [number, number]] }, // same node to 1e-7°
  ];
  const g = buildRoadGraph(roads);

  it('merges vertices at the same position and skips zero-length edges', () => {
    expect(g.nodeCount).toBe(5);
    expect(g.edgeCount).toBe(4);
    expect([...g.edgeRoad]).toEqual([roads[0].id, roads[0].id, roads[1].id, roads[2].id]);
  });

  it('measures edges in metres', () => {
    for (const [e, m] of [[0, 300], [1, 300], [2, 400], [3, 400]]) near(g.edgeMeters[e], m);
  });

  it('keeps class, direction and one-way flags', () => {
    expect([...g.edgeClass].map((c) => ROAD_CLASSES[c])).toEqual(['primary', 'primary', 'residential', 'lane']);
    expect([...g.edgeOneway]).toEqual([0, 0, 0, 1]);
    expect(g.lng[g.edgeFrom[3]]).toBeCloseTo(at(300, 0)[0], 9);
    expect(g.lat[g.edgeTo[3]]).toBeCloseTo(at(300, 400)[1], 9);
  });

  it('lists each edge at both of its ends (CSR)', () => {
    const centre = g.edgeTo[0]; // (0, 0): three edges meet
    const around = [...g.adjEdge.subarray(g.adjStart[centre], g.adjStart[centre + 1])].sort();
    expect(around).toEqual([0, 1, 2]);
    expect(g.adjStart[g.nodeCount]).toBe(2 * g.edgeCount);
  });

  it('is empty for no roads', () => {
    const empty = buildRoadGraph([]);
    expect([empty.nodeCount, empty.edgeCount, empty.adjStart.length]).toEqual([0, 0, 1]);
  });

  it('rejects an unknown class', () => {
    expect(() => buildRoadGraph([{ ...road('lane', [0, 0], [1, 0]), roadClass: 'footway' as never }])).toThrow(/unknown class footway/);
  });
});

describe('speeds and edge costs', () => {
  it('walks at 4 km/h everywhere but the expressway, and drives per class', () => {
    expect(WALK_KMH).toBe(4);
    expect(speedKmh('walk', 'expressway')).toBe(0);
    expect(speedKmh('walk', 'lane')).toBe(4);
    for (const c of ROAD_CLASSES) expect(speedKmh('drive', c)).toBe(DRIVE_KMH[c]);
    expect(DRIVE_KMH.residential).toBeLessThan(DRIVE_KMH.primary);
  });

  it('walks the off-network access: 300 m is 4.5 minutes', () => {
    expect(accessMinutes(ACCESS_MAX_METERS)).toBeCloseTo(4.5, 9);
  });

  it('times each edge, blocks, and keeps one-way only when driving', () => {
    const g = buildRoadGraph([road('expressway', [-500, 0], [500, 0]), oneway(road('residential', [500, 0], [500, 200]))]);
    const w = edgeCosts(g, 'walk');
    expect(w.minutes[0]).toBe(Infinity);
    near(w.minutes[1], walk(200));
    expect([...w.forwardOnly]).toEqual([0, 0]);
    const d = edgeCosts(g, 'drive');
    near(d.minutes[0], 1); // 1 km at 60 km/h
    near(d.minutes[1], 0.6); // 200 m at 20 km/h
    expect([...d.forwardOnly]).toEqual([0, 1]);
    expect(edgeCosts(g, 'drive', Uint8Array.of(0, 1)).minutes[1]).toBe(Infinity);
  });
});

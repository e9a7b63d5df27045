// Snapping, multi-source Dijkstra and point minutes on hand-made networks whose answers are
// worked out by hand (walking: 200 m = 3 minutes; residential driving: 200 m = 0.6 minutes).
import { describe, expect, it } from 'vitest';
import { buildRoadGraph } from '../../../domain/routing/graph.ts';
import { edgeCosts } from '../../../domain/routing/costs.ts';
import { snapPoints } from '../../../domain/routing/snap.ts';
import { travelTimes } from '../../../domain/routing/dijkstra.ts';
import { pointMinutes } from '../../../domain/routing/point-times.ts';
import { reachSets } from '../../../domain/routing/reach.ts';
import { grid, near, nodeAt, oneway, road, spots, walk } from './fixtures.ts';

// 3 × 3 nodes 200 m apart; node (i, j) at ((i − 1)·200, (j − 1)·200).
const { roads, gridXY } = grid(3, 3, 200);
const g = buildRoadGraph(roads);
const costs = edgeCosts(g, 'walk');
const node = (i: number, j: number) => nodeAt(g, gridXY(i, j));

describe('snapPoints', () => {
  it('finds the nearest edge, the fraction along it and the access metres', () => {
    const s = snapPoints(g, costs, spots([-100, -150], [-230, 0], [5000, 0]));
    expect(g.edgeFrom[s.edge[0]]).toBe(node(0, 0));
    expect(g.edgeTo[s.edge[0]]).toBe(node(1, 0));
    near(s.t[0], 0.5);
    near(s.accessMeters[0], 50);
    near(s.accessMeters[1], 30); // 30 m west of the node (0, 1)
    expect([s.edge[2], s.accessMeters[2]]).toEqual([-1, Infinity]); // off the network
  });

  it('honours maxMeters', () => {
    expect(snapPoints(g, costs, spots([-100, -150]), 49).edge[0]).toBe(-1);
    expect(snapPoints(g, costs, spots([-100, -150]), 51).edge[0]).toBeGreaterThanOrEqual(0);
  });

  it('skips edges the mode may not use', () => {
    // An expressway 800 m long, a residential detour 600 m north of it.
    const h = buildRoadGraph([road('expressway', [-400, -300], [400, -300]), road('residential', [-400, -300], [-400, 300], [400, 300], [400, -300])]);
    const p = spots([0, -290]);
    expect(snapPoints(h, edgeCosts(h, 'walk'), p).edge[0]).toBe(-1); // the walkable roads are ≥ 400 m away
    const d = snapPoints(h, edgeCosts(h, 'drive'), p);
    expect(h.edgeClass[d.edge[0]]).toBe(0);
    near(d.accessMeters[0], 10);
  });
});

describe('travelTimes', () => {
  it('times every node of the grid from a corner', () => {
    const times = travelTimes(g, costs, snapPoints(g, costs, spots(gridXY(0, 0))), Infinity);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) {
      near(times.minutes[node(i, j)], 3 * (i + j));
      expect(times.source[node(i, j)]).toBe(0);
    }
    expect(times.viaEdge[node(0, 0)]).toBe(-1);
    expect(times.viaEdge[node(2, 2)]).toBeGreaterThanOrEqual(0);
  });

  it('takes the nearest of several sources, ignoring those off the network', () => {
    const sources = snapPoints(g, costs, spots([9000, 9000], gridXY(0, 0), gridXY(2, 2)));
    const times = travelTimes(g, costs, sources, Infinity);
    near(times.minutes[node(2, 1)], 3);
    expect(times.source[node(2, 1)]).toBe(2);
    near(times.minutes[node(1, 0)], 3);
    expect(times.source[node(1, 0)]).toBe(1);
    near(times.minutes[node(1, 1)], 6);
  });

  it('includes the source access walk and starts mid-edge', () => {
    const times = travelTimes(g, costs, snapPoints(g, costs, spots([-100, -230])), Infinity);
    near(times.minutes[node(0, 0)], walk(30) + 1.5);
    near(times.minutes[node(1, 0)], walk(30) + 1.5);
    near(times.minutes[node(1, 1)], walk(30) + 4.5);
    expect(times.viaEdge[node(0, 0)]).toBe(-1);
  });

  it('stops at the cutoff', () => {
    const times = travelTimes(g, costs, snapPoints(g, costs, spots(gridXY(0, 0))), 4);
    near(times.minutes[node(1, 0)], 3);
    expect(times.minutes[node(1, 1)]).toBe(Infinity);
    expect(times.source[node(1, 1)]).toBe(-1);
    expect(times.viaEdge[node(2, 2)]).toBe(-1);
  });

  it('drives one-way streets one way only, walks them both ways', () => {
    const h = buildRoadGraph([oneway(road('residential', [-300, 0], [0, 0], [300, 0]))]);
    const [a, c] = [nodeAt(h, [-300, 0]), nodeAt(h, [300, 0])];
    const drive = edgeCosts(h, 'drive'), foot = edgeCosts(h, 'walk');
    expect(travelTimes(h, drive, snapPoints(h, drive, spots([300, 0])), Infinity).minutes[a]).toBe(Infinity);
    near(travelTimes(h, foot, snapPoints(h, foot, spots([300, 0])), Infinity).minutes[a], 9);
    near(travelTimes(h, drive, snapPoints(h, drive, spots([-300, 0])), Infinity).minutes[c], 1.8); // 600 m at 20 km/h
  });

  it('does not walk the expressway: pedestrians take the detour', () => {
    const h = buildRoadGraph([road('expressway', [-400, -300], [400, -300]), road('residential', [-400, -300], [-400, 300], [400, 300], [400, -300])]);
    const [a, b] = [nodeAt(h, [-400, -300]), nodeAt(h, [400, -300])];
    const foot = edgeCosts(h, 'walk'), drive = edgeCosts(h, 'drive');
    near(travelTimes(h, foot, snapPoints(h, foot, spots([-400, -300])), Infinity).minutes[b], walk(2000));
    near(travelTimes(h, drive, snapPoints(h, drive, spots([-400, -300])), Infinity).minutes[b], 0.8); // 800 m at 60 km/h
    expect(a).not.toBe(b);
  });
});

describe('pointMinutes', () => {
  it('adds the part of the edge and the point access walk', () => {
    const sources = snapPoints(g, costs, spots(gridXY(0, 0)));
    const points = snapPoints(g, costs, spots([-100, -150], [200, 230], [5000, 0]));
    const { minutes, source } = pointMinutes(g, costs, travelTimes(g, costs, sources, Infinity), points);
    near(minutes[0], 1.5 + walk(50));
    near(minutes[1], 12 + walk(30)); // beyond the far corner
    expect([...source]).toEqual([0, 0, -1]);
    expect(minutes[2]).toBe(Infinity);
  });

  it('goes straight along the edge from a source on the same edge', () => {
    // Source 10 m south of x = −150 on the bottom edge, point 20 m north of x = −50.
    const sources = snapPoints(g, costs, spots([-150, -210]));
    const points = snapPoints(g, costs, spots([-50, -180]));
    const times = travelTimes(g, costs, sources, Infinity);
    near(pointMinutes(g, costs, times, points, sources).minutes[0], walk(10 + 100 + 20));
    // Without the sources, only through the edge's ends: 10 + 50 + 150 + 20 m either way.
    near(pointMinutes(g, costs, times, points).minutes[0], walk(10 + 200 + 20));
  });

  it('does not drive backwards along a one-way edge, even from a source on it', () => {
    // A one-way A → B along the bottom, two-way B → C → A back round.
    const h = buildRoadGraph([oneway(road('residential', [-200, -150], [200, -150])), road('residential', [200, -150], [0, 150], [-200, -150])]);
    const drive = edgeCosts(h, 'drive'), foot = edgeCosts(h, 'walk');
    const src = spots([100, -150]), pt = spots([-100, -145]);
    const round = (100 + 2 * Math.hypot(200, 300) + 100) / (20000 / 60);
    const sd = snapPoints(h, drive, src);
    near(pointMinutes(h, drive, travelTimes(h, drive, sd, Infinity), snapPoints(h, drive, pt), sd).minutes[0], round + walk(5));
    const sw = snapPoints(h, foot, src);
    near(pointMinutes(h, foot, travelTimes(h, foot, sw, Infinity), snapPoints(h, foot, pt), sw).minutes[0], walk(200 + 5));
  });
});

describe('reachSets', () => {
  it('lists, per candidate alone, the points within the cutoff', () => {
    const candidates = snapPoints(g, costs, spots(gridXY(0, 0), gridXY(2, 2), [9000, 0]));
    // 2.25, 3.45 and 12.45 minutes from the south-west corner; 11.25, 8.55 and 0.45 from the north-east.
    const points = snapPoints(g, costs, spots([-100, -150], [-200, 30], [200, 230], [5000, 0]));
    const sets = reachSets(g, costs, candidates, points, 4);
    expect(sets.map((s) => [...s])).toEqual([[0, 1], [2], []]);
    expect(reachSets(g, costs, candidates, points, 12.5).map((s) => [...s])).toEqual([[0, 1, 2], [0, 1, 2], []]);
    expect(reachSets(g, costs, candidates, points, 10).map((s) => [...s])).toEqual([[0, 1], [1, 2], []]);
  });
});

// Routes on the 3 × 3 walking grid (200 m blocks), sealed-zone blocking, and the property that
// a route built on blocked costs never enters the sealed polygon.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Polygon } from 'geojson';
import { buildRoadGraph } from '../../../domain/routing/graph.ts';
import { edgeCosts } from '../../../domain/routing/costs.ts';
import { blockedEdges } from '../../../domain/routing/blocked.ts';
import { shortestRoute } from '../../../domain/routing/route.ts';
import { pointInRings } from '../../../domain/geometry/point-in-ring.ts';
import { at, grid, near, road, walk } from './fixtures.ts';

const { roads, gridXY } = grid(3, 3, 200);
const g = buildRoadGraph(roads);
const costs = edgeCosts(g, 'walk');
const rect = (x0: number, y0: number, x1: number, y1: number): Polygon =>
  ({ type: 'Polygon', coordinates: [[at(x0, y0), at(x1, y0), at(x1, y1), at(x0, y1), at(x0, y0)]] });
const close = (line: [number, number][], xy: [number, number][]) => {
  expect(line.length).toBe(xy.length);
  line.forEach((p, i) => { expect(p[0]).toBeCloseTo(at(...xy[i])[0], 8); expect(p[1]).toBeCloseTo(at(...xy[i])[1], 8); });
};

describe('shortestRoute', () => {
  it('starts at the point, follows partial and whole edges, ends at the destination', () => {
    // From 20 m south of x = −190 on the bottom edge to 10 m north of x = 190 on the top edge:
    // up the middle column (the left one is 20 m longer, the right one 20 m longer too).
    const r = shortestRoute(g, costs, at(-190, -220), [at(190, 210)]);
    if (!('coordinates' in r)) throw new Error(r.reason);
    close(r.coordinates, [[-190, -220], [-190, -200], [0, -200], [0, 0], [0, 200], [190, 200], [190, 210]]);
    near(r.meters, 20 + 190 + 400 + 190 + 10);
    near(r.minutes, walk(810));
    expect(r.to).toBe(0);
  });

  it('picks the nearest destination by time, and goes straight along a shared edge', () => {
    const r = shortestRoute(g, costs, at(-150, -210), [at(200, 200), at(-50, -180), at(-200, 0)]);
    if (!('coordinates' in r)) throw new Error(r.reason);
    expect(r.to).toBe(1);
    close(r.coordinates, [[-150, -210], [-150, -200], [-50, -200], [-50, -180]]);
    near(r.minutes, walk(130));
  });

  it('says why there is no route', () => {
    expect(shortestRoute(g, costs, at(5000, 0), [at(0, 0)])).toEqual({ reason: 'no_road_near_start' });
    expect(shortestRoute(g, costs, at(0, 0), [at(5000, 0), at(0, 5000)])).toEqual({ reason: 'no_road_near_end' });
    expect(shortestRoute(g, costs, at(0, 0), [])).toEqual({ reason: 'no_road_near_end' });
    const h = buildRoadGraph([...roads, road('lane', [1000, 0], [1200, 0])]);
    expect(shortestRoute(h, edgeCosts(h, 'walk'), at(0, 0), [at(1100, 10)])).toEqual({ reason: 'unreachable' });
  });

  it('goes round a sealed zone when its edges are blocked', () => {
    // A zone round the centre node closes the four edges meeting there.
    const blocked = blockedEdges(g, [rect(-50, -50, 50, 50)]);
    expect(blocked.reduce((s, b) => s + b, 0)).toBe(4);
    const r = shortestRoute(g, edgeCosts(g, 'walk', blocked), at(0, -200), [at(0, 200)]);
    if (!('coordinates' in r)) throw new Error(r.reason);
    near(r.meters, 800); // round either side column
    expect(r.coordinates.length).toBe(5);
    expect(Math.abs(r.coordinates[2][0] - at(0, 0)[0])).toBeGreaterThan(1e-3);
  });
});

describe('blockedEdges', () => {
  it('blocks edges with an end inside or crossing the boundary, not those beside it', () => {
    const e = (a: [number, number], b: [number, number]) => {
      for (let k = 0; k < g.edgeCount; k++) {
        const [fx, fy] = at(...a), [tx, ty] = at(...b);
        if (Math.abs(g.lng[g.edgeFrom[k]] - fx) < 1e-9 && Math.abs(g.lat[g.edgeFrom[k]] - fy) < 1e-9
          && Math.abs(g.lng[g.edgeTo[k]] - tx) < 1e-9 && Math.abs(g.lat[g.edgeTo[k]] - ty) < 1e-9) return k;
      }
      throw new Error('no such edge');
    };
    // A thin strip across the bottom-left edge, no end inside; and a box beside the top edge.
    const blocked = blockedEdges(g, [rect(-110, -210, -90, -190), rect(-150, 210, -50, 250)]);
    expect([...blocked.keys()].filter((k) => blocked[k])).toEqual([e(gridXY(0, 0), gridXY(1, 0))]);
    // A strip over the bottom row closes its 2 edges and the 3 going north; with a hole round the
    // bottom row, only the 3 that cross the ring stay closed.
    const count = (b: Uint8Array) => b.reduce((s, x) => s + x, 0);
    const strip = rect(-300, -300, 300, -100);
    expect(count(blockedEdges(g, [strip]))).toBe(5);
    const holed: Polygon = { type: 'Polygon', coordinates: [strip.coordinates[0], rect(-250, -250, 250, -150).coordinates[0]] };
    expect(count(blockedEdges(g, [holed]))).toBe(3);
    expect(count(blockedEdges(g, [{ type: 'MultiPolygon', coordinates: [holed.coordinates, rect(900, 900, 950, 950).coordinates] }]))).toBe(3);
    expect(count(blockedEdges(g, []))).toBe(0);
  });
});

// ---- property: a route on blocked costs never enters the polygon -------------------------

/** Closed segments ab, cd share a point (written independently of blocked.ts). */
function meets(a: number[], b: number[], c: number[], d: number[]): boolean {
  const o = (p: number[], q: number[], r: number[]) => Math.sign((q[0] - p[0]) * (r[1] - p[1]) - (q[1] - p[1]) * (r[0] - p[0]));
  const on = (p: number[], q: number[], r: number[]) => Math.min(p[0], q[0]) <= r[0] && r[0] <= Math.max(p[0], q[0]) && Math.min(p[1], q[1]) <= r[1] && r[1] <= Math.max(p[1], q[1]);
  const [o1, o2, o3, o4] = [o(a, b, c), o(a, b, d), o(c, d, a), o(c, d, b)];
  if (o1 !== o2 && o3 !== o4 && o1 * o2 <= 0 && o3 * o4 <= 0 && !(o1 === 0 && o2 === 0)) return true;
  return (o1 === 0 && on(a, b, c)) || (o2 === 0 && on(a, b, d)) || (o3 === 0 && on(c, d, a)) || (o4 === 0 && on(c, d, b));
}

/** Convex hull (Andrew's monotone chain) of points in metres, closed, as a lng/lat Polygon. */
function hullPolygon(pts: [number, number][]): Polygon | null {
  const p = [...pts].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const cross = (o: number[], a: number[], b: number[]) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);
  const half = (list: [number, number][]) => {
    const h: [number, number][] = [];
    for (const q of list) { while (h.length >= 2 && cross(h[h.length - 2], h[h.length - 1], q) <= 0) h.pop(); h.push(q); }
    return h.slice(0, -1);
  };
  const hull = [...half(p), ...half([...p].reverse())];
  if (hull.length < 3) return null;
  return { type: 'Polygon', coordinates: [[...hull, hull[0]].map(([x, y]) => at(x, y))] };
}

describe('routes avoid sealed zones (property)', () => {
  const coord = fc.integer({ min: -400, max: 400 });
  const arb = fc.record({
    cols: fc.integer({ min: 2, max: 6 }), rows: fc.integer({ min: 2, max: 6 }),
    drop: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 60, maxLength: 60 }), // 0: a missing street
    polygon: fc.oneof(
      fc.tuple(coord, coord, fc.integer({ min: 10, max: 500 }), fc.integer({ min: 10, max: 500 })).map(([x, y, w, h]) => [[x, y], [x + w, y], [x + w, y + h], [x, y + h]] as [number, number][]),
      fc.array(fc.tuple(coord, coord), { minLength: 3, maxLength: 8 }),
    ),
    from: fc.nat(), to: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
  });
  it('never crosses the polygon', () => {
    fc.assert(fc.property(arb, ({ cols, rows, drop, polygon, from, to }) => {
      let k = 0;
      const { roads: rs } = grid(cols, rows, 150, () => drop[k++ % drop.length] !== 0);
      const h = buildRoadGraph(rs);
      const zone = hullPolygon(polygon);
      if (!zone || h.edgeCount === 0) return;
      const blocked = blockedEdges(h, [zone]);
      const c = edgeCosts(h, 'walk', blocked);
      // Start and end on nodes that keep an open edge (their access walk is then 0 m).
      const open = [...Array(h.nodeCount).keys()].filter((n) => {
        for (let a = h.adjStart[n]; a < h.adjStart[n + 1]; a++) if (!blocked[h.adjEdge[a]]) return true;
        return false;
      });
      if (open.length === 0) return;
      const spot = (i: number): [number, number] => { const n = open[i % open.length]; return [h.lng[n], h.lat[n]]; };
      const r = shortestRoute(h, c, spot(from), to.map(spot));
      if (!('coordinates' in r)) { expect(r.reason).toBe('unreachable'); return; }
      const ring = zone.coordinates[0];
      for (const p of r.coordinates) expect(pointInRings([ring as [number, number][]], p[0], p[1])).toBe(false);
      for (let i = 1; i < r.coordinates.length; i++) {
        for (let j = 1; j < ring.length; j++) expect(meets(r.coordinates[i - 1], r.coordinates[i], ring[j - 1], ring[j])).toBe(false);
      }
    }), { numRuns: 200 });
  });
});

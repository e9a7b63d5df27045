import { area, booleanPointInPolygon, distance } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { convexHull } from '../../../domain/clusters/buffered-hull.ts';
import { stDbscan } from '../../../domain/clusters/dbscan.ts';
import { HULL_BUFFER_METERS, ST_DBSCAN_DEFAULTS, summarizeClusters, type ClusterPoint } from '../../../domain/clusters/summary.ts';
import { daysBetween } from '../../../domain/zones/calendar.ts';

const SEAT: [number, number] = [114.2039, 36.4204];
const M_LAT = 111_195; // metres per degree of latitude (sphere), close enough for placing test points
const M_LNG = M_LAT * Math.cos((SEAT[1] * Math.PI) / 180);
const pt = (id: number, x: number, y: number, day: string): ClusterPoint => ({ id, lng: SEAT[0] + x / M_LNG, lat: SEAT[1] + y / M_LAT, day });
const signedArea = (ring: number[][]) => ring.slice(1).reduce((s, p, i) => s + (ring[i][0] * p[1] - p[0] * ring[i][1]) / 2, 0);

describe('summarizeClusters', () => {
  const points = [
    pt(11, 0, 0, '2022-05-20'), pt(12, 100, 0, '2022-05-25'), pt(13, 0, 100, '2022-06-01'),
    pt(14, 3000, 0, '2022-06-06'), pt(15, 3050, 0, '2022-06-07'),
    pt(16, 9000, 9000, '2022-06-07'), // noise
    pt(17, 100, 100, '2022-06-07'), pt(18, 3000, 40, '2022-05-10'), pt(19, 3010, 30, '2022-06-01'), pt(20, 60, 60, '2022-05-24'),
  ];
  const labels = Int32Array.from([0, 0, 0, 1, 1, -1, 0, 1, 1, 0]);
  const out = summarizeClusters(points, labels, '2022-06-07');

  it('sorts clusters by size, numbers them from 1 and lists members by id; noise is left out', () => {
    expect(out.map((c) => [c.id, c.count, c.memberIds])).toEqual([[1, 5, [11, 12, 13, 17, 20]], [2, 4, [14, 15, 18, 19]]]);
  });

  it('gives first and last day and growth over the last 7 days against the 7 before', () => {
    // last7 = 06-01 … 06-07, prev7 = 05-25 … 05-31
    expect(out[0]).toMatchObject({ firstDay: '2022-05-20', lastDay: '2022-06-07', growth: { last7: 2, prev7: 1 } });
    expect(out[1]).toMatchObject({ firstDay: '2022-05-10', lastDay: '2022-06-07', growth: { last7: 3, prev7: 0 } });
  });

  it('puts the centroid at the mean of the members', () => {
    const [lng, lat] = out[0].centroid;
    expect(distance([lng, lat], [SEAT[0] + 52 / M_LNG, SEAT[1] + 52 / M_LAT], { units: 'meters' })).toBeLessThan(0.5);
  });

  it('draws a closed counter-clockwise hull holding every member with about 50 m to spare', () => {
    for (const [c, members] of [[out[0], [0, 1, 2, 6, 9]], [out[1], [3, 4, 7, 8]]] as const) {
      const ring = c.hull.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(signedArea(ring)).toBeGreaterThan(0);
      for (const i of members) expect(booleanPointInPolygon([points[i].lng, points[i].lat], c.hull)).toBe(true);
    }
    // cluster 2: ~ a 50 × 50 m triangle-ish hull grown by 50 m is at least the stadium around its longest edge
    expect(area(out[1].hull)).toBeGreaterThan(2 * HULL_BUFFER_METERS * 50 + Math.PI * 0.95 * HULL_BUFFER_METERS ** 2);
  });

  it('gives one or two points an area: a disk or a stadium', () => {
    const one = summarizeClusters([pt(1, 0, 0, '2022-06-07')], Int32Array.from([0]), '2022-06-07')[0];
    const diskM2 = Math.PI * HULL_BUFFER_METERS ** 2;
    expect(area(one.hull) / diskM2).toBeGreaterThan(0.96); // 16-gon inscribed: 97.4 % of the disk
    expect(area(one.hull) / diskM2).toBeLessThan(1.001);
    const two = summarizeClusters([pt(1, 0, 0, '2022-06-07'), pt(2, 200, 0, '2022-06-07')], Int32Array.from([0, 0]), '2022-06-07')[0];
    expect(area(two.hull) / (diskM2 + 200 * 2 * HULL_BUFFER_METERS)).toBeGreaterThan(0.97);
    const same = summarizeClusters([pt(1, 0, 0, '2022-06-07'), pt(2, 0, 0, '2022-06-07')], Int32Array.from([0, 0]), '2022-06-07')[0];
    expect(area(same.hull) / diskM2).toBeGreaterThan(0.96);
  });

  it('returns no clusters when every point is noise, and rejects mismatched labels', () => {
    expect(summarizeClusters([pt(1, 0, 0, '2022-06-07')], Int32Array.from([-1]), '2022-06-07')).toEqual([]);
    expect(() => summarizeClusters([pt(1, 0, 0, '2022-06-07')], new Int32Array(2), '2022-06-07')).toThrow(RangeError);
  });

  it('works end to end with stDbscan at the defaults', () => {
    const days = points.map((p) => daysBetween('2022-01-01', p.day));
    const labels = stDbscan(points.map((p) => p.lng), points.map((p) => p.lat), days, ST_DBSCAN_DEFAULTS);
    const clusters = summarizeClusters(points, labels, '2022-06-07');
    // the west group chains through time (05-20 → 05-25 → 06-01 → 06-07, each step ≤ 7 days);
    // in the east group 18 (05-10) is 3 weeks before its neighbours: left out as noise
    expect(clusters.map((c) => c.memberIds)).toEqual([[11, 12, 13, 17, 20], [14, 15, 19]]);
  });
});

describe('convexHull', () => {
  it('keeps the corners counter-clockwise and drops inner and collinear points', () => {
    expect(convexHull([[0, 0], [2, 0], [1, 0], [2, 2], [0, 2], [1, 1]])).toEqual([[0, 0], [2, 0], [2, 2], [0, 2]]);
    expect(convexHull([[1, 1], [1, 1]])).toEqual([[1, 1]]);
    expect(convexHull([[1, 1], [1, 1], [1, 1]])).toEqual([[1, 1]]);
  });
});

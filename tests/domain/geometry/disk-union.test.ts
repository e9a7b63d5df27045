import { readFileSync } from 'node:fs';
import { area as turfArea, distance, kinks } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { dissolveBuffers, unionDisks } from '../../../domain/geometry/disk-union.ts';
import { boundaryCandidates } from '../../../domain/geometry/disk-union-cover.ts';
import { localProjectionFor, projectPoints, unproject } from '../../../domain/geometry/local-projection.ts';
import { pointInRings } from '../../../domain/geometry/point-in-ring.ts';

// Areas of the same point sets dissolved by GEOS (shapely); the command that made them is in the file.
interface PeerSet { name: string; radiusMeters: number; segmentsPerQuarter: number; areaSquareMeters: number; polygons: number; holes: number; points: [number, number][] }
const peer = JSON.parse(readFileSync(new URL('../../fixtures/disk-union/shapely-areas.json', import.meta.url), 'utf8')) as { command: string; sets: PeerSet[] };

const R = 200;
const ngonArea = (r: number, n: number) => (n / 2) * r * r * Math.sin((2 * Math.PI) / n);
const SINGLE = ngonArea(R, 32);
const signedArea = (ring: number[][]) => ring.slice(1).reduce((s, p, i) => s + (ring[i][0] * p[1] - p[0] * ring[i][1]) / 2, 0);
const xyOf = (pts: number[][]) => new Float64Array(pts.flat());
const circleOf = (n: number, radius: number) => Array.from({ length: n }, (_, k) => [radius * Math.cos((2 * Math.PI * k) / n), radius * Math.sin((2 * Math.PI * k) / n)]);

describe('unionDisks: one disk', () => {
  it('is the 32-gon GEOS draws for buffer(200, quad_segs 8): same vertices, same area', () => {
    const u = unionDisks(xyOf([[1000, 2000]]), R);
    expect(u.polygons).toHaveLength(1);
    const ring = u.polygons[0][0];
    expect(ring).toHaveLength(33);
    expect(ring[0]).toEqual([1200, 2000]);
    expect(ring[32]).toEqual(ring[0]);
    expect(ring[8][0]).toBeCloseTo(1000, 9);
    expect(ring[8][1]).toBeCloseTo(2200, 9);
    expect(u.areaSquareMeters / SINGLE).toBeCloseTo(1, 9); // vertices snap to a 1.2e-7 m grid
  });

  it('takes other segment counts per quarter', () => {
    expect(unionDisks(xyOf([[0, 0]]), R, 1).areaSquareMeters).toBe(2 * R * R);
    expect(unionDisks(xyOf([[0, 0]]), R, 2).polygons[0][0]).toHaveLength(9);
  });
});

describe('unionDisks: topology', () => {
  it('winds shells CCW and holes CW on every peer set', () => {
    for (const s of peer.sets) {
      for (const [shell, ...holes] of unionDisks(xyOf(s.points), s.radiusMeters, s.segmentsPerQuarter).polygons) {
        expect(signedArea(shell)).toBeGreaterThan(0);
        for (const h of holes) expect(signedArea(h)).toBeLessThan(0);
      }
    }
  });

  it('leaves a hole inside a ring of disks', () => {
    const u = unionDisks(xyOf(circleOf(12, 500)), R);
    expect(u.polygons).toHaveLength(1);
    expect(u.polygons[0]).toHaveLength(2);
    expect(pointInRings([u.polygons[0][1] as [number, number][]], 0, 0)).toBe(true);
  });

  it('keeps an island inside the hole as a polygon of its own, not as the hole\'s shell', () => {
    const ring = unionDisks(xyOf(circleOf(12, 500)), R);
    const u = unionDisks(xyOf([...circleOf(12, 500), [0, 0]]), R);
    expect(u.polygons).toHaveLength(2);
    const island = u.polygons.find((p) => p.length === 1)!;
    const holed = u.polygons.find((p) => p.length === 2)!;
    expect(pointInRings([island[0] as [number, number][]], 0, 0)).toBe(true);
    expect(holed).toEqual(ring.polygons[0]);
    expect(u.areaSquareMeters / (ring.areaSquareMeters + SINGLE)).toBeCloseTo(1, 9);
  });

  it('counts duplicate points once', () => {
    expect(unionDisks(xyOf([[5, 5], [5, 5], [5, 5]]), R)).toEqual(unionDisks(xyOf([[5, 5]]), R));
    const once = unionDisks(xyOf(circleOf(12, 500)), R);
    const twice = unionDisks(xyOf([...circleOf(12, 500), ...circleOf(12, 500)]), R);
    expect(twice.areaSquareMeters).toBe(once.areaSquareMeters);
    expect(twice.polygons.map((p) => p.length)).toEqual(once.polygons.map((p) => p.length));
  });

  it('keeps tangent disks apart and merges disks that overlap by a hair', () => {
    for (const far of [[2 * R, 0], [0, -2 * R], [2 * R * 0.6, 2 * R * 0.8]]) {
      const u = unionDisks(xyOf([[0, 0], far]), R);
      expect(u.polygons).toHaveLength(2);
      expect(u.areaSquareMeters / (2 * SINGLE)).toBeCloseTo(1, 9);
    }
    const u = unionDisks(xyOf([[0, 0], [2 * R - 1e-6, 0]]), R);
    expect(u.polygons).toHaveLength(1);
    expect(u.areaSquareMeters / (2 * SINGLE)).toBeCloseTo(1, 6);
  });

  it('draws rings that never cross themselves or each other', () => {
    for (const name of ['clusters', 'sparse', 'dense', 'rings-with-islands', 'lattice-holes']) {
      const s = peer.sets.find((x) => x.name === name)!;
      const { polygons } = unionDisks(xyOf(s.points), s.radiusMeters);
      expect(kinks({ type: 'MultiPolygon', coordinates: polygons }).features, name).toHaveLength(0);
    }
  });

  it('does not depend on the order of the points', () => {
    const s = peer.sets.find((x) => x.name === 'clusters')!;
    const a = unionDisks(xyOf(s.points), R).areaSquareMeters;
    const b = unionDisks(xyOf([...s.points].reverse()), R).areaSquareMeters;
    expect(b / a).toBeCloseTo(1, 12);
  });
});

describe('unionDisks against GEOS (shapely unary_union of buffers)', () => {
  it('records the command that made the fixture', () => expect(peer.command).toMatch(/python3 bench\/peers\/shapely-fixture\.py/));

  // Ours is the union of true disks with chords between GEOS's vertices, so it can only be a
  // little larger; it may join two disks whose circles overlap while their 32-gons do not, and a
  // sliver of a hole only the polygons leave open (or only the circles close) may differ.
  for (const s of peer.sets) {
    it(`${s.name}: area within 0.2 % (0.05 % at 8 segments per quarter), no extra pieces`, () => {
      const u = unionDisks(xyOf(s.points), s.radiusMeters, s.segmentsPerQuarter);
      const excess = u.areaSquareMeters / s.areaSquareMeters - 1;
      expect(excess).toBeGreaterThanOrEqual(-1e-9);
      expect(excess).toBeLessThan(s.segmentsPerQuarter === 8 ? 5e-4 : 2e-3);
      expect(u.polygons.length).toBeLessThanOrEqual(s.polygons);
      expect(u.polygons.length).toBeGreaterThanOrEqual(s.polygons - 1);
      expect(Math.abs(u.polygons.reduce((n, p) => n + p.length - 1, 0) - s.holes)).toBeLessThanOrEqual(2);
    });
  }
});

describe('boundaryCandidates (the grid pre-test)', () => {
  it('skips only circles that other disks cover', () => {
    const s = peer.sets.find((x) => x.name === 'dense')!;
    const candidate = boundaryCandidates(xyOf(s.points), R);
    const skipped = s.points.filter((_, i) => !candidate[i]);
    expect(skipped.length).toBeGreaterThan(s.points.length / 2);
    for (const [cx, cy] of skipped) {
      for (let k = 0; k < 180; k++) {
        const x = cx + R * Math.cos((k * Math.PI) / 90), y = cy + R * Math.sin((k * Math.PI) / 90);
        expect(s.points.some(([px, py]) => Math.hypot(x - px, y - py) < R)).toBe(true);
      }
    }
  });
});

describe('unionDisks input', () => {
  it('returns nothing for no points and rejects bad arguments', () => {
    expect(unionDisks(new Float64Array(0), R)).toEqual({ polygons: [], areaSquareMeters: 0 });
    expect(() => unionDisks(xyOf([[0, 0]]), 0)).toThrow(RangeError);
    expect(() => unionDisks(xyOf([[0, 0]]), R, 0)).toThrow(/segmentsPerQuarter/);
    expect(() => unionDisks(new Float64Array([1, 2, 3]), R)).toThrow(/pairs/);
    expect(() => unionDisks(new Float64Array([1, NaN]), R)).toThrow(/finite/);
  });
});

describe('dissolveBuffers', () => {
  it('buffers lng/lat points in metres and returns WGS-84 Polygon or MultiPolygon', () => {
    const one = dissolveBuffers([[114.2039, 36.4204]], R);
    expect(one.type).toBe('Polygon');
    expect(turfArea(one) / SINGLE).toBeCloseTo(1, 2);
    const two = dissolveBuffers([[114.2039, 36.4204], [114.25, 36.45]], R);
    expect(two.type).toBe('MultiPolygon');
    expect(turfArea(two) / (2 * SINGLE)).toBeCloseTo(1, 2);
    const near = dissolveBuffers([[114.2039, 36.4204], [114.205, 36.4204]], R);
    expect(near.type).toBe('Polygon');
    expect(dissolveBuffers([], R)).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});

describe('local projection', () => {
  it('agrees with Turf\'s spherical distance across the district (< 0.5 %) and inverts exactly', () => {
    const pts: [number, number][] = [[114.047, 36.342], [114.31, 36.574], [114.2039, 36.4204]];
    const p = localProjectionFor(pts);
    const xy = projectPoints(pts, p);
    const planar = Math.hypot(xy[2] - xy[0], xy[3] - xy[1]);
    expect(planar / (distance(pts[0], pts[1], { units: 'kilometers' }) * 1000)).toBeCloseTo(1, 2);
    const back = unproject(xy[4], xy[5], p);
    expect(back[0]).toBeCloseTo(114.2039, 12);
    expect(back[1]).toBeCloseTo(36.4204, 12);
  });
});

// Reading a road file (issue 8, POST /roads/import): class from `class` or OSM `highway`, oneway
// in OSM's spellings (-1 reversed), only lines, positions in range, CRS converted with gcoord,
// and every bad feature listed by its index.
import gcoord from 'gcoord';
import { describe, expect, it } from 'vitest';
import { onewayOf, roadClassOf } from '../../../domain/roads/classes.ts';
import { MAX_LISTED_ERRORS, parseRoadFile } from '../../../domain/roads/parse.ts';

const line = (coords: number[][], props: Record<string, unknown> = { highway: 'residential' }) =>
  ({ type: 'Feature', properties: props, geometry: { type: 'LineString', coordinates: coords } });
const fc = (...features: unknown[]) => ({ type: 'FeatureCollection', features });
const A = [[114.20, 36.42], [114.21, 36.42]];

describe('road classes', () => {
  it('maps OSM highway values onto the seven classes, links with their road', () => {
    const cls = (highway: string) => (roadClassOf({ highway }) as { roadClass: string }).roadClass;
    expect(['motorway', 'motorway_link', 'trunk', 'primary_link', 'secondary', 'tertiary'].map(cls))
      .toEqual(['expressway', 'expressway', 'trunk', 'primary', 'secondary', 'tertiary']);
    expect(['residential', 'unclassified', 'living_street'].map(cls)).toEqual(['residential', 'residential', 'residential']);
    expect(['service', 'track', 'path', 'footway', 'steps'].map(cls)).toEqual(['lane', 'lane', 'lane', 'lane', 'lane']);
  });

  it('takes our own class first, case-insensitively, and names an unknown value', () => {
    expect(roadClassOf({ class: 'Trunk', highway: 'footway' })).toEqual({ ok: true, roadClass: 'trunk' });
    expect(roadClassOf({ highway: 'bus_stop' })).toEqual({ ok: false, code: 'unknown_class', value: 'bus_stop' });
    expect(roadClassOf({})).toEqual({ ok: false, code: 'missing_class', value: null });
  });

  it('reads oneway as OSM writes it', () => {
    expect(['yes', 'true', '1', true, 1].map((v) => onewayOf(v))).toEqual(Array(5).fill({ ok: true, oneway: true, reversed: false }));
    expect(['-1', -1, 'reverse'].map((v) => onewayOf(v))).toEqual(Array(3).fill({ ok: true, oneway: true, reversed: true }));
    expect([undefined, null, 'no', 'false', '0', false, 'reversible'].map((v) => onewayOf(v))).toEqual(Array(7).fill({ ok: true, oneway: false, reversed: false }));
    expect(onewayOf('sometimes')).toEqual({ ok: false, value: 'sometimes' });
  });
});

describe('parseRoadFile', () => {
  it('reads lines and multilines with name, class and oneway; oneway=-1 is stored reversed', () => {
    const r = parseRoadFile(fc(line(A, { class: 'primary', name: ' 和平路 ', oneway: 'yes' }),
      line(A, { highway: 'service', oneway: '-1' }),
      { type: 'Feature', properties: { highway: 'track' }, geometry: { type: 'MultiLineString', coordinates: [A, [[114.21, 36.42], [114.22, 36.43, 80]]] } }), 'WGS84');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.roads.map((x) => [x.index, x.name, x.roadClass, x.oneway])).toEqual([[0, '和平路', 'primary', true], [1, null, 'lane', true], [2, null, 'lane', false]]);
    expect(r.roads[1].geometry).toEqual({ type: 'LineString', coordinates: [[114.21, 36.42], [114.20, 36.42]] });
    expect(r.roads[2].geometry).toEqual({ type: 'MultiLineString', coordinates: [A, [[114.21, 36.42], [114.22, 36.43]]] }); // elevation dropped
    expect(r.vertices).toBe(8);
  });

  it('converts GCJ-02 and BD-09 to WGS-84 as gcoord does (to 1e-7°)', () => {
    for (const crs of ['GCJ02', 'BD09'] as const) {
      const r = parseRoadFile(fc(line(A)), crs);
      if (!r.ok) throw new Error(JSON.stringify(r.errors));
      const want = A.map((p) => gcoord.transform([p[0], p[1]] as [number, number], gcoord[crs], gcoord.WGS84) as number[]);
      const got = (r.roads[0].geometry.coordinates as number[][]);
      got.forEach((p, i) => { expect(Math.abs(p[0] - want[i][0])).toBeLessThan(1e-7); expect(Math.abs(p[1] - want[i][1])).toBeLessThan(1e-7); });
      expect(Math.abs(got[0][0] - A[0][0])).toBeGreaterThan(1e-4); // it did move (~500 m)
    }
  });

  it('lists every bad feature with its index and code, and returns no roads', () => {
    const features = Array.from({ length: 12 }, () => line(A));
    features[3] = line(A, { highway: 'platform' });
    features[5] = { type: 'Feature', properties: { highway: 'primary' }, geometry: { type: 'Polygon', coordinates: [[...A, [114.2, 36.43], A[0]]] } } as never;
    features[7] = line([[36.42, 114.2], [36.43, 114.2]]); // lat and lng swapped
    features[8] = line([[114.2, 36.42]]);
    features[9] = line(A, { highway: 'primary', oneway: 'maybe' });
    features[10] = line([[114.2, 36.42], [114.2, 36.42]]);
    features[11] = line([[114.2, 36.42], [114.2, 'x']] as never);
    const r = parseRoadFile(fc(...features, 'oops'), 'WGS84');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.index, e.code])).toEqual([[3, 'unknown_class'], [5, 'unsupported_geometry'], [7, 'out_of_range'], [8, 'too_few_positions'],
      [9, 'bad_oneway'], [10, 'zero_length'], [11, 'bad_position'], [12, 'not_a_feature']]);
    expect(r.errors[0].detail).toContain('platform');
    expect(r.errorCount).toBe(8);
  });

  it('refuses GCJ-02 positions outside China and what is not a collection of features', () => {
    const r = parseRoadFile(fc(line([[2.35, 48.85], [2.36, 48.85]])), 'GCJ02');
    expect(r.ok ? null : r.errors[0].code).toBe('outside_china');
    expect(parseRoadFile(fc(line([[2.35, 48.85], [2.36, 48.85]])), 'WGS84').ok).toBe(true);
    for (const bad of [null, [], { type: 'Feature' }, { type: 'FeatureCollection' }]) {
      const x = parseRoadFile(bad, 'WGS84');
      expect(x.ok ? null : x.errors).toEqual([{ index: null, code: 'not_a_feature_collection', detail: expect.any(String) }]);
    }
    expect(parseRoadFile(fc(), 'WGS84')).toMatchObject({ ok: false, errors: [{ index: null, code: 'no_features' }] });
  });

  it('lists the first errors and counts the rest', () => {
    const r = parseRoadFile(fc(...Array.from({ length: MAX_LISTED_ERRORS + 5 }, () => line(A, {}))), 'WGS84');
    expect(r.ok ? null : [r.errors.length, r.errorCount, r.errors[0].code]).toEqual([MAX_LISTED_ERRORS, MAX_LISTED_ERRORS + 5, 'missing_class']);
  });
});

// /plan's coverage layers: valid MapLibre with the ids the browser test queries; bands darker and
// more opaque the shorter the time (the legend's swatch stacks the nested bands as the map does),
// the asked band outlined boldly; uncovered circles red and larger for more residents and when
// zoomed in; off-network facilities grey; picks numbered 1…K on top; the route's line and ends.
import { describe, expect, it } from 'vitest';
import type { LayerSpecification } from 'maplibre-gl';
import type { FeatureCollection, MultiPolygon } from 'geojson';
import type { BandProps, FacilityOut, PlacementPick, RouteOut, ServiceAreasOut } from '../../domain/coverage/types.ts';
import {
  bandFeatures, checkpointFeatures, coverageCollections, facilityFeatures, pickFeatures, routeFeatures,
} from '../../web/map/coverage-features.ts';
import {
  BAND_STOPS, bandLook, bandSwatch, COVERAGE_COLORS, COVERAGE_LAYERS, COVERAGE_SOURCES, coverageLayers,
} from '../../web/map/coverage-styles.ts';
import { bandsFor, queryString } from '../../web/stores/plan-coverage.ts';
import { distanceParts, formatShare, pointBox } from '../../web/components/plan/coverage-format.ts';
import { colorOf, evaluate, keeps, rgba, validate } from './style-eval.ts';

const layers = coverageLayers();
const all = Object.values(layers).flat();
const byId = (id: string): LayerSpecification => {
  const found = all.find((l) => l.spec.id === id);
  if (!found) throw new Error(`no layer ${id}`);
  return found.spec;
};
const square = (d: number): MultiPolygon => ({ type: 'MultiPolygon', coordinates: [[[[114, 36], [114 + d, 36], [114 + d, 36 + d], [114, 36 + d], [114, 36]]]] });
const areas = (minutes: number[]): ServiceAreasOut => ({
  facility: 'testingSites', mode: 'walk', avoidSealed: false, sealedZoneIds: [], facilities: [],
  bands: { type: 'FeatureCollection', features: minutes.map((m) => ({ type: 'Feature', geometry: square(m / 100), properties: { minutes: m, areaSquareMeters: m * 1e5 } })) } as FeatureCollection<MultiPolygon, BandProps>,
});
const facility = (id: number, over: Partial<FacilityOut> = {}): FacilityOut => ({ id, name: `点${id}`, lng: 114.1, lat: 36.4, onNetwork: true, insideSealed: false, ...over });
const pick = (placeId: number, addedResidents: number): PlacementPick =>
  ({ placeId, name: `学校${placeId}`, kind: 'school', lng: 114.2, lat: 36.5, addedResidents, coveredAfter: 1000 + addedResidents });
const lum = (hex: string) => [1, 3, 5].reduce((s, i) => s + parseInt(hex.slice(i, i + 2), 16), 0);

describe('coverage layer style', () => {
  it('is valid MapLibre with unique ids, one group per source, the ids the browser test queries', () => {
    expect(validate(all)).toEqual([]);
    const ids = all.map((l) => l.spec.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.keys(layers)).toEqual(COVERAGE_LAYERS);
    expect(ids).toEqual(expect.arrayContaining(['coverage-bands-fill', 'coverage-uncovered-circle', 'coverage-facilities-circle',
      'coverage-picks-circle', 'coverage-picks-number', 'coverage-checkpoints-circle', 'coverage-route-line']));
    for (const [l, group] of Object.entries(layers)) {
      for (const { spec } of group) expect((spec as { source: string }).source, spec.id).toBe(COVERAGE_SOURCES[l as keyof typeof COVERAGE_SOURCES]);
    }
    // Bands under the zones and points; the numbered picks are the last thing drawn.
    expect(layers.bands[0].slot).toBe('base');
    expect(all.at(-1)?.spec.id).toBe('coverage-picks-label');
  });

  it('fills shorter bands darker and more opaque, as the legend says', () => {
    const fill = byId('coverage-bands-fill');
    for (const [m, colour, opacity] of BAND_STOPS) {
      expect(colorOf(fill, 'fill-color', { minutes: m })).toBe(rgba(colour));
      expect(evaluate(fill, 'paint', 'fill-opacity', { minutes: m })).toBeCloseTo(opacity, 6);
      expect(bandLook(m)).toEqual({ color: colour, opacity });
    }
    const [five, ten, fifteen] = [5, 10, 15].map(bandLook);
    expect(five.opacity).toBeGreaterThan(ten.opacity);
    expect(ten.opacity).toBeGreaterThan(fifteen.opacity);
    expect(lum(five.color)).toBeLessThan(lum(ten.color));
    expect(bandLook(1)).toEqual(bandLook(5)); // clamped at both ends
    expect(bandLook(60)).toEqual(bandLook(30));
    expect(bandLook(12.5).opacity).toBeCloseTo(0.18, 6);
    // A place inside the 5-minute band lies under all three fills: the darkest swatch; outside all: white.
    const bands = [5, 10, 15];
    expect(lum(bandSwatch(5, bands))).toBeLessThan(lum(bandSwatch(10, bands)));
    expect(lum(bandSwatch(10, bands))).toBeLessThan(lum(bandSwatch(15, bands)));
    expect(bandSwatch(20, bands)).toBe('#ffffff');
  });

  it('outlines the asked band boldly and draws longer bands first', () => {
    const fc = bandFeatures(areas([5, 15, 10]), 15);
    expect(fc.features.map((f) => f.properties?.minutes)).toEqual([15, 10, 5]);
    expect(fc.features.map((f) => f.properties?.asked)).toEqual([true, false, false]);
    const line = byId('coverage-bands-line');
    expect(evaluate(line, 'paint', 'line-width', { minutes: 15, asked: true })).toBeGreaterThan(evaluate(line, 'paint', 'line-width', { minutes: 10, asked: false }) as number);
    expect(bandFeatures(null, 15).features).toEqual([]);
  });

  it('draws uncovered cells red, larger for more residents and when zoomed in', () => {
    const c = byId('coverage-uncovered-circle');
    expect(colorOf(c, 'circle-color', { residents: 10 })).toBe(rgba(COVERAGE_COLORS.uncovered));
    const r = (residents: number, zoom: number) => evaluate(c, 'paint', 'circle-radius', { residents }, zoom) as number;
    expect(r(100, 13)).toBeGreaterThan(r(4, 13));
    expect(r(100, 16)).toBeGreaterThan(r(100, 12));
    expect(r(1, 13)).toBeGreaterThanOrEqual(2); // one household still shows in the streets
    expect(r(400, 11)).toBeLessThan(8); // over the whole district, cells 1–2 px apart must not merge into blobs
    expect(r(4, 14) / r(1, 14)).toBeLessThan(4); // area, not radius, grows with residents
  });

  it('marks facilities off the road network grey and those inside a sealed zone with a dark red ring', () => {
    const c = byId('coverage-facilities-circle');
    const fc = facilityFeatures([facility(1), facility(2, { onNetwork: false, insideSealed: true })]);
    const [on, off] = fc.features.map((f) => f.properties ?? {});
    expect(colorOf(c, 'circle-color', on)).toBe(rgba(COVERAGE_COLORS.facility));
    expect(colorOf(c, 'circle-color', off)).toBe(rgba(COVERAGE_COLORS.facilityOff));
    expect(colorOf(c, 'circle-stroke-color', off)).toBe(rgba(COVERAGE_COLORS.facilitySealed));
    expect(fc.features.map((f) => f.id)).toEqual([1, 2]);
  });

  it('numbers the placement picks 1…K in the greedy order, never hidden by collisions', () => {
    const fc = pickFeatures([pick(7, 900), pick(3, 400), pick(9, 120)]);
    const number = byId('coverage-picks-number');
    expect(fc.features.map((f) => String(evaluate(number, 'layout', 'text-field', f.properties ?? {})))).toEqual(['1', '2', '3']);
    expect((number as { layout: Record<string, unknown> }).layout['text-allow-overlap']).toBe(true);
    expect(fc.features.map((f) => f.id)).toEqual([7, 3, 9]);
  });

  it('draws the route as a line with its two ends, or only the clicked point when none was found', () => {
    const found: RouteOut = { found: true, reason: null, route: { type: 'LineString', coordinates: [[114, 36], [114.01, 36.01]] },
      meters: 1500, minutes: 22.5, facility: facility(4), sealedZoneIds: [] };
    const fc = routeFeatures(found, [114, 36]);
    const line = byId('coverage-route-line');
    const ends = byId('coverage-route-ends');
    expect(fc.features.map((f) => f.geometry.type)).toEqual(['LineString', 'Point', 'Point']);
    expect(fc.features.filter((f) => keeps(line, f.properties ?? {}, f.geometry.type as 'Point'))).toHaveLength(1);
    expect(fc.features.filter((f) => keeps(ends, f.properties ?? {}, f.geometry.type as 'Point')).map((f) => f.properties?.end)).toEqual(['from', 'to']);
    const none = routeFeatures({ ...found, found: false, reason: 'unreachable', route: null, facility: null }, [114, 36]);
    expect(none.features.map((f) => f.properties?.end)).toEqual(['from']);
    expect(routeFeatures(null, null).features).toEqual([]);
  });

  it('keeps every source empty-or-null until its answer comes', () => {
    const c = coverageCollections({ areas: null, askedMinutes: 15, uncovered: null, picks: [], checkpoints: [], route: null, routeFrom: null });
    expect(c.bands).toBeNull();
    expect(c.facilities).toBeNull();
    expect(c.uncovered).toBeNull();
    expect(c.picks?.features).toEqual([]);
    const cp = checkpointFeatures([{ zoneId: 1, zoneName: '封控区', zoneKind: 'sealed', lng: 114, lat: 36, roadId: 5, roadName: null, roadClass: 'lane' }]);
    expect(cp.features[0].properties).toEqual({ zoneId: 1, roadName: '', roadClass: 'lane' });
  });
});

describe('coverage question', () => {
  it('draws 5/10/15-minute bands and the asked minutes when it is another', () => {
    expect(bandsFor(15)).toEqual([5, 10, 15]);
    expect(bandsFor(30)).toEqual([5, 10, 15, 30]);
    expect(bandsFor(5)).toEqual([5, 10, 15]);
  });

  it('names every part of the question in the URL', () => {
    const q = { facility: 'feverClinics', mode: 'drive', minutes: 10, avoidSealed: true } as const;
    expect(queryString(q)).toBe('facility=feverClinics&mode=drive&minutes=10&avoidSealed=true');
    expect(queryString(q, [5, 10, 15])).toBe('facility=feverClinics&mode=drive&minutes=5,10,15&avoidSealed=true');
  });
});

describe('coverage wording', () => {
  it('writes shares as percentages, distances in m or km, and a small box around a point', () => {
    expect(formatShare(0.8686, 'zh-CN')).toBe('86.9%');
    expect(formatShare(1, 'en')).toBe('100%');
    expect(distanceParts(287.4)).toEqual({ key: 'meters', value: 287, digits: 0 });
    expect(distanceParts(1140)).toEqual({ key: 'km', value: 1.14, digits: 1 });
    const [w, s, e, n] = pointBox(114.2, 36.5, 250);
    expect((n - s) * 111_320).toBeCloseTo(500, 0);
    expect((e - w) * 111_320 * Math.cos((36.5 * Math.PI) / 180)).toBeCloseTo(500, 0);
  });
});

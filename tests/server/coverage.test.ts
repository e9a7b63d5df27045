// The /coverage routes (issue 8) over the tiny district plus a hand-made street with a sealed
// zone across it (coverage-fixture.ts): every route's wire shape, summary totals equal to an
// independent Bellman-Ford count (coverage-brute.ts), avoidSealed closing the street for coverage
// and routes, placement picks that add residents and grow with K, bad input as problem+json and
// field members kept out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CapacityOut, CheckpointSuggestionsOut, CoverageRow, CoverageSummaryOut, PlacementOut, RouteOut, ServiceAreasOut, UncoveredOut } from '../../domain/coverage/types.ts';
import { bandPolygon } from '../../domain/zones/polygon-bands.ts';
import { districtCoverage, forgetCoverageSource } from '../../server/coverage/service.ts';
import { coverageSourceOf } from '../../server/coverage/source.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { bruteCoverage, sealedBoxes, touches } from './coverage-brute.ts';
import { addCoverageStreet, HOMES, SEALED_BOX, Y, type CoverageFixture } from './coverage-fixture.ts';

type P = [number, number];

const lineCrosses = (coords: P[], b: readonly number[]) => coords.slice(1).some((q, i) => touches(coords[i], q, b));

describe.each(DIALECTS)('coverage on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let f: CoverageFixture;
  beforeAll(async () => {
    t = await testApp(dialect);
    f = await addCoverageStreet(t.db);
  }, 60_000);
  afterAll(async () => { await t.close(); });

  const get = async <T>(path: string, who: Parameters<typeof t.as>[0] = 'planner'): Promise<T> => {
    const res = await t.as(who)(`/api/v1${path}`);
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json() as Promise<T>;
  };
  const post = async <T>(path: string, body: unknown): Promise<T> => {
    const res = await t.as('planner')(`/api/v1${path}`, 'POST', body);
    expect(res.status, await res.clone().text()).toBe(200);
    return res.json() as Promise<T>;
  };

  it('sums covered residents exactly as a brute-force Bellman-Ford over the same rows, per area', async () => {
    for (const avoidSealed of [false, true]) {
      const sealed = avoidSealed ? await sealedBoxes(t.db) : [];
      for (const minutes of [5, 10, 15, 30]) {
        const s = await get<CoverageSummaryOut>(`/coverage/summary?facility=testingSites&mode=walk&minutes=${minutes}&avoidSealed=${avoidSealed}`);
        const b = await bruteCoverage(t.db, minutes, sealed);
        const where = `${minutes} min, avoidSealed ${avoidSealed}`;
        expect([s.district.residents, s.district.covered, s.district.insideSealed], where).toEqual([b.residents, b.covered, b.insideSealed]);
        expect(s.district.uncovered).toBe(b.residents - b.insideSealed - b.covered);
        // The street's village and township hold the same figures as its households.
        const street = HOMES.filter(([x, y]) => !avoidSealed || !(x >= SEALED_BOX[0] && x <= SEALED_BOX[2] && y >= SEALED_BOX[1] && y <= SEALED_BOX[3]));
        const coveredHere = street.filter(([x, y]) => b.minutesOf([x, y]) <= minutes).reduce((n, h) => n + h[2], 0);
        const village = s.villages.find((v) => v.id === f.villageId)!, township = s.townships.find((v) => v.id === f.townshipId)!;
        expect([village.covered, township.covered], where).toEqual([coveredHere, coveredHere]);
      }
    }
  });

  it('answers the summary in the wire shape, with the street figures worked out by hand', async () => {
    const s = await get<CoverageSummaryOut>('/coverage/summary?minutes=15&avoidSealed=false');
    expect(s).toMatchObject({ facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed: false, facilities: 3 });
    expect(s.district).toMatchObject({ level: 'district', id: 1, name: '峰峰矿区' });
    const v = s.villages.find((x) => x.id === f.villageId)!;
    // H1 2.7, H3 6.9, H2 8.1, H4 10.7, H5 13.4 minutes: 3 + 2 + 4 + 5 + 6 = 20 of 45.
    expect(v).toMatchObject({ level: 'village', name: '测试村', parentId: f.townshipId, residents: 45, covered: 20, uncovered: 25, insideSealed: 0 });
    const g = s.grids.find((x) => x.id === f.gridId)!;
    expect(g).toMatchObject({ level: 'grid', residents: 14, covered: 14 });
    // avoidSealed: H4 (5) is inside the zone, H5 (6) is cut off from the site.
    const a = await get<CoverageSummaryOut>('/coverage/summary?minutes=15&avoidSealed=true');
    expect(a.villages.find((x) => x.id === f.villageId)).toMatchObject({ residents: 45, covered: 9, insideSealed: 5, uncovered: 31 });
  });

  it('draws nested service-area bands along the roads, shrinking when the sealed zone closes the street', async () => {
    const open = await get<ServiceAreasOut>('/coverage/service-areas?facility=testingSites&mode=walk&minutes=5,10,15&avoidSealed=false');
    expect(open.bands.type).toBe('FeatureCollection');
    expect(open.bands.features.map((b) => b.properties.minutes)).toEqual([15, 10, 5]);
    const areas = open.bands.features.map((b) => b.properties.areaSquareMeters);
    expect(areas[0]).toBeGreaterThan(areas[1]);
    expect(areas[1]).toBeGreaterThan(areas[2]);
    expect(open.facilities.find((x) => x.id === f.siteId)).toMatchObject({ name: '测试采样点', onNetwork: true, insideSealed: false });
    expect(open.sealedZoneIds).toEqual([]);
    const band15 = bandPolygon(open.bands.features[0].geometry);
    expect(band15.contains(114.306, Y)).toBe(true);
    expect(band15.contains(114.309, Y)).toBe(true);
    expect(band15.contains(114.316, Y)).toBe(false); // 17.9 minutes along the street
    const closed = await get<ServiceAreasOut>('/coverage/service-areas?minutes=15&avoidSealed=true');
    expect(closed.sealedZoneIds.sort()).toEqual([1, f.zoneId].sort());
    expect(bandPolygon(closed.bands.features[0].geometry).contains(114.309, Y)).toBe(false);
    expect(closed.bands.features[0].properties.areaSquareMeters).toBeLessThan(areas[0]);
  });

  it('lists the uncovered residents in 100 m cells', async () => {
    const u = await get<UncoveredOut>('/coverage/uncovered?minutes=15&avoidSealed=false');
    expect(u.type).toBe('FeatureCollection');
    const s = await get<CoverageSummaryOut>('/coverage/summary?minutes=15&avoidSealed=false');
    expect(u.features.reduce((n, c) => n + c.properties.residents, 0)).toBe(s.district.uncovered);
    const h6 = u.features.find((c) => Math.abs(c.geometry.coordinates[0] - 114.314) < 0.001 && Math.abs(c.geometry.coordinates[1] - Y) < 0.001)!;
    expect(h6.properties).toMatchObject({ residents: 7, households: 1, minutes: null }); // 18.8 minutes: beyond the 15-minute search
    expect(u.features.every((c) => c.geometry.type === 'Point')).toBe(true);
  });

  it('sums a drawn polygon', async () => {
    const polygon = { type: 'Polygon', coordinates: [[[114.301, 36.52], [114.312, 36.52], [114.312, 36.54], [114.301, 36.54], [114.301, 36.52]]] };
    const r = await post<CoverageRow>('/coverage/within', { facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed: true, geometry: polygon });
    // H1, H3, H2 covered (9); H4 sealed (5); H5 cut off (6).
    expect(r).toMatchObject({ level: 'polygon', id: null, residents: 20, covered: 9, insideSealed: 5, uncovered: 6 });
  });

  it('routes to the nearest site along the street, or round the sealed zone when asked to avoid it', async () => {
    const from: P = [114.314, Y + 0.0002];
    const direct = await post<RouteOut>('/coverage/route', { from, facility: 'testingSites', mode: 'walk', avoidSealed: false });
    expect(direct).toMatchObject({ found: true, reason: null, facility: { id: f.siteId, name: '测试采样点' }, sealedZoneIds: [] });
    expect(direct.meters).toBeGreaterThan(1200);
    expect(direct.meters).toBeLessThan(1300);
    expect(lineCrosses(direct.route!.coordinates as P[], SEALED_BOX)).toBe(true);
    const around = await post<RouteOut>('/coverage/route', { from, facility: 'testingSites', mode: 'walk', avoidSealed: true });
    expect(around.found).toBe(true);
    expect(lineCrosses(around.route!.coordinates as P[], SEALED_BOX)).toBe(false);
    expect(around.meters).toBeGreaterThan(3000); // up to the north street and back down
    expect(around.minutes).toBeGreaterThan(direct.minutes);
    const toPoint = await post<RouteOut>('/coverage/route', { from: [114.302, Y], to: [114.306, Y], mode: 'walk', avoidSealed: true });
    expect(toPoint).toMatchObject({ found: true, facility: null });
    expect(Math.abs(toPoint.meters - 358)).toBeLessThan(5);
    const fromInside = await post<RouteOut>('/coverage/route', { from: [114.308, Y], facility: 'testingSites', mode: 'walk', avoidSealed: true });
    expect(fromInside).toMatchObject({ found: false, reason: 'start_inside_sealed', route: null });
    const nowhere = await post<RouteOut>('/coverage/route', { from: [114.330, 36.56], facility: 'testingSites', mode: 'walk', avoidSealed: false });
    expect(nowhere).toMatchObject({ found: false, reason: 'no_road_near_start' });
  });

  it('places new sites where they add residents, never a site that exists, and K = 2 adds at least what K = 1 does', async () => {
    const body = { facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed: false };
    const one = await post<PlacementOut>('/coverage/placement', { ...body, k: 1 });
    const two = await post<PlacementOut>('/coverage/placement', { ...body, k: 2 });
    expect(one).toMatchObject({ facility: 'testingSites', minutes: 15, candidates: 2 }); // the public building at the site is one already
    expect(one.picks).toEqual([expect.objectContaining({ placeId: f.placeIds[0], name: '测试小学', kind: 'school', addedResidents: 15 })]); // H6 + H7
    expect(one.picks[0].coveredAfter).toBe(one.coveredBefore + 15);
    expect(two.picks.map((p) => [p.placeId, p.addedResidents])).toEqual([[f.placeIds[0], 15], [f.placeIds[1], 9]]);
    expect(two.picks[1].coveredAfter).toBeGreaterThanOrEqual(one.picks[0].coveredAfter);
    const s = await get<CoverageSummaryOut>('/coverage/summary?minutes=15&avoidSealed=false');
    expect([one.residents, one.coveredBefore]).toEqual([s.district.residents, s.district.covered]);
    // Closing the street: the school now also brings in H5 (6), which the site can no longer reach.
    const closed = await post<PlacementOut>('/coverage/placement', { ...body, avoidSealed: true, k: 1 });
    expect(closed.picks[0]).toMatchObject({ placeId: f.placeIds[0], addedResidents: 21 });
  });

  it('sets capacity against demand per district, township and active zone, with the rule sources', async () => {
    const c = await get<CapacityOut>('/coverage/capacity');
    const [district] = c.rows;
    expect(district).toMatchObject({ level: 'district', name: '峰峰矿区', population: 56, targetHours: 24,
      samplingPoints: { needMin: 1, needMax: 1, present: 3 }, quarantineRooms: { need: 1, present: 3, free: 2 } });
    expect(district.testHours).toBeCloseTo(56 / 470, 1);
    expect(c.rows.find((r) => r.level === 'township' && r.id === f.townshipId)).toMatchObject({ name: '测试镇', population: 45,
      samplingPoints: { present: 1 }, testHours: 0.3, quarantineRooms: { present: 0, free: 0 } });
    expect(c.rows.find((r) => r.level === 'zone' && r.id === f.zoneId)).toMatchObject({ name: '测试封控区', zoneKind: 'sealed', population: 5,
      samplingPoints: { present: 0 }, testHours: null });
    expect(c.rows.find((r) => r.level === 'zone' && r.id === 1)).toMatchObject({ population: 11, samplingPoints: { present: 2 } });
    expect(c.contactForecast).toEqual({ recentCases: 1, contactsPerCase: 1, forecast: 1, roomsFree: 2 });
    expect(c.sources.map((s) => s.key)).toEqual(expect.arrayContaining(['samplingPoints', 'samplers', 'testHours', 'quarantineRooms']));
    expect(c.sources.every((s) => s.rule && s.source)).toBe(true);
  });

  it('suggests checkpoints where roads cross active zones and none stands within 50 m', async () => {
    const c = await get<CheckpointSuggestionsOut>('/coverage/checkpoints');
    expect(c.covered).toBe(1); // 测试大街卡口 at the street's west crossing
    const at = c.suggestions.map((s) => [s.zoneId, s.roadClass, Number(s.lng.toFixed(4)), Number(s.lat.toFixed(4))]);
    expect(at).toEqual(expect.arrayContaining([[1, 'trunk', 114.15, 36.4], [1, 'trunk', 114.15, 36.5], [f.zoneId, 'residential', 114.309, Y]]));
    expect(c.suggestions).toHaveLength(3);
    expect(c.suggestions.find((s) => s.zoneId === f.zoneId)).toMatchObject({ zoneName: '测试封控区', zoneKind: 'sealed', roadName: '测试大街' });
  });

  it('gives the wall its district figures (districtCoverage): residents who must travel and those covered', async () => {
    for (const avoidSealed of [false, true]) {
      const q = { facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed } as const;
      const s = await get<CoverageSummaryOut>(`/coverage/summary?minutes=15&avoidSealed=${avoidSealed}`);
      expect(await districtCoverage(t.db, FIXED_NOW.toISOString(), q)).toEqual({ residents: s.district.residents - s.district.insideSealed, covered: s.district.covered });
    }
  });

  it('serves the other facility types and the wall (read-only roles)', async () => {
    const clinics = await get<CoverageSummaryOut>('/coverage/summary?facility=feverClinics&minutes=15&avoidSealed=false', 'wall');
    expect(clinics.facilities).toBe(1);
    expect(clinics.villages.find((v) => v.id === f.villageId)!.covered).toBe(9); // H8 only, 358 m from the clinic
    const depots = await get<CoverageSummaryOut>('/coverage/summary?facility=supplyPoints&mode=drive&minutes=15', 'commander');
    expect(depots).toMatchObject({ facilities: 0, mode: 'drive', avoidSealed: true, district: { covered: 0 } });
  });

  it('refuses bad input with problem+json and a code', async () => {
    const bad = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await res.json()).code).toBe(code);
    };
    const as = t.as('planner');
    for (const q of ['minutes=0', 'minutes=61', 'minutes=abc', 'facility=hospitals', 'mode=fly', 'avoidSealed=maybe', 'extra=1']) {
      await bad(await as(`/api/v1/coverage/summary?${q}`), 400, 'invalid_query');
    }
    await bad(await as('/api/v1/coverage/service-areas?minutes=5,x'), 400, 'invalid_query');
    await bad(await as('/api/v1/coverage/service-areas?minutes=1,2,3,4,5,6,7'), 400, 'invalid_query');
    const q = { facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed: false };
    await bad(await as('/api/v1/coverage/placement', 'POST', { ...q, k: 21 }), 400, 'validation_failed');
    await bad(await as('/api/v1/coverage/placement', 'POST', { ...q, k: 0 }), 400, 'validation_failed');
    await bad(await as('/api/v1/coverage/route', 'POST', { from: [114.3, Y], mode: 'walk', avoidSealed: true }), 400, 'validation_failed');
    await bad(await as('/api/v1/coverage/route', 'POST', { from: [114.3, Y], to: [114.31, Y], facility: 'testingSites' }), 400, 'validation_failed');
    await bad(await as('/api/v1/coverage/route', 'POST', { from: [200, Y], to: [114.31, Y] }), 400, 'validation_failed');
    await bad(await as('/api/v1/coverage/within', 'POST', { ...q, geometry: { type: 'Point', coordinates: [114.3, Y] } }), 422, 'invalid_geometry');
    await bad(await as('/api/v1/coverage/within', 'POST', { ...q, minutes: 'x', geometry: null }), 400, 'validation_failed');
  });

  it('answers a new question when a site opens or the roads change, never a cached stale one', async () => {
    const village = async () => (await get<CoverageSummaryOut>('/coverage/summary?minutes=15&avoidSealed=false')).villages.find((v) => v.id === f.villageId)!;
    expect((await village()).covered).toBe(20);
    const T0 = '2022-06-01T00:00:00.000Z';
    const { id } = await t.db.kysely.insertInto('testing_sites').values({ name: '测试临时采样点', kind: 'mobile', capacity_per_hour: 60, opening_hours: '08:00-12:00',
      status: 'active', geometry: JSON.stringify({ type: 'Point', coordinates: [114.320, Y] }), min_lng: 114.320, min_lat: Y, max_lng: 114.320, max_lat: Y,
      valid_from: T0, valid_to: null, created_at: T0, updated_at: T0, synthetic: 1 }).returning('id').executeTakeFirstOrThrow();
    expect((await village()).covered).toBe(35); // + H6 (8 minutes away) and H7 (at the site)
    await t.db.kysely.updateTable('testing_sites').set({ status: 'standby' }).where('id', '=', id).execute();
    expect((await village()).covered).toBe(20);
    const before = (await coverageSourceOf(t.db)).graph.edgeCount;
    await t.db.kysely.insertInto('roads').values({ name: '测试支路', class: 'lane', oneway: 0, synthetic: 1,
      geometry: JSON.stringify({ type: 'LineString', coordinates: [[114.338, Y], [114.338, 36.535]] }), min_lng: 114.338, min_lat: Y, max_lng: 114.338, max_lat: 36.535 }).execute();
    expect((await coverageSourceOf(t.db)).graph.edgeCount).toBe(before); // kept until told
    forgetCoverageSource(t.db);
    expect((await coverageSourceOf(t.db)).graph.edgeCount).toBe(before + 1);
    expect((await village()).covered).toBe(20);
  });

  it('is not for field members', async () => {
    const field = t.as('fieldA');
    for (const path of ['summary', 'service-areas', 'uncovered', 'capacity', 'checkpoints']) {
      const res = await field(`/api/v1/coverage/${path}`);
      expect([path, res.status]).toEqual([path, 403]);
    }
    for (const path of ['within', 'route', 'placement']) expect((await field(`/api/v1/coverage/${path}`, 'POST', {})).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';

describe.each(DIALECTS)('GET /api/v1/layers on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const get = async (q: string) => {
    const res = await t.as('commander')(`/api/v1/layers/${q}`);
    return { res, body: await res.json() };
  };

  it('serves a layer as a GeoJSON FeatureCollection', async () => {
    const { res, body } = await get('townships');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/geo+json');
    expect(body.type).toBe('FeatureCollection');
    expect(body.features).toHaveLength(1);
    expect(body.features[0]).toMatchObject({ type: 'Feature', id: 2, geometry: { type: 'Polygon' }, properties: { name: '大社镇', code: '130406103' } });
  });

  it('keeps only features whose bbox meets the bbox= box', async () => {
    const { body } = await get('cases?bbox=114.11,36.41,114.13,36.43');
    expect(body.features.map((f: { id: number }) => f.id)).toEqual([1]);
    const all = await get('roads?bbox=114.0,36.3,114.4,36.6');
    expect(all.body.features).toHaveLength(3);
    const none = await get('roads?bbox=113.0,35.0,113.1,35.1');
    expect(none.body.features).toHaveLength(0);
  });

  it('shows what was valid at the at= time', async () => {
    const before = await get('cases?at=2022-06-05T00:00:00Z');
    expect(before.body.features.map((f: { id: number }) => f.id)).toEqual([1, 2]);
    const zoneBefore = await get('zones?at=2022-06-05T00:00:00%2B08:00');
    expect(zoneBefore.body.features.map((f: { properties: { kind: string } }) => f.properties.kind)).toEqual(['controlled']);
    const zoneAfter = await get('zones?at=2022-06-07T00:00:00%2B08:00');
    expect(zoneAfter.body.features[0].properties).toMatchObject({ kind: 'sealed', version: 2, name: '大社镇封控区' });
  });

  it('filters by kind= and pages with limit and cursor', async () => {
    const { body } = await get('cases?kind=confirmed');
    expect(body.features.map((f: { id: number }) => f.id)).toEqual([1, 3]);
    const p1 = await get('roads?limit=2');
    expect(p1.body.features).toHaveLength(2);
    expect(p1.body.next).toEqual(expect.any(String));
    const p2 = await get(`roads?limit=2&cursor=${p1.body.next}`);
    expect(p2.body.features.map((f: { id: number }) => f.id)).toEqual([3]);
    expect(p2.body.next).toBeNull();
  });

  it('masks personal data in case features', async () => {
    const { body } = await get('cases');
    const props = body.features[2].properties;
    expect(props.name).toBe('欧***');
    expect(JSON.stringify(body)).not.toMatch(/王小明|1380000\d{4}|130406\d{11}[\dX]/);
  });

  it('reports quarantine occupancy', async () => {
    const { body } = await get('quarantine-sites');
    expect(body.features[0].properties).toMatchObject({ roomsTotal: 3, roomsOccupied: 1 });
    expect(body.features[0].properties.occupancyRatio).toBeCloseTo(1 / 3);
  });

  it.each([
    ['1,2,3', 'invalid_bbox'], ['a,b,c,d', 'invalid_bbox'], ['114,36,113,37', 'invalid_bbox'], ['114,95,115,96', 'invalid_bbox'],
    ['200,36,201,37', 'invalid_bbox'], ['1e999,0,1,1', 'invalid_bbox'],
  ])('answers 400 problem+json for bbox=%s', async (bbox, code) => {
    const { res, body } = await get(`cases?bbox=${bbox}`);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(body).toMatchObject({ status: 400, code, message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
  });

  it('answers 400 for a bad limit, at or cursor, 404 for an unknown layer', async () => {
    expect((await get('roads?limit=0')).res.status).toBe(400);
    expect((await get('roads?limit=100000')).res.status).toBe(400);
    expect((await get('roads?at=yesterday')).res.status).toBe(400);
    expect((await get('roads?cursor=bm9wZQ')).body.code).toBe('invalid_query');
    // Query fields come from an allow-list: unknown ones (sort, filter, SQL in a name) are refused, not ignored.
    for (const q of ['roads?sort=name', 'roads?filter=1%3D1', 'cases?order=id;drop table persons']) {
      const { res, body } = await get(q);
      expect([res.status, body.code]).toEqual([400, 'invalid_query']);
    }
    const unknown = await get('secrets');
    expect(unknown.res.status).toBe(404);
    expect(unknown.body.code).toBe('unknown_layer');
  });
});

describe.each(DIALECTS)('GET /api/v1/layers without at= on $name', (dialect) => {
  it('shows the present: only the current version of each zone', async () => {
    const t = await testApp(dialect);
    const body = await (await t.as('commander')('/api/v1/layers/zones')).json();
    expect(body.features.map((f: { properties: { version: number } }) => f.properties.version)).toEqual([2]);
    await t.close();
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { testApp, type TestUser } from '../support/app.ts';

type Columns = { layer: string; count: number; categories: string[]; ids: number[]; lng: number[]; lat: number[]; category: number[] };

describe.each(DIALECTS)('GET /api/v1/points on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const get = async (q: string, user: TestUser = 'commander') => {
    const res = await t.as(user)(`/api/v1/points/${q}`);
    return { res, body: (await res.json()) as Columns & { code?: string } };
  };

  it('serves every case as equal-length columns with a category index', async () => {
    const { res, body } = await get('cases');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(body).toEqual({
      layer: 'cases', count: 3, categories: ['confirmed', 'asymptomatic', 'suspected'],
      ids: [1, 2, 3], lng: [114.12, 114.25, 114.26], lat: [36.42, 36.45, 36.46], category: [0, 1, 0],
    });
  });

  it('serves the contacts layer with its own categories', async () => {
    const { body } = await get('contacts');
    expect(body).toMatchObject({ layer: 'contacts', count: 1, categories: ['closeContact', 'secondaryContact', 'atRiskTraveller'],
      ids: [4], lng: [114.121], lat: [36.421], category: [0] });
  });

  it('sends no personal field, only ids, coordinates and categories', async () => {
    const { body } = await get('cases');
    expect(Object.keys(body).sort()).toEqual(['categories', 'category', 'count', 'ids', 'lat', 'layer', 'lng']);
    expect(JSON.stringify(body)).not.toMatch(/王小明|李娜|欧阳|1380000\d{4}|130406\d{11}[\dX]|南头村/);
  });

  it('shows what was valid at the at= time', async () => {
    expect((await get('cases?at=2022-06-05T00:00:00Z')).body.ids).toEqual([1, 2]);
    expect((await get('cases?at=2022-06-05T08:00:00%2B08:00')).body.ids).toEqual([1, 2]);
    expect((await get('cases?at=2022-06-01T00:00:00Z')).body).toMatchObject({ count: 0, ids: [], lng: [], lat: [], category: [] });
  });

  it('gives a field member only the rows inside the team\'s areas, as the layer does', async () => {
    expect((await get('cases', 'fieldA')).body.ids).toEqual([1]);
    expect((await get('contacts', 'fieldA')).body.ids).toEqual([4]);
    expect((await get('cases', 'fieldB')).body.ids).toEqual([2, 3]);
    expect((await get('contacts', 'fieldB')).body.ids).toEqual([]);
    const layer = await (await t.as('fieldB')('/api/v1/layers/cases')).json() as { features: { id: number }[] };
    expect(layer.features.map((f) => f.id)).toEqual([2, 3]);
  });

  it('logs the read of people\'s points like the layers do (not the wall\'s, which sees no personal field)', async () => {
    const reads = () => t.db.kysely.selectFrom('audit_entries').selectAll().where('action', '=', 'read').where('route', '=', 'GET /points/cases').orderBy('id').execute();
    const before = (await reads()).length;
    expect((await get('cases', 'fieldB')).res.status).toBe(200);
    const after = await reads();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ actor: 'fieldb', entity: 'persons' });
    expect(JSON.parse(after.at(-1)!.after!)).toEqual({ layer: 'cases', count: 2, ids: [2, 3] });
    expect((await get('cases', 'wall')).res.status).toBe(200);
    expect(await reads()).toHaveLength(before + 1);
  });

  it('answers 400 problem+json for a layer that is not a point layer and for a bad at=', async () => {
    for (const q of ['roads', 'no-such-layer', 'cases?at=yesterday', 'cases?at=2022-13-01T00:00:00Z', 'cases?bbox=1,2,3,4']) {
      const { res, body } = await get(q);
      expect(res.status, q).toBe(400);
      expect(res.headers.get('content-type'), q).toContain('application/problem+json');
      expect(body.code, q).toMatch(/^(bad_request|invalid_query)$/);
    }
  });

  it('asks for a session', async () => {
    expect((await t.json('/api/v1/points/cases')).status).toBe(401);
  });
});

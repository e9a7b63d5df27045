import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckChar } from '../../domain/people/id-number.ts';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';

const validId = (() => { const b = '13040619900512123'; return b + idCheckChar(b); })();
const newCase = { category: 'confirmed', name: '张三丰', idNumber: validId, phone: '13912345678', sex: 'male', age: 51,
  homeAddress: '河北省邯郸市峰峰矿区大社镇南头村3组8号', geometry: { type: 'Point', coordinates: [114.13, 36.44] }, onsetDate: '2022-06-11' };

describe.each(DIALECTS)('record endpoints on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let officer: { cookie: string; csrf: string };
  beforeAll(async () => { t = await testApp(dialect, { bodyLimitBytes: 4096 }); officer = await t.signIn('officer'); });
  afterAll(async () => { await t.close(); });

  it('creates a case, reads it back masked, and shows it on the map layer', async () => {
    const res = await t.as('officer')('/api/v1/cases', 'POST', newCase);
    expect(res.status).toBe(201);
    const created = await res.json();
    expect(created).toMatchObject({ category: 'confirmed', name: '张**', phone: '139****5678', idNumber: '130406**********' + validId.slice(-2), incidentId: 1, status: 'active' });
    expect(res.headers.get('location')).toBe(`/api/v1/cases/${created.id}`);
    const read = await (await t.as('officer')(`/api/v1/cases/${created.id}`)).json();
    expect(read.geometry).toEqual({ type: 'Point', coordinates: [114.13, 36.44] });
    const layer = await (await t.as('commander')('/api/v1/layers/cases?bbox=114.125,36.435,114.135,36.445')).json();
    expect(layer.features.map((f: { id: number }) => f.id)).toContain(created.id);
  });

  it('updates a checkpoint and moves it in the spatial index', async () => {
    const res = await t.as('planner')('/api/v1/checkpoints/2', 'PATCH', { status: 'active', geometry: { type: 'Point', coordinates: [114.3, 36.5] } });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 2, status: 'active', updatedAt: '2022-06-12T04:00:00.000Z' });
    const moved = await (await t.as('commander')('/api/v1/layers/checkpoints?bbox=114.29,36.49,114.31,36.51')).json();
    expect(moved.features.map((f: { id: number }) => f.id)).toEqual([2]);
  });

  it('creates and lists testing and quarantine sites', async () => {
    const ts = await t.as('planner')('/api/v1/testing-sites', 'POST', { name: '临时采样点', kind: 'mobile', capacityPerHour: 150, geometry: { type: 'Point', coordinates: [114.2, 36.41] } });
    expect(ts.status).toBe(201);
    expect(await ts.json()).toMatchObject({ openingHours: '07:00-19:00', status: 'active' });
    const qs = await t.as('planner')('/api/v1/quarantine-sites', 'POST', { name: '新坡酒店', address: '新坡镇1号', geometry: { type: 'Point', coordinates: [114.22, 36.43] } });
    expect(await qs.json()).toMatchObject({ roomsTotal: 0, occupancyRatio: 0 });
    const list = await (await t.as('commander')('/api/v1/testing-sites?limit=2')).json();
    expect(list.items).toHaveLength(2);
    expect(list.next).toEqual(expect.any(String));
  });

  it('answers 404 problem+json for an unknown id, and for a contact asked for as a case', async () => {
    for (const path of ['/api/v1/cases/999', '/api/v1/cases/4', '/api/v1/checkpoints/999']) {
      const res = await t.as('officer')(path);
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ code: 'not_found', status: 404 });
    }
    expect((await t.as('planner')('/api/v1/testing-sites/999', 'PATCH', { status: 'closed' })).status).toBe(404);
  });

  it.each([
    [{ type: 'Point', coordinates: [500, 0] }, /longitude/],
    [{ type: 'Point', coordinates: [36.4, 114.2] }, /latitude/],
    [{ type: 'Point', coordinates: [] }, /non-empty/],
    [{ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, /type must be/],
    ['POINT(1 2)', /GeoJSON object/],
  ])('answers 422 with the reason for geometry %j', async (geometry, reason) => {
    const res = await t.as('planner')('/api/v1/checkpoints', 'POST', { name: '坏卡口', kind: 'trunkRoad', geometry });
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.code).toBe('invalid_geometry');
    expect(body.detail).toMatch(reason);
  });

  it('answers 400 for bodies that fail validation, and stores nothing', async () => {
    const before = await (await t.as('officer')('/api/v1/cases?limit=1000')).json();
    const bad = [
      { ...newCase, idNumber: validId.slice(0, 17) + (validId[17] === '0' ? '1' : '0') },
      { ...newCase, category: 'closeContact' },
      { ...newCase, age: -1 },
      { ...newCase, extra: 'field' },
    ].map((b) => JSON.stringify(b));
    // Keys that pollute prototypes when merged naively must come in as raw JSON text.
    bad.push(JSON.stringify(newCase).replace('{', '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},'));
    for (const body of bad) {
      const { cookie, csrf } = officer;
      const res = await t.app.request('/api/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body });
      expect(res.status).toBe(400);
      expect((await res.json()).code).toBe('validation_failed');
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const after = await (await t.as('officer')('/api/v1/cases?limit=1000')).json();
    expect(after.items).toHaveLength(before.items.length);
  });

  it('answers 400 for malformed JSON, 415 for other media types, 413 for an oversized body', async () => {
    const { cookie, csrf } = officer;
    const malformed = await t.app.request('/api/v1/cases', { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrf }, body: '{"name":' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toContain('application/problem+json');
    const form = await t.app.request('/api/v1/cases', { method: 'POST', headers: { 'content-type': 'text/plain', cookie, 'x-csrf-token': csrf }, body: 'x' });
    expect(form.status).toBe(415);
    const big = await t.as('officer')('/api/v1/cases', 'POST', { ...newCase, homeAddress: 'x'.repeat(10_000) });
    expect(big.status).toBe(413);
    expect((await big.json()).code).toBe('payload_too_large');
  });
});

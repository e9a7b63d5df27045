import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../support/dialects.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { BBOX_ONLY_TRIANGLE } from '../support/access-fixture.ts';
import { box } from '../support/grid-and-place.ts';

type Feature = { id: number; geometry: { type: string }; properties: Record<string, unknown> & { clock: Record<string, unknown> | null } };
const drawn = (geometry: unknown, kind = 'controlled', name = '南头村东片') => ({ name, kind, geometry, source: 'drawn' });
const bowTie = { type: 'Polygon', coordinates: [[[114.11, 36.41], [114.13, 36.43], [114.13, 36.41], [114.11, 36.43], [114.11, 36.41]]] };
/** A circle of 2,001 vertices (plus the closing one) inside 南头村. */
const tooMany = { type: 'Polygon', coordinates: [[...Array.from({ length: 2001 }, (_, i) => {
  const a = (2 * Math.PI * i) / 2001;
  return [114.15 + 0.02 * Math.cos(a), 36.45 + 0.02 * Math.sin(a)];
}), [114.17, 36.45]]] };

describe.each(DIALECTS)('zones on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const planner = () => t.as('planner');
  const counts = async () => Promise.all((['control_zones', 'control_zone_versions', 'zone_version_teams', 'audit_entries'] as const)
    .map(async (table) => Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n)));
  const list = async (who: Parameters<typeof t.as>[0], q = '') => (await (await t.as(who)(`/api/v1/zones${q}`)).json()).features as Feature[];

  it('creates a drawn zone at version 1, proposed, with the actor, the time and its teams', async () => {
    const res = await planner()('/api/v1/zones', 'POST', { ...drawn(box(114.12, 36.42, 114.16, 36.46)), reason: '新发病例周边' });
    expect(res.status).toBe(201);
    const { id, current } = await res.json();
    expect(res.headers.get('location')).toBe(`/api/v1/zones/${id}`);
    expect(current).toMatchObject({ type: 'Feature', id, geometry: { type: 'Polygon' }, properties: { zoneId: id, version: 1, name: '南头村东片',
      kind: 'controlled', status: 'proposed', source: 'drawn', change: 'create', reason: '新发病例周边', actor: 'planner',
      validFrom: FIXED_NOW.toISOString(), validTo: null, profileId: 1, proposalKey: null, justification: [] } });
    const teams = await t.db.kysely.selectFrom('zone_version_teams').innerJoin('control_zone_versions as v', 'v.id', 'zone_version_teams.zone_version_id')
      .select('team_id').where('v.zone_id', '=', id).execute();
    expect(teams.map((r) => r.team_id)).toEqual([1]);
  });

  it.each([
    ['a self-intersecting bow-tie', drawn(bowTie), 422, 'self_intersection'],
    ['2,001 vertices', drawn(tooMany), 422, 'too_many_vertices'],
    ['a polygon leaving the district', drawn(box(114.35, 36.5, 114.45, 36.55)), 422, 'outside_district'],
    ['a line', drawn({ type: 'LineString', coordinates: [[114.1, 36.4], [114.2, 36.5]] }), 422, 'invalid_geometry'],
    ['a kind the profile lacks', drawn(box(114.12, 36.42, 114.16, 36.46), 'high'), 422, 'unknown_zone_kind'],
    ['no source', { name: 'x', kind: 'sealed', geometry: box(114.12, 36.42, 114.16, 36.46) }, 400, 'validation_failed'],
  ])('refuses %s with %i %s and stores nothing', async (_label, body, status, code) => {
    const before = await counts();
    const res = await planner()('/api/v1/zones', 'POST', body);
    expect(res.status).toBe(status);
    const problem = await res.json();
    expect(problem).toMatchObject({ code, message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    if (status === 422) expect(problem.detail).toEqual(expect.any(String));
    expect(await counts()).toEqual(before);
  });

  it('lists the zones in force with their clocks: the tiny district\'s sealed zone is on day 10 of 14', async () => {
    const features = await list('commander');
    const seed = features.find((f) => f.id === 1)!;
    expect(seed.properties).toMatchObject({ zoneId: 1, version: 2, name: '大社镇封控区', kind: 'sealed', status: 'active', source: 'seed', change: 'seed' });
    // Cases 1–3 live inside and were reported on 2022-06-02; now is 2022-06-12 (Shanghai).
    expect(seed.properties.clock).toMatchObject({ kind: 'sealed', dayZero: '2022-06-02', lastInfectionDate: '2022-06-02', dayNumber: 10 });
    expect(seed.properties.lastInfectionAt).toBe('2022-06-02');
    expect(features.map((f) => f.properties.status)).toEqual(['active', 'proposed']);
    expect((await list('commander', '?status=proposed')).map((f) => f.properties.status)).toEqual(['proposed']);
    expect((await t.as('commander')('/api/v1/zones?status=sealed')).status).toBe(400);
    expect((await t.as('commander')('/api/v1/zones?at=yesterday')).status).toBe(400);
  });

  it.each([
    ['9999-12-31T23:00:00-05:00', 'year 10000 once in UTC'],
    ['0001-01-01', 'year 1'],
    ['1969-12-31T23:59:59Z', 'before 1970'],
  ])('answers at=%s (%s) with 400 invalid_query, not 500', async (at) => {
    const res = await t.as('commander')(`/api/v1/zones?at=${encodeURIComponent(at)}`);
    expect(res.status).toBe(400);
    expect((await res.json()).code).toBe('invalid_query');
  });

  it('accepts the edges of that range', async () => {
    for (const at of ['9999-12-31', '1970-01-01T00:00:00Z']) expect((await t.as('commander')(`/api/v1/zones?at=${at}`)).status).toBe(200);
  });

  it('replays a day with at=YYYY-MM-DD (the end of that Shanghai day) or an instant', async () => {
    const june5 = await list('wall', '?at=2022-06-05');
    expect(june5.map((f) => [f.id, f.properties.version, f.properties.kind])).toEqual([[1, 1, 'controlled']]);
    // Version 2 began 2022-06-06T16:00Z = 2022-06-07 00:00 in Shanghai: the end of June 6 still shows version 1.
    expect((await list('wall', '?at=2022-06-06'))[0].properties.version).toBe(1);
    expect((await list('wall', '?at=2022-06-07T00:00:00%2B08:00'))[0].properties.version).toBe(2);
    const early = (await list('wall', '?at=2022-06-01T12:00:00Z'))[0];
    expect(early.properties.clock).toMatchObject({ lastInfectionDate: null }); // no case reported yet
  });

  it('gives a zone with every version (oldest first) and its test rounds; an unknown id is 404', async () => {
    const res = await t.as('officer')('/api/v1/zones/1');
    expect(res.status).toBe(200);
    const z = await res.json();
    expect(z).toMatchObject({ id: 1, name: '大社镇封控区', current: { id: 1, properties: { version: 2 } }, rounds: [] });
    expect(z.versions.map((v: Feature) => [v.properties.version, v.properties.kind, v.properties.validTo])).toEqual([
      [1, 'controlled', '2022-06-06T16:00:00.000Z'], [2, 'sealed', null]]);
    expect((await t.as('officer')('/api/v1/zones/999')).status).toBe(404);
  });

  it('shows a field member the zones meeting the team\'s area, not one that only shares its bbox', async () => {
    const tri = await (await planner()('/api/v1/zones', 'POST', drawn(BBOX_ONLY_TRIANGLE, 'controlled', '东侧三角区'))).json();
    const ids = async (who: 'fieldA' | 'fieldB') => (await list(who)).map((f) => f.id);
    expect(await ids('fieldA')).toEqual([1, 2]);
    expect(await ids('fieldB')).toEqual([1, tri.id]);
    expect((await t.as('fieldA')(`/api/v1/zones/${tri.id}`)).status).toBe(404);
    expect((await t.as('fieldB')(`/api/v1/zones/${tri.id}`)).status).toBe(200);
    const layer = await (await t.as('fieldA')('/api/v1/layers/zones')).json();
    expect(layer.features.map((f: Feature) => f.properties.zoneId)).toEqual([1, 2]);
    // Team areas change → the zones follow at once.
    expect((await t.as('admin')('/api/v1/teams/1/areas', 'PUT', { areas: [{ adminUnitId: 3 }, { adminUnitId: 4 }] })).status).toBe(200);
    expect(await ids('fieldA')).toEqual([1, 2, tri.id]);
    expect((await t.as('admin')('/api/v1/teams/1/areas', 'PUT', { areas: [{ adminUnitId: 3 }] })).status).toBe(200);
    expect(await ids('fieldA')).toEqual([1, 2]);
  });

  it('lets only planners and commanders draw; field members and the wall read only', async () => {
    for (const who of ['admin', 'officer', 'wall', 'fieldA'] as const) {
      expect((await t.as(who)('/api/v1/zones', 'POST', drawn(box(114.12, 36.42, 114.16, 36.46)))).status).toBe(403);
    }
    expect((await t.as('commander')('/api/v1/zones', 'POST', drawn(box(114.12, 36.42, 114.13, 36.43)))).status).toBe(201);
  });

  const why = (personId: number, exposureId: number | null, more: object = {}) =>
    ({ personId, exposureId, reason: '病例居住地（村）', reasonEn: 'case residence (village)', at: '2022-05-30T10:00:00.000Z', ...more });
  it.each([
    ['a close contact, not a case', [why(4, null)], 422, 'invalid_justification'],
    ['a person who does not exist', [why(99, null)], 422, 'invalid_justification'],
    ["another case's exposure", [why(1, 1), why(2, 1)], 422, 'invalid_justification'],
    ['an exposure that does not exist', [why(1, 77)], 422, 'invalid_justification'],
    ['a reason over 200 characters', [why(1, 1, { reason: '理'.repeat(201) })], 400, 'validation_failed'],
    ['an English reason over 200 characters', [why(1, 1, { reasonEn: 'r'.repeat(201) })], 400, 'validation_failed'],
    ['`at` that is not an instant', [why(1, 1, { at: '2022-05-30' })], 400, 'validation_failed'],
  ])('refuses a justification naming %s and stores nothing', async (_label, justification, status, code) => {
    const before = await counts();
    const res = await planner()('/api/v1/zones', 'POST', { ...drawn(box(114.12, 36.42, 114.13, 36.43)), justification });
    expect(res.status).toBe(status);
    expect(await res.json()).toMatchObject({ code, message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    expect(await counts()).toEqual(before);
  });

  it("keeps a justification naming the incident's cases and their own exposures; the wall gets none", async () => {
    const justification = [why(1, 1), why(2, null, { at: '2022-06-03T08:00:00+08:00' })];
    const res = await planner()('/api/v1/zones', 'POST', { ...drawn(box(114.12, 36.42, 114.13, 36.43), 'controlled', '有依据的区'), justification });
    expect(res.status).toBe(201);
    const { id, current } = await res.json();
    expect(current.properties.justification).toEqual(justification);
    const one = async (who: 'commander' | 'wall') => (await list(who)).find((f) => f.id === id)!.properties.justification;
    expect(await one('commander')).toEqual(justification);
    expect(await one('wall')).toEqual([]);
    const seed = async (who: 'officer' | 'wall') => (await (await t.as(who)('/api/v1/zones/1')).json()) as { current: Feature; versions: Feature[] };
    expect((await seed('officer')).current.properties.justification).toEqual([{ personId: 1 }]);
    const wall = await seed('wall');
    expect([wall.current, ...wall.versions].map((f) => f.properties.justification)).toEqual([[], [], []]);
    // The zones layer never carried provenance: only its figures and name.
    const layer = await (await t.as('wall')('/api/v1/layers/zones')).json();
    expect(layer.features.length).toBeGreaterThan(0);
    for (const f of layer.features as Feature[]) expect(f.properties).not.toHaveProperty('justification');
  });
});

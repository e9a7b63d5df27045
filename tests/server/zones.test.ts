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
});

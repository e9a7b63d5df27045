import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/db/audit.ts';
import { DIALECTS } from '../support/dialects.ts';
import { testApp, type Send, type TestUser } from '../support/app.ts';
import { box } from '../support/grid-and-place.ts';

type Feature = { id: number; properties: Record<string, unknown> };
const T = ['2022-06-12T01:00:00.000Z', '2022-06-12T02:00:00.000Z', '2022-06-13T02:00:00.000Z', '2022-06-20T02:00:00.000Z', '2022-06-27T02:00:00.000Z'];

describe.each(DIALECTS)('zone lifecycle on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let now = new Date(T[0]);
  let id: number;
  beforeAll(async () => { t = await testApp(dialect, { now: () => now }); });
  afterAll(async () => { await t.close(); });

  // The clock jumps by days, past any session's lifetime: every call signs in afresh at `now`.
  const as = (user: TestUser): Send => async (...args) => (await t.signIn(user)).send(...args);
  const commander = () => as('commander');
  const post = (path: string, body: unknown, who = commander()) => who(`/api/v1/zones/${id}${path}`, 'POST', body);
  const put = (body: unknown) => commander()(`/api/v1/zones/${id}`, 'PUT', body);
  const code = async (res: Response) => [res.status, (await res.json()).code];

  it('walks create → publish → edit → downgrade → lift, one version each', async () => {
    const created = await as('planner')('/api/v1/zones', 'POST', { name: '南头村封控区', kind: 'sealed', source: 'drawn', geometry: box(114.11, 36.41, 114.15, 36.45) });
    ({ id } = await created.json());
    expect(await code(await post('/publish', { baseVersion: 1, reason: '计划' }, as('planner')))).toEqual([403, 'forbidden']);
    now = new Date(T[1]);
    const published = await post('/publish', { baseVersion: 1, reason: '指挥部决定' });
    expect(published.status).toBe(200);
    expect((await published.json()).properties).toMatchObject({ version: 2, status: 'active', change: 'publish', reason: '指挥部决定', actor: 'commander' });
    now = new Date(T[2]);
    const edited = await put({ baseVersion: 2, geometry: box(114.11, 36.41, 114.16, 36.46), name: '南头村封控区（扩）', reason: '纳入相邻楼栋' });
    expect((await edited.json()).properties).toMatchObject({ version: 3, status: 'active', change: 'edit', name: '南头村封控区（扩）' });
    now = new Date(T[3]);
    const down = await post('/downgrade', { baseVersion: 3, toKind: 'controlled', reason: '7天无新增' });
    expect((await down.json()).properties).toMatchObject({ version: 4, kind: 'controlled', status: 'active', change: 'downgrade' });
    now = new Date(T[4]);
    const lifted = await post('/lift', { baseVersion: 4, reason: '14天无新增，核酸阴性' });
    expect((await lifted.json()).properties).toMatchObject({ version: 5, status: 'lifted', change: 'lift', liftOn: '2022-06-27' });
  });

  it('keeps every version, each ending when the next begins', async () => {
    const z = await (await as('wall')(`/api/v1/zones/${id}`)).json();
    expect(z.versions.map((v: Feature) => [v.properties.version, v.properties.change, v.properties.status, v.properties.validFrom, v.properties.validTo]))
      .toEqual([[1, 'create', 'proposed', T[0], T[1]], [2, 'publish', 'active', T[1], T[2]], [3, 'edit', 'active', T[2], T[3]],
        [4, 'downgrade', 'active', T[3], T[4]], [5, 'lift', 'lifted', T[4], null]]);
    expect(z.current.properties.version).toBe(5);
  });

  it('replays each day with at=: the zone as it stood then', async () => {
    const at = async (q: string) => ((await (await as('wall')(`/api/v1/zones?at=${q}`)).json()).features as Feature[])
      .find((f) => f.id === id)?.properties;
    expect(await at('2022-06-11')).toBeUndefined();
    expect(await at('2022-06-12T01:30:00Z')).toMatchObject({ version: 1, status: 'proposed' });
    expect(await at('2022-06-12')).toMatchObject({ version: 2, status: 'active', kind: 'sealed' });
    expect(await at('2022-06-15')).toMatchObject({ version: 3, name: '南头村封控区（扩）' });
    expect(await at('2022-06-21')).toMatchObject({ version: 4, kind: 'controlled' });
    expect(await at('2022-06-28')).toMatchObject({ version: 5, status: 'lifted' });
    const active = (await (await as('wall')('/api/v1/zones?at=2022-06-28&status=active,proposed')).json()).features as Feature[];
    expect(active.map((f) => f.id)).not.toContain(id);
  });

  it('refuses steps from the wrong status (409 invalid_transition) and stale versions (409 version_conflict)', async () => {
    const before = await t.db.kysely.selectFrom('control_zone_versions').select('id').execute();
    expect(await code(await put({ baseVersion: 4, name: 'x', reason: 'r' }))).toEqual([409, 'version_conflict']);
    expect(await code(await put({ baseVersion: 5, name: 'x', reason: 'r' }))).toEqual([409, 'invalid_transition']);
    expect(await code(await post('/publish', { baseVersion: 5, reason: 'r' }))).toEqual([409, 'invalid_transition']);
    expect(await code(await post('/lift', { baseVersion: 5, reason: 'r' }))).toEqual([409, 'invalid_transition']);
    expect(await code(await post('/downgrade', { baseVersion: 5, toKind: 'precaution', reason: 'r' }))).toEqual([409, 'invalid_transition']);
    expect(await code(await post('/publish', { baseVersion: 5 }))).toEqual([400, 'validation_failed']);
    expect(await code(await commander()('/api/v1/zones/999/lift', 'POST', { baseVersion: 1, reason: 'r' }))).toEqual([404, 'not_found']);
    expect(await t.db.kysely.selectFrom('control_zone_versions').select('id').execute()).toEqual(before);
  });

  it('downgrades only to a lower-ranked kind of the profile (422)', async () => {
    const z = await (await as('planner')('/api/v1/zones', 'POST', { name: '管控区', kind: 'controlled', source: 'drawn', geometry: box(114.12, 36.42, 114.13, 36.43) })).json();
    expect((await commander()(`/api/v1/zones/${z.id}/downgrade`, 'POST', { baseVersion: 1, toKind: 'precaution', reason: 'r' })).status).toBe(409);
    await commander()(`/api/v1/zones/${z.id}/publish`, 'POST', { baseVersion: 1, reason: '发布' });
    const down = (toKind: string) => commander()(`/api/v1/zones/${z.id}/downgrade`, 'POST', { baseVersion: 2, toKind, reason: 'r' });
    expect(await code(await down('sealed'))).toEqual([422, 'invalid_downgrade']);
    expect(await code(await down('controlled'))).toEqual([422, 'invalid_downgrade']);
    expect(await code(await down('low'))).toEqual([422, 'unknown_zone_kind']);
    expect((await down('precaution')).status).toBe(200);
  });

  it('changes the kind by edit only while proposed; in force it is a downgrade or an upgrade (409)', async () => {
    const z = await (await as('planner')('/api/v1/zones', 'POST', { name: '改类区', kind: 'sealed', source: 'drawn', geometry: box(114.12, 36.42, 114.13, 36.43) })).json();
    const edit = (body: object) => commander()(`/api/v1/zones/${z.id}`, 'PUT', { reason: '调整', ...body });
    expect((await (await edit({ baseVersion: 1, kind: 'controlled' })).json()).properties).toMatchObject({ version: 2, kind: 'controlled', status: 'proposed' });
    await commander()(`/api/v1/zones/${z.id}/publish`, 'POST', { baseVersion: 2, reason: '发布' });
    const refused = await edit({ baseVersion: 3, kind: 'sealed' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ code: 'invalid_transition', detail: expect.stringMatching(/downgrade.*upgrade/) });
    // Naming the kind it already has is no change of kind.
    expect((await (await edit({ baseVersion: 3, kind: 'controlled', name: '改类区（改名）' })).json()).properties)
      .toMatchObject({ version: 4, kind: 'controlled', status: 'active', change: 'edit' });
  });

  it('upgrades an active zone only to a higher-ranked kind (422 invalid_upgrade), as the commander', async () => {
    const z = await (await as('planner')('/api/v1/zones', 'POST', { name: '升级区', kind: 'controlled', source: 'drawn', geometry: box(114.12, 36.42, 114.13, 36.43) })).json();
    const up = (toKind: string, baseVersion = 2, who = commander()) => who(`/api/v1/zones/${z.id}/upgrade`, 'POST', { baseVersion, toKind, reason: '区内发现阳性' });
    expect(await code(await up('sealed', 1))).toEqual([409, 'invalid_transition']);
    await commander()(`/api/v1/zones/${z.id}/publish`, 'POST', { baseVersion: 1, reason: '发布' });
    for (const kind of ['precaution', 'controlled']) {
      const res = await up(kind);
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({ code: 'invalid_upgrade', message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    }
    expect(await code(await up('high'))).toEqual([422, 'unknown_zone_kind']);
    expect(await code(await up('sealed', 2, as('planner')))).toEqual([403, 'forbidden']);
    const res = await up('sealed');
    expect(res.status).toBe(200);
    expect((await res.json()).properties).toMatchObject({ version: 3, kind: 'sealed', status: 'active', change: 'upgrade', reason: '区内发现阳性', profileId: 1 });
    const audit = await t.db.kysely.selectFrom('audit_entries').select(['action', 'route']).where('entity', '=', 'control_zones')
      .where('entity_id', '=', String(z.id)).orderBy('id').execute();
    expect(audit.at(-1)).toEqual({ action: 'upgrade', route: 'POST /zones/{id}/upgrade' });
  });

  it('lets one of two concurrent edits of the same version win; the other gets 409', async () => {
    const z = await (await as('planner')('/api/v1/zones', 'POST', { name: '并发', kind: 'sealed', source: 'drawn', geometry: box(114.12, 36.42, 114.13, 36.43) })).json();
    const edit = (name: string) => as('planner')(`/api/v1/zones/${z.id}`, 'PUT', { baseVersion: 1, name, reason: '同时修改' });
    const statuses = (await Promise.all([edit('甲'), edit('乙')])).map((r) => r.status).sort();
    expect(statuses).toEqual([200, 409]);
    const versions = await t.db.kysely.selectFrom('control_zone_versions').select('version').where('zone_id', '=', z.id).orderBy('version').execute();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
  });

  let roundZone: number;
  it('records test rounds, which the clock reads: dated no later than today (422), never on a lifted zone (409)', async () => {
    const round = (body: unknown, zone = roundZone, who = as('planner')) => who(`/api/v1/zones/${zone}/test-rounds`, 'POST', body);
    expect(await code(await round({ date: '2022-06-25', tested: 1200, positives: 0 }, id))).toEqual([409, 'invalid_transition']);
    ({ id: roundZone } = await (await as('planner')('/api/v1/zones', 'POST', { name: '轮检区', kind: 'sealed', source: 'drawn',
      geometry: box(114.15, 36.47, 114.17, 36.49) })).json());
    expect((await commander()(`/api/v1/zones/${roundZone}/publish`, 'POST', { baseVersion: 1, reason: '发布' })).status).toBe(200);
    const res = await round({ date: '2022-06-25', tested: 1200, positives: 0, note: '第3轮' });
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ zoneId: roundZone, date: '2022-06-25', tested: 1200, positives: 0, note: '第3轮', actor: 'planner' });
    expect(await code(await round({ date: '2022-06-25', tested: 10, positives: 11 }))).toEqual([400, 'validation_failed']);
    // now is 2022-06-27 10:00 in Shanghai: tomorrow's round has not happened.
    const future = await round({ date: '2022-06-28', tested: 10, positives: 0 });
    expect(future.status).toBe(422);
    expect(await future.json()).toMatchObject({ code: 'invalid_round', message: { 'zh-CN': expect.any(String), en: expect.any(String) } });
    expect((await round({ date: '2022-06-27', tested: 10, positives: 0 })).status).toBe(201);
    expect((await round({ date: '2022-06-25', tested: 10, positives: 0 }, roundZone, as('fieldA'))).status).toBe(403);
    const z = await (await as('wall')(`/api/v1/zones/${roundZone}`)).json();
    expect(z.rounds.map((r: { date: string }) => r.date)).toEqual(['2022-06-25', '2022-06-27']);
  });

  it('audits every version and round in the hash chain', async () => {
    const rows = await t.db.kysely.selectFrom('audit_entries').select(['action', 'actor', 'route', 'after']).where('entity', '=', 'control_zones')
      .where('entity_id', '=', String(id)).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['create', 'publish', 'edit', 'downgrade', 'lift']);
    const rounds = await t.db.kysely.selectFrom('audit_entries').select('action').where('entity', '=', 'control_zones')
      .where('entity_id', '=', String(roundZone)).orderBy('id').execute();
    expect(rounds.map((r) => r.action)).toEqual(['create', 'publish', 'test-round', 'test-round']);
    expect(rows[1]).toMatchObject({ actor: 'commander', route: 'POST /zones/{id}/publish' });
    expect(JSON.parse(rows[3].after!)).toMatchObject({ version: 4, kind: 'controlled', reason: '7天无新增' });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });
});

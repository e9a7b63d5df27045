import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_PROFILES } from '../../domain/zones/bundled-profiles.ts';
import { ensureBundledProfiles } from '../../server/db/profiles.ts';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';

const ed9 = BUNDLED_PROFILES.find((p) => p.key === 'cn-2022-ed9')!;
const newVersion = (params: unknown, key = 'cn-2022-ed9') =>
  ({ key, name: '高/中/低风险区（本地细则）', effectiveFrom: '2022-07-01', effectiveTo: null, source: '本地细则（测试）', params });

describe.each(DIALECTS)('rule profiles on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const count = async () => Number((await t.db.kysely.selectFrom('rule_profiles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('lists the bundled versions with their zone kinds, labels, ranks and colours', async () => {
    const res = await t.as('fieldA')('/api/v1/profiles');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((p: { key: string }) => p.key)).toEqual(['cn-2021-community', 'cn-2022-20measures', 'cn-2022-ed9', 'generic-norovirus-school']);
    expect(items[0]).toMatchObject({ id: 1, version: 1, disease: 'COVID-19', effectiveFrom: '2021-07-01', effectiveTo: '2022-06-27',
      nameEn: expect.stringContaining('Sealed'), zoneKinds: ['sealed', 'controlled', 'precaution'],
      zones: { sealed: { label: { zh: '封控区', en: 'Sealed area' }, rank: 3, colour: '#c62828' } } });
    expect(items[0].params).toBeUndefined();
  });

  it('gives one version with its parameters; an unknown id is 404', async () => {
    const p = await (await t.as('wall')('/api/v1/profiles/1')).json();
    expect(p.params.proposal).toMatchObject({ lookback_days: 2, residence: { kind: 'sealed', unit: 'compound_or_village' } });
    expect((await t.as('wall')('/api/v1/profiles/99')).status).toBe(404);
  });

  it('adds the next version of a key (commander, admin), audited', async () => {
    const res = await t.as('commander')('/api/v1/profiles', 'POST', newVersion({ ...ed9.params, name_en: 'High/medium/low, local rules' }));
    expect(res.status).toBe(201);
    const p = await res.json();
    expect(p).toMatchObject({ key: 'cn-2022-ed9', version: 2, nameEn: 'High/medium/low, local rules', zoneKinds: ['high', 'medium', 'low'] });
    expect(res.headers.get('location')).toBe(`/api/v1/profiles/${p.id}`);
    const fresh = await (await t.as('admin')('/api/v1/profiles', 'POST', newVersion(ed9.params, 'local-typhoon'))).json();
    expect(fresh).toMatchObject({ key: 'local-typhoon', version: 1 });
    const audit = await t.db.kysely.selectFrom('audit_entries').select(['actor', 'after']).where('entity', '=', 'rule_profiles').orderBy('id').execute();
    expect(audit.map((a) => [a.actor, JSON.parse(a.after!).version])).toEqual([['commander', 2], ['admin', 1]]);
  });

  it.each([
    ['a rank out of range', { ...ed9.params, zones: { ...ed9.params.zones, high: { ...ed9.params.zones.high, rank: 12 } } }, 'params.zones.high.rank'],
    ['a step to an unknown kind', { ...ed9.params, zones: { ...ed9.params.zones, high: { ...ed9.params.zones.high,
      steps: [{ to: 'orange', after_clean_days: 7 }] } } }, 'params.zones.high.steps.0.to'],
    ['no proposal rules', { ...ed9.params, proposal: undefined }, 'params.proposal'],
    ['not an object', 'high', 'params.(root)'],
  ])('refuses %s with 422 invalid_profile naming the path, and stores nothing', async (_label, params, path) => {
    const before = await count();
    const res = await t.as('commander')('/api/v1/profiles', 'POST', newVersion(params));
    expect(res.status).toBe(422);
    const problem = await res.json();
    expect(problem.code).toBe('invalid_profile');
    expect(problem.detail).toContain(path);
    expect(await count()).toBe(before);
  });

  it('lets planners, officers, field members and the wall read but not add', async () => {
    for (const who of ['planner', 'officer', 'wall', 'fieldA'] as const) {
      expect((await t.as(who)('/api/v1/profiles', 'POST', newVersion(ed9.params))).status).toBe(403);
    }
    expect((await t.json('/api/v1/profiles')).status).toBe(401);
  });

  it('upserts the bundled versions at start-up: a missing one is added, a stale one rewritten, then nothing', async () => {
    await t.db.kysely.deleteFrom('rule_profiles').where('key', '=', 'generic-norovirus-school').execute();
    // What a database seeded before profiles became schema-checked data holds (no zone kinds).
    await t.db.kysely.updateTable('rule_profiles').set({ params: '{"version":1,"resources":{}}' }).where('key', '=', 'cn-2022-20measures').execute();
    expect(await ensureBundledProfiles(t.db)).toBe(2);
    expect(await ensureBundledProfiles(t.db)).toBe(0);
    const keys = (await (await t.as('wall')('/api/v1/profiles')).json()).items.map((p: { key: string }) => p.key);
    expect(keys).toContain('generic-norovirus-school');
    const twenty = (await (await t.as('wall')('/api/v1/profiles')).json()).items.find((p: { key: string }) => p.key === 'cn-2022-20measures');
    expect(twenty.zoneKinds).toEqual(['high', 'low']);
  });
});

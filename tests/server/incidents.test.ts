import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../server/db/audit.ts';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';
import { box } from '../support/grid-and-place.ts';

describe.each(DIALECTS)('the incident and its rule profile on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const setProfile = (body: unknown, who: Parameters<typeof t.as>[0] = 'commander') => t.as(who)('/api/v1/incidents/1/profile', 'PUT', body);

  it('gives the incident with the profile in force', async () => {
    const res = await t.as('fieldA')('/api/v1/incidents/1');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: 1, name: '测试事件', disease: 'COVID-19', status: 'open', startedAt: '2022-06-01T00:00:00.000Z',
      profile: { id: 1, key: 'cn-2021-community', zoneKinds: ['sealed', 'controlled', 'precaution'] } });
    expect((await t.as('fieldA')('/api/v1/incidents/9')).status).toBe(404);
  });

  it('changes the profile (commander, admin) with a reason, audited before and after', async () => {
    const ed9 = (await (await t.as('commander')('/api/v1/profiles')).json()).items.find((p: { key: string }) => p.key === 'cn-2022-ed9');
    const res = await setProfile({ profileId: ed9.id, reason: '执行第九版防控方案' });
    expect(res.status).toBe(200);
    expect((await res.json()).profile).toMatchObject({ key: 'cn-2022-ed9', zoneKinds: ['high', 'medium', 'low'] });
    const [row] = await t.db.kysely.selectFrom('audit_entries').selectAll().where('entity', '=', 'incidents').execute();
    expect(row).toMatchObject({ actor: 'commander', action: 'profile.change', entity_id: '1', route: 'PUT /incidents/{id}/profile' });
    expect(JSON.parse(row.before!)).toEqual({ profileId: 1 });
    expect(JSON.parse(row.after!)).toEqual({ profileId: ed9.id, reason: '执行第九版防控方案' });
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('new zones then take the new profile\'s kinds', async () => {
    const zone = (kind: string) => t.as('planner')('/api/v1/zones', 'POST', { name: '测试区', kind, source: 'drawn', geometry: box(114.12, 36.42, 114.13, 36.43) });
    expect((await (await zone('sealed')).json()).code).toBe('unknown_zone_kind');
    expect((await zone('high')).status).toBe(201);
  });

  it('refuses an unknown profile (404), a missing reason (400) and other roles (403)', async () => {
    expect((await setProfile({ profileId: 99, reason: '无' })).status).toBe(404);
    expect((await t.as('commander')('/api/v1/incidents/9/profile', 'PUT', { profileId: 1, reason: '无' })).status).toBe(404);
    expect((await setProfile({ profileId: 1 })).status).toBe(400);
    expect((await setProfile({ profileId: 1, reason: '' })).status).toBe(400);
    for (const who of ['planner', 'officer', 'wall', 'fieldA'] as const) expect((await setProfile({ profileId: 1, reason: 'x' }, who)).status).toBe(403);
    expect((await setProfile({ profileId: 1, reason: '恢复' }, 'admin')).status).toBe(200);
  });
});

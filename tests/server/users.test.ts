import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { policyRows, ROLES } from '../../domain/auth/policy.ts';
import { verifyAuditChain } from '../../server/db/audit.ts';
import { DIALECTS } from '../support/dialects.ts';
import { testApp, TEST_PASSWORD } from '../support/app.ts';

describe.each(DIALECTS)('users and policy on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  const admin = () => t.as('admin');
  const signIn = (username: string, password: string) => t.json('/api/v1/session', 'POST', { username, password });
  const sessionOf = async (username: string, password: string) => {
    const res = await signIn(username, password);
    expect(res.status).toBe(200);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    return () => t.json('/api/v1/session', 'GET', undefined, { cookie });
  };

  it('lists accounts without hashes, for the admin only', async () => {
    const res = await admin()('/api/v1/users');
    expect(res.status).toBe(200);
    const { items } = await res.json();
    expect(items.map((u: { username: string }) => u.username)).toEqual(['admin', 'commander', 'planner', 'officer', 'wall', 'fieldA', 'fieldB'].map((u) => u.toLowerCase()));
    expect(Object.keys(items[0]).sort()).toEqual(['createdAt', 'disabled', 'displayName', 'id', 'lastLoginAt', 'role', 'teamId', 'username']);
    expect(items.find((u: { username: string }) => u.username === 'admin').lastLoginAt).toEqual(expect.any(String));
    for (const who of ['commander', 'planner', 'fieldA'] as const) expect((await t.as(who)('/api/v1/users')).status).toBe(403);
    expect((await t.json('/api/v1/users')).status).toBe(401);
  });

  it('creates an account with a generated password that signs in, shown once', async () => {
    const res = await admin()('/api/v1/users', 'POST', { username: 'grid.worker-3', displayName: '网格员丙', role: 'fieldMember', teamId: 2 });
    expect(res.status).toBe(201);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const { user, password } = await res.json();
    expect(user).toMatchObject({ username: 'grid.worker-3', displayName: '网格员丙', role: 'fieldMember', teamId: 2, disabled: false, lastLoginAt: null });
    expect(password).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
    expect(res.headers.get('location')).toBe(`/api/v1/users/${user.id}`);
    expect((await signIn('grid.worker-3', password)).status).toBe(200);
    const list = await (await admin()('/api/v1/users')).json();
    expect(JSON.stringify(list)).not.toContain(password);
  });

  it.each([
    [{ username: 'ab', displayName: 'x', role: 'planner' }, 400, 'validation_failed'],
    [{ username: 'Upper', displayName: 'x', role: 'planner' }, 400, 'validation_failed'],
    [{ username: 'a'.repeat(33), displayName: 'x', role: 'planner' }, 400, 'validation_failed'],
    [{ username: 'with space', displayName: 'x', role: 'planner' }, 400, 'validation_failed'],
    [{ username: 'newone', displayName: 'x', role: 'king' }, 400, 'validation_failed'],
    [{ username: 'newone', displayName: 'x', role: 'fieldMember' }, 422, 'team_required'],
    [{ username: 'newone', displayName: 'x', role: 'fieldMember', teamId: 99 }, 422, 'unknown_reference'],
    [{ username: 'planner', displayName: 'x', role: 'planner' }, 409, 'conflict'],
  ])('refuses %j with %i %s', async (input, status, code) => {
    const res = await admin()('/api/v1/users', 'POST', input);
    expect(res.status).toBe(status);
    expect((await res.json()).code).toBe(code);
  });

  it('gives one of two simultaneous requests for the same new username a 409', async () => {
    const input = { username: 'twin', displayName: '双', role: 'planner' };
    const answers = await Promise.all([admin()('/api/v1/users', 'POST', input), admin()('/api/v1/users', 'POST', input)]);
    expect(answers.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((await t.db.kysely.selectFrom('users').select('id').where('username', '=', 'twin').execute())).toHaveLength(1);
  });

  it('refuses a PATCH that changes nothing', async () => {
    expect((await admin()('/api/v1/users/2', 'PATCH', {})).status).toBe(400);
    expect((await admin()('/api/v1/users/2', 'PATCH', { username: 'renamed' })).status).toBe(400);
  });

  it('disabling an account ends its sessions and refuses its sign-in; enabling lets it back', async () => {
    const { user, password } = await (await admin()('/api/v1/users', 'POST', { username: 'temp1', displayName: '临时', role: 'wall' })).json();
    const me = await sessionOf('temp1', password);
    expect((await me()).status).toBe(200);
    const res = await admin()(`/api/v1/users/${user.id}`, 'PATCH', { disabled: true });
    expect(res.status).toBe(200);
    expect((await res.json()).disabled).toBe(true);
    expect((await me()).status).toBe(401);
    expect((await signIn('temp1', password)).status).toBe(401);
    await admin()(`/api/v1/users/${user.id}`, 'PATCH', { disabled: false });
    expect((await signIn('temp1', password)).status).toBe(200);
  });

  it('a role or team change ends the sessions; a new display name does not', async () => {
    const { user, password } = await (await admin()('/api/v1/users', 'POST', { username: 'temp2', displayName: '临时', role: 'fieldMember', teamId: 1 })).json();
    let me = await sessionOf('temp2', password);
    await admin()(`/api/v1/users/${user.id}`, 'PATCH', { displayName: '改名' });
    expect(await (await me()).json()).toMatchObject({ user: { displayName: '改名', teamId: 1 } });
    const moved = await admin()(`/api/v1/users/${user.id}`, 'PATCH', { teamId: 2 });
    expect(await moved.json()).toMatchObject({ teamId: 2, role: 'fieldMember' });
    expect((await me()).status).toBe(401);
    me = await sessionOf('temp2', password);
    await admin()(`/api/v1/users/${user.id}`, 'PATCH', { role: 'planner', teamId: null });
    expect((await me()).status).toBe(401);
    const back = await admin()(`/api/v1/users/${user.id}`, 'PATCH', { role: 'fieldMember' });
    expect(back.status).toBe(422);
    expect((await back.json()).code).toBe('team_required');
  });

  it('an admin cannot disable or demote themself, and an unknown id is 404', async () => {
    const { items } = await (await admin()('/api/v1/users')).json();
    const self = items.find((u: { username: string }) => u.username === 'admin').id;
    for (const patch of [{ disabled: true }, { role: 'planner' }]) {
      const res = await admin()(`/api/v1/users/${self}`, 'PATCH', patch);
      expect(res.status).toBe(409);
      expect((await res.json()).code).toBe('self_lockout');
    }
    expect((await admin()(`/api/v1/users/${self}`, 'PATCH', { displayName: '管理员' })).status).toBe(200);
    expect((await admin()('/api/v1/users/9999', 'PATCH', { displayName: 'x' })).status).toBe(404);
    expect((await admin()('/api/v1/users/9999/password', 'POST', {})).status).toBe(404);
  });

  it('a password reset returns a new password once and ends the sessions', async () => {
    const { items } = await (await admin()('/api/v1/users')).json();
    const wall = items.find((u: { username: string }) => u.username === 'wall').id;
    const me = await sessionOf('wall', TEST_PASSWORD);
    const res = await admin()(`/api/v1/users/${wall}/password`, 'POST', {});
    expect(res.status).toBe(200);
    const { password } = await res.json();
    expect(password).toMatch(/^[a-z2-9-]{23}$/);
    expect((await me()).status).toBe(401);
    expect((await signIn('wall', TEST_PASSWORD)).status).toBe(401);
    expect((await signIn('wall', password)).status).toBe(200);
  });

  it('audits every write without hashes or passwords, on an intact chain', async () => {
    const rows = await t.db.kysely.selectFrom('audit_entries').selectAll().where('entity', '=', 'users')
      .where('action', 'in', ['create', 'update', 'password.reset']).execute();
    expect(rows.length).toBeGreaterThanOrEqual(8);
    expect(rows.every((r) => r.actor === 'admin' && r.route !== null)).toBe(true);
    const text = JSON.stringify(rows);
    expect(text).not.toMatch(/argon2|password_hash|passwordHash|"password"/);
    expect(rows.find((r) => r.action === 'update' && r.after?.includes('"disabled":true'))?.after).toContain('"sessionsEnded":1');
    expect(await verifyAuditChain(t.db)).toMatchObject({ ok: true });
  });

  it('serves the policy table to the admin', async () => {
    const res = await admin()('/api/v1/policy');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ roles: [...ROLES], rows: policyRows() });
    expect((await t.as('commander')('/api/v1/policy')).status).toBe(403);
  });
});

// CSRF (reliability.md A7, ASVS 3.5): every state-changing request needs the session's
// X-CSRF-Token (synchronizer token) and, when the browser sends an Origin, our own; a cross-site
// form post or another origin's request changes nothing, even holding the right token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_PASSWORD, testApp } from '../support/app.ts';
import type { TestApp } from '../support/access-tables.ts';
import { DIALECTS } from '../support/dialects.ts';

const LOGIN = '/api/v1/session';
const code = async (res: Response) => ((await res.json()) as { code?: string }).code;

describe.each(DIALECTS)('CSRF on $name', (dialect) => {
  let t: TestApp;
  let s: { cookie: string; csrf: string };
  beforeAll(async () => { t = await testApp(dialect); s = await t.signIn('planner'); });
  afterAll(async () => { await t.close(); });
  const site = { name: 'CSRF 采样点', kind: 'mobile', capacityPerHour: 10, geometry: { type: 'Point', coordinates: [114.35, 36.55] } };
  const sites = async () => (await t.db.kysely.selectFrom('testing_sites').select('id').execute()).length;
  const WRITES: [string, string, unknown][] = [
    ['POST', '/api/v1/testing-sites', site], ['PATCH', '/api/v1/testing-sites/2', { capacityPerHour: 121 }], ['DELETE', LOGIN, undefined],
  ];

  it.each(WRITES)('refuses %s %s without the token, with a wrong one or another session\'s', async (method, path, body) => {
    const other = await t.signIn('admin');
    const before = await sites();
    for (const token of [undefined, 'wrong', other.csrf, '']) {
      const res = await t.json(path, method, body, { cookie: s.cookie, ...(token === undefined ? {} : { 'x-csrf-token': token }) });
      expect(res.status, `token ${token}`).toBe(403);
      expect(await code(res)).toBe('csrf_failed');
    }
    expect(await sites()).toBe(before);
    expect((await t.json(LOGIN, 'GET', undefined, { cookie: s.cookie })).status).toBe(200); // the DELETE did not sign out
  });

  it.each(WRITES)('refuses %s %s from another origin even with the right token', async (method, path, body) => {
    for (const origin of ['https://evil.example', 'null', 'http://localhost.evil.example']) {
      const res = await t.json(path, method, body, { cookie: s.cookie, 'x-csrf-token': s.csrf, origin });
      expect(res.status, origin).toBe(403);
      expect(await code(res)).toBe('csrf_failed');
    }
  });

  it('refuses a sign-in POST from another origin (login CSRF)', async () => {
    const res = await t.json(LOGIN, 'POST', { username: 'wall', password: TEST_PASSWORD }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('refuses an Origin header that is not a URL with 403, not a 500', async () => {
    const res = await t.json('/api/v1/testing-sites', 'POST', site, { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'evil' });
    expect(res.status).toBe(403);
    expect(await code(res)).toBe('csrf_failed');
  });

  it('refuses a cross-site HTML form post (no JSON, no token) and lets the genuine request through', async () => {
    const before = await sites();
    const form = await t.app.request('/api/v1/testing-sites', { method: 'POST', body: 'name=x',
      headers: { cookie: s.cookie, 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' } });
    expect([403, 415]).toContain(form.status);
    expect(await sites()).toBe(before);
    const ok = await t.json('/api/v1/testing-sites', 'POST', site, { cookie: s.cookie, 'x-csrf-token': s.csrf, origin: 'http://localhost' });
    expect(ok.status).toBe(201);
  });
});

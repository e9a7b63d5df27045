// Sessions (reliability.md A5, ASVS 7.2–7.4 and 3.3): cookie flags over HTTP and HTTPS, a new
// token at every sign-in (fixation), sign-out and disabling end the session on the server, and
// the 30-minute idle and 12-hour absolute limits on a clock the test moves. CSRF is csrf.test.ts,
// sign-in throttling login-throttle.test.ts, response headers security-headers.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../server/auth/passwords.ts';
import { insertUser } from '../../server/db/users.ts';
import { FIXED_NOW, TEST_PASSWORD, testApp } from '../support/app.ts';
import { operations, type TestApp } from '../support/access-tables.ts';
import { DIALECTS } from '../support/dialects.ts';

const LOGIN = '/api/v1/session';
const creds = (username: string, password = TEST_PASSWORD) => ({ username, password });
const MIN = 60_000;

function cookieOf(res: Response) {
  const [pair, ...attrs] = (res.headers.get('set-cookie') ?? '').split(';').map((s) => s.trim());
  const [name, value] = pair.split('=');
  return { name, value, pair, attrs: attrs.map((a) => a.toLowerCase()) };
}
const code = async (res: Response) => ((await res.json()) as { code?: string }).code;

describe.each(DIALECTS)('sessions on $name', (dialect) => {
  let t: TestApp;
  let clock = new Date(FIXED_NOW);
  const advance = (ms: number) => { clock = new Date(clock.getTime() + ms); };
  beforeAll(async () => { t = await testApp(dialect, { now: () => clock }); });
  afterAll(async () => { await t.close(); });
  const me = (cookie: string) => t.json(LOGIN, 'GET', undefined, { cookie });
  const newUser = async (username: string) =>
    insertUser(t.db, { username, displayName: username, role: 'wall', teamId: null, passwordHash: await hashPassword(TEST_PASSWORD) }, clock.toISOString());

  it('sets sw_session HttpOnly, SameSite=Strict, Path=/ without Secure over plain HTTP', async () => {
    const c = cookieOf(await t.json(LOGIN, 'POST', creds('wall')));
    expect(c.name).toBe('sw_session');
    expect(c.value.length).toBeGreaterThanOrEqual(43); // 256 random bits, base64url
    expect(c.attrs).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    expect(c.attrs).not.toContain('secure');
    expect(c.attrs.some((a) => a.startsWith('domain='))).toBe(false);
  });

  it.each([
    ['an https:// request URL', 'https://localhost/api/v1/session', {}],
    ['X-Forwarded-Proto: https behind the trusted proxy', LOGIN, { 'x-forwarded-proto': 'https' }],
  ])('sets __Host-sw_session with Secure over HTTPS (%s)', async (_, url, headers) => {
    const res = await t.json(url, 'POST', creds('wall'), headers);
    const c = cookieOf(res);
    expect(c.name).toBe('__Host-sw_session');
    expect(c.attrs).toEqual(expect.arrayContaining(['secure', 'httponly', 'samesite=strict', 'path=/']));
    expect(c.attrs.some((a) => a.startsWith('domain='))).toBe(false);
    expect((await t.json(url, 'GET', undefined, { ...headers, cookie: c.pair })).status).toBe(200);
  });

  it('issues a new token at sign-in and kills the one the browser came with (fixation)', async () => {
    const planted = 'sw_session=attacker-chosen-token-0000000000000000000000';
    const fresh = cookieOf(await t.json(LOGIN, 'POST', creds('wall'), { cookie: planted }));
    expect(fresh.pair).not.toBe(planted);
    expect((await me(planted)).status).toBe(401);
    const first = await t.signIn('commander');
    const second = cookieOf(await t.json(LOGIN, 'POST', creds('commander'), { cookie: first.cookie }));
    expect(second.pair).not.toBe(first.cookie);
    expect((await me(first.cookie)).status).toBe(401);
    expect((await me(second.pair)).status).toBe(200);
  });

  it('ends the session on the server at sign-out: a copied cookie is dead', async () => {
    const s = await t.signIn('planner');
    const res = await t.json(LOGIN, 'DELETE', undefined, { cookie: s.cookie, 'x-csrf-token': s.csrf });
    expect(res.status).toBe(204);
    expect(cookieOf(res).attrs.some((a) => a === 'max-age=0' || a.startsWith('expires=thu, 01 jan 1970'))).toBe(true);
    expect((await me(s.cookie)).status).toBe(401);
    expect(await code(await me(s.cookie))).toBe('unauthenticated');
  });

  it('ends a session after 30 idle minutes; activity keeps it alive', async () => {
    const s = await t.signIn('officer');
    const first = (await (await me(s.cookie)).json()) as { idleExpiresAt: string; expiresAt: string };
    expect(Date.parse(first.idleExpiresAt) - clock.getTime()).toBe(30 * MIN);
    expect(Date.parse(first.expiresAt) - clock.getTime()).toBe(12 * 60 * MIN);
    advance(29 * MIN);
    expect((await me(s.cookie)).status).toBe(200);
    advance(29 * MIN);
    expect((await me(s.cookie)).status).toBe(200);
    advance(30 * MIN);
    expect((await me(s.cookie)).status).toBe(401);
    const idle = await t.signIn('officer');
    advance(30 * MIN);
    expect((await me(idle.cookie)).status).toBe(401);
  });

  it('ends a session 12 hours after sign-in however active it is', async () => {
    const s = await t.signIn('fieldB');
    const start = clock.getTime();
    while (clock.getTime() - start < 12 * 60 * MIN - 20 * MIN) {
      advance(20 * MIN);
      expect((await me(s.cookie)).status, `${(clock.getTime() - start) / MIN} min`).toBe(200);
    }
    advance(20 * MIN);
    expect((await me(s.cookie)).status).toBe(401);
  });

  it('ends a disabled user\'s sessions, and the account cannot sign in again', async () => {
    const id = await newUser('leaver');
    const s = await t.signIn('leaver');
    await t.db.kysely.updateTable('users').set({ disabled: 1 }).where('id', '=', id).execute();
    expect((await me(s.cookie)).status).toBe(401);
    expect(await t.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).toEqual([]);
    expect(await code(await t.json(LOGIN, 'POST', creds('leaver')))).toBe('invalid_credentials');
  });

  it('ends the sessions at once when the admin disables the account (PATCH /users/{id})', async (ctx) => {
    if (!(await operations(t)).some((o) => o.key === 'PATCH /users/{id}')) ctx.skip();
    const id = await newUser('leaver2');
    const s = await t.signIn('leaver2');
    const res = await t.as('admin')(`/api/v1/users/${id}`, 'PATCH', { disabled: true });
    expect(res.status).toBe(200);
    expect(await t.db.kysely.selectFrom('sessions').select('id').where('user_id', '=', id).execute()).toEqual([]);
    expect((await me(s.cookie)).status).toBe(401);
  });
});

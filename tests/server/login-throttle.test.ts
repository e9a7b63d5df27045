// Sign-in throttling (reliability.md A5/A6, ASVS 6.3.1 ≤ 100 failures per hour per account;
// DHIS2's 5 in 15 minutes): measured on the real POST /session with a clock the test moves, and
// printed — attempts an attacker gets per account and per address, and the Retry-After values.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, TEST_PASSWORD, testApp } from '../support/app.ts';
import type { TestApp } from '../support/access-tables.ts';
import { DIALECTS } from '../support/dialects.ts';

const LOGIN = '/api/v1/session';
const MIN = 60_000;
const attempt = (t: TestApp, username: string, password: string, ip?: string) =>
  t.json(LOGIN, 'POST', { username, password }, ip ? { 'x-forwarded-for': ip } : {});
const code = async (res: Response) => ((await res.json()) as { code?: string }).code;

describe.each(DIALECTS)('sign-in throttling on $name (fixed clock)', (dialect) => {
  let t: TestApp;
  beforeAll(async () => { t = await testApp(dialect); });
  afterAll(async () => { await t.close(); });

  it('locks an account after 5 wrong passwords: the 6th try, even right, gets 429 with Retry-After ≈ 900 s', async () => {
    for (let i = 0; i < 5; i++) expect(await code(await attempt(t, 'fieldA', 'wrong-password-1', '203.0.113.1'))).toBe('invalid_credentials');
    const locked = await attempt(t, 'FieldA', TEST_PASSWORD, '203.0.113.1'); // the count ignores case, like sign-in
    expect(locked.status).toBe(429);
    expect(await code(locked)).toBe('too_many_attempts');
    expect(Number(locked.headers.get('retry-after'))).toBe(900);
    expect(locked.headers.get('set-cookie')).toBeNull();
    // Another account from another address, and from the same one (5 failures < 30), still signs in.
    expect((await attempt(t, 'fieldB', TEST_PASSWORD, '203.0.113.2')).status).toBe(200);
    expect((await attempt(t, 'commander', TEST_PASSWORD, '203.0.113.1')).status).toBe(200);
    console.log(`throttle on ${dialect.name}: account locked after 5 failures, Retry-After ${locked.headers.get('retry-after')} s`);
  });

  it('locks an address after 10 failures in a minute over many accounts (reliability L10), not other addresses', async () => {
    for (let i = 0; i < 10; i++) expect((await attempt(t, `nobody${i}`, 'wrong-password-1', '198.51.100.9')).status).toBe(401);
    const locked = await attempt(t, 'officer', TEST_PASSWORD, '198.51.100.9');
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBe(60);
    expect((await attempt(t, 'officer', TEST_PASSWORD, '198.51.100.10')).status).toBe(200);
    console.log(`throttle on ${dialect.name}: address locked after 10 failures within one minute, Retry-After ${locked.headers.get('retry-after')} s`);
  });

  it('checks at most 5 of 40 parallel wrong passwords for one account (no race while argon2 runs)', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(t, 'planner', 'wrong-password-1', `192.0.2.${100 + i}`)));
    const statuses = answers.map((r) => r.status);
    console.log(`throttle on ${dialect.name}: 40 parallel guesses at one account → ${statuses.filter((x) => x === 401).length} checked, `
      + `${statuses.filter((x) => x === 429).length} refused`);
    expect(statuses.filter((x) => x === 401)).toHaveLength(5);
    expect(statuses.filter((x) => x === 429)).toHaveLength(35);
  });

  it('does not let a client dodge the address limit by sending its own X-Forwarded-For through the proxy', async () => {
    // A proxy that appends (nginx `$proxy_add_x_forwarded_for`) forwards "<what the client sent>, <client address>":
    // only the last entry is the proxy's word.
    for (let i = 0; i < 30; i++) await attempt(t, `spoof${i}`, 'wrong-password-1', `10.${i}.0.1, 192.0.2.77`);
    expect((await attempt(t, 'wall', TEST_PASSWORD, '10.99.0.1, 192.0.2.77')).status).toBe(429);
  });
});

describe.each(DIALECTS)('sign-in throttling on $name over an hour', (dialect) => {
  let t: TestApp;
  let clock = new Date(FIXED_NOW);
  beforeAll(async () => { t = await testApp(dialect, { now: () => clock }); });
  afterAll(async () => { await t.close(); });

  /** One try every `stepS` seconds for `minutes`; counts the tries the server checked (not 429). */
  async function hour(stepS: number, next: (i: number) => [string, string?], minutes = 60) {
    const start = clock.getTime();
    let checked = 0, firstWindow = 0;
    const retryAfter = new Set<number>();
    for (let i = 0; clock.getTime() - start < minutes * MIN; i++) {
      const [username, ip] = next(i);
      const res = await attempt(t, username, 'wrong-password-1', ip);
      if (res.status === 429) retryAfter.add(Number(res.headers.get('retry-after')));
      else { checked++; if (clock.getTime() - start < 15 * MIN) firstWindow++; }
      clock = new Date(clock.getTime() + stepS * 1000);
    }
    return { checked, firstWindow, retryAfter: [...retryAfter].sort((a, b) => b - a) };
  }

  it('lets one account be tried at most 5 times per 15 minutes and 20 per hour (ASVS: ≤ 100)', async () => {
    const r = await hour(30, () => ['fieldA']);
    console.log(`throttle on ${dialect.name}: one account, a try every 30 s for 1 h → ${r.firstWindow} checked in the first 15 min, `
      + `${r.checked} in the hour; Retry-After ${r.retryAfter[0]}…${r.retryAfter.at(-1)} s`);
    expect(r.firstWindow).toBe(5);
    expect(r.checked).toBeLessThanOrEqual(20);
    expect(r.retryAfter[0]).toBeLessThanOrEqual(900);
  }, 60_000);

  it('lets one address try at most 30 times per 15 minutes over many accounts', async () => {
    const r = await hour(15, (i) => [`guess${i}`, '198.51.100.44']);
    console.log(`throttle on ${dialect.name}: one address, a new account every 15 s for 1 h → ${r.firstWindow} checked in the first 15 min, `
      + `${r.checked} in the hour; Retry-After ${r.retryAfter[0]}…${r.retryAfter.at(-1)} s`);
    expect(r.firstWindow).toBe(30);
    expect(r.checked).toBeLessThanOrEqual(120);
  }, 60_000);

  it('checks at most 10 of 1,000 wrong passwords in a minute from one address over many accounts (reliability L10)', async () => {
    const r = await hour(0.06, (i) => [`burst${i}`, '198.51.100.77'], 1);
    console.log(`throttle on ${dialect.name}: one address, 1,000 tries in 1 min → ${r.checked} checked; Retry-After ${r.retryAfter[0]}…${r.retryAfter.at(-1)} s`);
    expect(r.checked).toBe(10);
  }, 60_000);
});

// The wall's kiosk session (reliability.md §7 item 12: "Wall displays need a documented exception:
// a kiosk role with read-only aggregates"): an unattended display signs in once, so the wall role's
// session has no idle limit and lasts SHOUWANG_KIOSK_SESSION_HOURS (168 by default) with a cookie
// to match, while every other role keeps 30 min idle / 12 h. Open streams follow the same rule: the
// hub's sweep ends an idled-out session's stream with `bye` and leaves the wall's running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW, TEST_PASSWORD } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { liveTestApp, type LiveTestApp } from '../support/live-app.ts';

const MIN = 60_000, HOUR = 3_600_000;
type Me = { idleExpiresAt: string; expiresAt: string };

describe.each(DIALECTS)('kiosk sessions on $name', (dialect) => {
  let L: LiveTestApp;
  let clock = new Date(FIXED_NOW);
  const advance = (ms: number) => { clock = new Date(clock.getTime() + ms); };
  beforeAll(async () => { L = await liveTestApp(dialect, { now: () => clock }); });
  afterAll(async () => { await L.close(); });

  const signIn = async (username: string) => {
    const res = await L.t.json('/api/v1/session', 'POST', { username, password: TEST_PASSWORD });
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const maxAge = Number(/max-age=(\d+)/i.exec(res.headers.get('set-cookie') ?? '')?.[1]);
    return { cookie, maxAge, me: (await res.json()) as Me };
  };
  const status = async (cookie: string) => (await L.t.json('/api/v1/session', 'GET', undefined, { cookie })).status;

  it('gives the wall no idle limit and a 168-hour session, with a cookie as long', async () => {
    const start = clock.getTime();
    const s = await signIn('wall');
    expect(s.maxAge).toBe(168 * 3600);
    expect(Date.parse(s.me.expiresAt) - start).toBe(168 * HOUR);
    expect(s.me.idleExpiresAt).toBe(s.me.expiresAt);
    advance(3 * HOUR); // unattended: no request for hours
    expect(await status(s.cookie)).toBe(200);
    advance(168 * HOUR - 3 * HOUR - MIN);
    expect(await status(s.cookie)).toBe(200);
    advance(2 * MIN);
    expect(await status(s.cookie)).toBe(401);
  });

  it('keeps 30 min idle and 12 h for every other role', async () => {
    const start = clock.getTime();
    const s = await signIn('commander');
    expect(s.maxAge).toBe(12 * 3600);
    expect(Date.parse(s.me.expiresAt) - start).toBe(12 * HOUR);
    expect(Date.parse(s.me.idleExpiresAt) - start).toBe(30 * MIN);
    advance(31 * MIN);
    expect(await status(s.cookie)).toBe(401);
  });

  it('ends an idled-out session\'s stream with bye at the next sweep, and keeps the wall\'s', async () => {
    const field = await L.open('fieldA');
    const wall = await L.open('wall');
    advance(31 * MIN); // nobody made a request: the stream alone does not keep a session alive
    await L.hub.sweep();
    await field.waitFor((e) => e.event === 'bye');
    await field.waitForClose();
    await L.emit({ resource: 'cases', ids: [1], teams: [1] });
    await wall.waitFor((e) => e.event === 'change');
    expect(wall.closed).toBe(false);
    expect(wall.events.some((e) => e.event === 'bye')).toBe(false);
  });
});

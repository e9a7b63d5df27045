import { describe, expect, it } from 'vitest';
import { runningClock, serverClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { DIALECTS } from '../support/dialects.ts';

const SCENARIO = '2022-06-18T02:00:00.000Z';

describe('server clock', () => {
  it('starts at the given instant and runs at real speed', () => {
    let real = 1_000_000;
    const now = runningClock(SCENARIO, real, () => real);
    expect(now().toISOString()).toBe(SCENARIO);
    real += 90_000;
    expect(now().toISOString()).toBe('2022-06-18T02:01:30.000Z');
  });
  it('accepts an instant with an offset or `real`, and refuses anything else', () => {
    expect(loadConfig({ SHOUWANG_CLOCK_START: '2022-06-18T10:00:00+08:00' }).clockStart).toBe('2022-06-18T10:00:00+08:00');
    expect(loadConfig({ SHOUWANG_CLOCK_START: 'real' }).clockStart).toBe('real');
    expect(() => loadConfig({ SHOUWANG_CLOCK_START: 'yesterday' })).toThrow();
  });
  for (const dialect of DIALECTS) {
    it(`demo mode starts at the scenario's now and a restart continues it (${dialect.name})`, async () => {
      const db = await dialect.open();
      try {
        let real = Date.parse('2026-11-29T13:00:00Z');
        const clock = (opts: { demo: boolean; clockStart?: string }) => serverClock(db, { clockStart: undefined, ...opts }, () => real);
        expect((await clock({ demo: true })).start).toBeNull(); // no demo seed: real time
        await db.kysely.insertInto('meta').values({ key: 'demo.scenario_now', value: SCENARIO }).execute();
        expect((await clock({ demo: true })).now().toISOString()).toBe(SCENARIO);
        real += 3_600_000; // an hour later the server restarts: the clock goes on, it does not rewind
        expect((await clock({ demo: true })).now().toISOString()).toBe('2022-06-18T03:00:00.000Z');
        expect((await clock({ demo: false })).start).toBeNull();
        expect((await clock({ demo: true, clockStart: 'real' })).now().getTime()).toBe(real);
        // a new start takes a new anchor
        expect((await clock({ demo: false, clockStart: '2023-01-08T00:00:00Z' })).now().toISOString()).toBe('2023-01-08T00:00:00.000Z');
      } finally { await db.close(); }
    });
    it(`a new anchor ends sessions stamped after its start (${dialect.name})`, async () => {
      const db = await dialect.open();
      try {
        const user = await db.kysely.insertInto('users').values({ username: 'u', display_name: 'U', role: 'wall', password_hash: 'x',
          team_id: null, disabled: 0, last_login_at: null, created_at: SCENARIO, updated_at: SCENARIO, password_changed_at: SCENARIO }).returning('id').executeTakeFirstOrThrow();
        const session = (id: string, at: string) => ({ id, user_id: user.id, csrf_token: 'c', created_at: at, last_seen_at: at,
          expires_at: '2027-01-01T00:00:00.000Z', ip: null, user_agent: null });
        await db.kysely.insertInto('sessions').values([session('old', '2022-06-17T00:00:00.000Z'), session('future', '2026-11-29T12:00:00.000Z')]).execute();
        await serverClock(db, { demo: false, clockStart: SCENARIO });
        expect((await db.kysely.selectFrom('sessions').select('id').execute()).map((s) => s.id)).toEqual(['old']);
      } finally { await db.close(); }
    });
  }
});

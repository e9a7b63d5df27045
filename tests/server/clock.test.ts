import { describe, expect, it } from 'vitest';
import { runningClock, serverClock } from '../../server/clock.ts';
import { loadConfig } from '../../server/config.ts';
import { DIALECTS } from '../support/dialects.ts';

describe('server clock', () => {
  it('starts at the given instant and runs at real speed', () => {
    let real = 1_000_000;
    const now = runningClock('2022-06-18T02:00:00.000Z', () => real);
    expect(now().toISOString()).toBe('2022-06-18T02:00:00.000Z');
    real += 90_000;
    expect(now().toISOString()).toBe('2022-06-18T02:01:30.000Z');
  });
  it('accepts an instant with an offset or `real`, and refuses anything else', () => {
    expect(loadConfig({ SHOUWANG_CLOCK_START: '2022-06-18T10:00:00+08:00' }).clockStart).toBe('2022-06-18T10:00:00+08:00');
    expect(loadConfig({ SHOUWANG_CLOCK_START: 'real' }).clockStart).toBe('real');
    expect(() => loadConfig({ SHOUWANG_CLOCK_START: 'yesterday' })).toThrow();
  });
  for (const dialect of DIALECTS) {
    it(`demo mode starts at the seed's scenario now, a real deployment on real time (${dialect.name})`, async () => {
      const db = await dialect.open();
      try {
        expect((await serverClock(db, { demo: true, clockStart: undefined })).start).toBeNull(); // no demo seed: real time
        await db.kysely.insertInto('meta').values({ key: 'demo.scenario_now', value: '2022-06-18T02:00:00.000Z' }).execute();
        const demo = await serverClock(db, { demo: true, clockStart: undefined });
        expect(demo.start).toBe('2022-06-18T02:00:00.000Z');
        expect(Math.abs(demo.now().getTime() - Date.parse('2022-06-18T02:00:00.000Z'))).toBeLessThan(5_000);
        expect((await serverClock(db, { demo: false, clockStart: undefined })).start).toBeNull();
        expect((await serverClock(db, { demo: true, clockStart: 'real' })).start).toBeNull();
        expect((await serverClock(db, { demo: false, clockStart: '2023-01-08T00:00:00Z' })).start).toBe('2023-01-08T00:00:00Z');
      } finally { await db.close(); }
    });
  }
});

// The server's clock. A real deployment runs on real time. The demo district is a frozen outbreak
// (its seed records the scenario's "now", 2022-06-18 10:00 Asia/Shanghai): on real time every
// zone would be on day 1,600-odd and every task years overdue, and a zone drawn today would sit
// after the whole replay. So in demo mode the clock starts at the scenario's now and runs forward
// at real speed; SHOUWANG_CLOCK_START sets another start, or `real` for the wall clock.
import type { Db } from './db/database.ts';

export type Clock = () => Date;

export function runningClock(startIso: string, realNowMs: () => number = Date.now): Clock {
  const startMs = Date.parse(startIso), t0 = realNowMs();
  return () => new Date(startMs + (realNowMs() - t0));
}

export async function serverClock(db: Db, opts: { demo: boolean; clockStart: string | undefined }): Promise<{ now: Clock; start: string | null }> {
  if (opts.clockStart === 'real') return { now: () => new Date(), start: null };
  let start = opts.clockStart ?? null;
  if (start === null && opts.demo) {
    const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', 'demo.scenario_now').executeTakeFirst();
    start = row?.value ?? null;
  }
  return start === null ? { now: () => new Date(), start: null } : { now: runningClock(start), start };
}

// The server's clock. A real deployment runs on real time. The demo district is a frozen outbreak
// (its seed records the scenario's "now", 2022-06-18 10:00 Asia/Shanghai): on real time every
// zone would be on day 1,600-odd and every task years overdue, and a zone drawn today would sit
// after the whole replay. So in demo mode the clock starts at the scenario's now and runs forward
// at real speed; SHOUWANG_CLOCK_START sets another start, or `real` for the wall clock.
// The start is anchored in `meta` with the real instant it was taken, so a restart continues the
// clock instead of rewinding it (a rewound clock would hide zones drawn "later" and stamp new
// versions before old ones).
import type { Db } from './db/database.ts';

export type Clock = () => Date;

const ANCHOR = 'clock.anchor';
interface Anchor { start: string; realAt: string }

export function runningClock(startIso: string, realStartMs: number, realNowMs: () => number = Date.now): Clock {
  const startMs = Date.parse(startIso);
  return () => new Date(startMs + (realNowMs() - realStartMs));
}

async function anchored(db: Db, start: string, realNowMs: () => number): Promise<Clock> {
  const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', ANCHOR).executeTakeFirst();
  const stored = row ? (JSON.parse(row.value) as Anchor) : null;
  if (stored && stored.start === start) return runningClock(start, Date.parse(stored.realAt), realNowMs);
  const anchor: Anchor = { start, realAt: new Date(realNowMs()).toISOString() };
  await db.transaction(async (tx) => {
    await tx.kysely.deleteFrom('meta').where('key', '=', ANCHOR).execute();
    await tx.kysely.insertInto('meta').values({ key: ANCHOR, value: JSON.stringify(anchor) }).execute();
    // Sessions stamped after the new start (by a build that ran on real time) would never reach
    // their idle or absolute end on this clock: they end now.
    await tx.kysely.deleteFrom('sessions').where('created_at', '>', new Date(Date.parse(start)).toISOString()).execute();
  });
  return runningClock(start, Date.parse(anchor.realAt), realNowMs);
}

export async function serverClock(db: Db, opts: { demo: boolean; clockStart: string | undefined },
  realNowMs: () => number = Date.now): Promise<{ now: Clock; start: string | null }> {
  if (opts.clockStart === 'real') return { now: () => new Date(realNowMs()), start: null };
  let start = opts.clockStart ?? null;
  if (start === null && opts.demo) {
    const row = await db.kysely.selectFrom('meta').select('value').where('key', '=', 'demo.scenario_now').executeTakeFirst();
    start = row?.value ?? null;
  }
  if (start === null) return { now: () => new Date(realNowMs()), start: null };
  return { now: await anchored(db, start, realNowMs), start };
}

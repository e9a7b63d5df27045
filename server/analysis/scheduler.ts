// The daily analyses in the background (issue 7 item 2): at start, every complete day of the last
// `backfillDays` that has no run yet, oldest first, each stamped 23:00 of its own day (D T15:00Z)
// so its alerts carry the day they would have been found; then every `intervalMs` any day that
// has completed since, stamped with the server clock. One day at a time; the scan yields to the
// event loop (scan-run.ts), so the server serves while it fills in. A failed day is logged and
// tried again on the next pass; nothing here may take the server down.
import { addDays, shanghaiDate } from '../../domain/zones/calendar.ts';
import { dayRange } from '../../domain/wall/days.ts';
import type { Db } from '../db/database.ts';
import { openIncidentId } from '../db/records.ts';
import { runDailyAnalyses } from './daily.ts';
import { analysedDays } from './store.ts';

export interface AnalysisScheduler { stop(): Promise<void>; /** Resolves when the start-up backfill has run (tests, benches). */ backfilled: Promise<void> }
export interface SchedulerDeps { db: Db; now: () => Date; log: { info: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void }; backfillDays: number; intervalMs: number }

/** A backfilled day's run time: 23:00 Asia/Shanghai of that day. */
export const backfillStamp = (day: string): string => `${day}T15:00:00.000Z`;

export function startAnalysisScheduler(deps: SchedulerDeps): AnalysisScheduler {
  const { db, log } = deps;
  const today = () => shanghaiDate(deps.now().toISOString());
  // The first day this process fills: backfillDays complete days before the start day (0: none).
  const windowStart = addDays(today(), -deps.backfillDays);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let current: Promise<void> = Promise.resolve();

  async function pass(backfill: boolean): Promise<void> {
    const incidentId = await openIncidentId(db);
    const last = addDays(today(), -1);
    if (incidentId === undefined || last < windowStart) return;
    const done = await analysedDays(db, incidentId, windowStart, last);
    const todo = dayRange(windowStart, last).filter((d) => !done.has(d));
    const t0 = performance.now();
    let ran = 0;
    for (const day of todo) {
      if (stopped) break;
      try {
        const o = await runDailyAnalyses(db, { incidentId, day, ranAt: backfill ? backfillStamp(day) : deps.now().toISOString(), now: deps.now().toISOString() });
        ran++;
        log.info({ day, ms: o.ms.total, scanMs: o.ms.scan, counts: o.counts, alerts: o.alerts }, 'analysis day done');
      } catch (err) {
        log.error({ err, day }, 'analysis day failed');
      }
    }
    if (backfill && ran) log.info({ days: ran, ms: Math.round(performance.now() - t0), from: todo[0], to: todo.at(-1) }, 'analysis backfill done');
  }

  /** Runs a pass unless stopped; a pass never rejects (a failed read is logged). */
  const run = (backfill: boolean) => {
    current = current.then(() => (stopped ? undefined : pass(backfill))).catch((err: unknown) => log.error({ err }, 'analysis pass failed'));
    return current;
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => { void run(false).then(schedule); }, deps.intervalMs);
    timer.unref();
  };
  // Started on the next turn of the event loop: the server is listening before the first read.
  const backfilled = new Promise<void>((resolve) => setImmediate(resolve)).then(() => run(true)).then(schedule);
  return {
    backfilled,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await current;
    },
  };
}

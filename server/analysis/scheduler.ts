// Issue 7 placeholder (S-ANALYSIS fills it in): runs the daily analyses for every complete day
// not yet analysed (backfill first), chunked so the event loop stays free.
import type { Db } from '../db/database.ts';

export interface AnalysisScheduler { stop(): Promise<void> }
export interface SchedulerDeps { db: Db; now: () => Date; log: { info: (o: unknown, m?: string) => void; error: (o: unknown, m?: string) => void }; backfillDays: number; intervalMs: number }

export function startAnalysisScheduler(_deps: SchedulerDeps): AnalysisScheduler {
  return { stop: async () => {} };
}

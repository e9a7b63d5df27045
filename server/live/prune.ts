// Retention of the outbox: events exist to be fanned out and replayed after a reconnect, so a day
// (by the server clock) and the newest 100,000 are plenty; anything older answers a reconnect with
// `reset` (the client refetches). Only dispatched rows are pruned, never ones the tail has not read.
import type { Db } from '../db/database.ts';

export interface Retention { hours: number; count: number }

export const DEFAULT_RETENTION: Retention = { hours: 24, count: 100_000 };

/** Deletes events older than `hours` before `now` or beyond the newest `count`, up to `head`; returns how many. */
export async function pruneEvents(db: Db, now: Date, head: number, keep: Retention = DEFAULT_RETENTION): Promise<number> {
  const cutoff = new Date(now.getTime() - keep.hours * 3_600_000).toISOString();
  const old = await db.kysely.deleteFrom('events').where('at', '<', cutoff).where('seq', '<=', head).executeTakeFirst();
  const nth = await db.kysely.selectFrom('events').select('seq').orderBy('seq', 'desc').limit(1).offset(keep.count).executeTakeFirst();
  const beyond = nth ? await db.kysely.deleteFrom('events').where('seq', '<=', Math.min(Number(nth.seq), head)).executeTakeFirst() : null;
  return Number(old.numDeletedRows) + Number(beyond?.numDeletedRows ?? 0);
}

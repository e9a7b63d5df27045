// Retention of the outbox: events exist to be fanned out and replayed after a reconnect, so a day
// (by the server clock) and the newest 100,000 are plenty; anything older answers a reconnect with
// `reset` (the client refetches). Only dispatched rows are pruned, never ones the tail has not read,
// and always a prefix of seq (a replay reads a range: a row missing from its middle would be a
// silent gap). The newest dispatched row always stays, however old: SQLite's seq is a rowid
// without AUTOINCREMENT, so an empty table would hand out seq 1 again, below the tail's head.
import type { Db } from '../db/database.ts';

export interface Retention { hours: number; count: number }

export const DEFAULT_RETENTION: Retention = { hours: 24, count: 100_000 };

/** Deletes the events before the oldest one younger than `hours` before `now`, and those beyond
 * the newest `count` — in both cases only below `head` (the last dispatched seq); returns how many. */
export async function pruneEvents(db: Db, now: Date, head: number, keep: Retention = DEFAULT_RETENTION): Promise<number> {
  const cutoff = new Date(now.getTime() - keep.hours * 3_600_000).toISOString();
  const young = await db.kysely.selectFrom('events').select((eb) => eb.fn.min('seq').as('seq')).where('at', '>=', cutoff).executeTakeFirst();
  const ageBelow = young?.seq == null ? head : Math.min(Number(young.seq), head);
  const old = await db.kysely.deleteFrom('events').where('seq', '<', ageBelow).executeTakeFirst();
  const nth = await db.kysely.selectFrom('events').select('seq').orderBy('seq', 'desc').limit(1).offset(keep.count).executeTakeFirst();
  const beyond = nth ? await db.kysely.deleteFrom('events').where('seq', '<=', Math.min(Number(nth.seq), head - 1)).executeTakeFirst() : null;
  return Number(old.numDeletedRows) + Number(beyond?.numDeletedRows ?? 0);
}

/** Keeps prunes and table replays apart: a prune that deletes rows a replay has yet to read
 * leaves that stream a silent gap. No prune starts while a replay reads the table (the hub's next
 * poll tries again), and a replay first waits for a running prune — which may have deleted rows
 * without the hub knowing the new oldest yet — then judges its Last-Event-ID. */
export class PruneGate {
  private replays = 0;
  private current: Promise<number> | null = null;

  /** Runs `prune`, joining one already running; 0 without running it while a replay reads. */
  prune(run: () => Promise<number>): Promise<number> {
    if (this.replays > 0) return Promise.resolve(0);
    this.current ??= run().finally(() => { this.current = null; });
    return this.current;
  }

  /** The running prune, if any. Wait until there is none, then start `reading` without awaiting in between. */
  get running(): Promise<number> | null { return this.current; }

  /** Runs a replay that reads the table; no prune starts until it ends. */
  async reading<T>(replay: () => Promise<T>): Promise<T> {
    this.replays++;
    try { return await replay(); } finally { this.replays--; }
  }
}

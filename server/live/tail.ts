// Reads the `events` outbox in commit order for the hub. SQLite hands out rowids in commit order
// (one writer), so seq has no holes there. PostgreSQL takes identity values at insert, but every
// insert holds the audit-chain lock until its transaction ends (emit.ts), so seqs are handed out in
// commit order too (an earlier seq is visible before a later one is even taken): a hole the reader
// sees is a rolled-back insert, whose identity value never comes back. The tail still waits at a
// hole up to `gapWaitMs` before it moves past — the cost of a rollback, and a guard for an insert
// that did not take the lock.
import type { Resource } from '../../domain/auth/policy.ts';
import type { Db } from '../db/database.ts';
import { changeFrame, type ChangeEvent } from './frames.ts';

export interface LiveEvent extends ChangeEvent {
  resource: Resource;
  /** Teams whose `own` scope the change touches (empty: none). */
  teams: number[];
  /** The change frame, encoded once for every stream. */
  frame: Uint8Array;
}

const BATCH = 1000;

type Row = { seq: number; at: string; resource: string; ids: string | null; teams: string | null };

function toEvent(r: Row): LiveEvent {
  const ev = { seq: Number(r.seq), at: r.at, resource: r.resource as Resource,
    ids: r.ids === null ? null : (JSON.parse(r.ids) as number[]), teams: r.teams === null ? [] : (JSON.parse(r.teams) as number[]) };
  return { ...ev, frame: changeFrame(ev) };
}

/** Committed events with after < seq (≤ upTo when given), in seq order, at most `limit`. */
export async function eventsAfter(db: Db, after: number, upTo: number | null, limit = BATCH): Promise<LiveEvent[]> {
  let q = db.kysely.selectFrom('events').select(['seq', 'at', 'resource', 'ids', 'teams']).where('seq', '>', after);
  if (upTo !== null) q = q.where('seq', '<=', upTo);
  return (await q.orderBy('seq').limit(limit).execute()).map(toEvent);
}

/** Committed events with after < seq ≤ upTo, in seq order, a batch at a time (a replay from the table). */
export async function* batchesBetween(db: Db, after: number, upTo: number): AsyncGenerator<LiveEvent[]> {
  for (let from = after; from < upTo;) {
    const batch = await eventsAfter(db, from, upTo);
    if (!batch.length) return;
    yield batch;
    from = batch.at(-1)!.seq;
  }
}

/** The newest and oldest retained seq (0 and 1 on an empty table: nothing to replay). */
export async function seqBounds(db: Db): Promise<{ newest: number; oldest: number }> {
  const r = await db.kysely.selectFrom('events').select((eb) => [eb.fn.max('seq').as('newest'), eb.fn.min('seq').as('oldest')]).executeTakeFirst();
  const newest = r?.newest == null ? 0 : Number(r.newest);
  return { newest, oldest: r?.oldest == null ? newest + 1 : Number(r.oldest) };
}

export class EventTail {
  /** The last seq handed to the hub. */
  head: number;
  private hole: { seq: number; sinceMs: number } | null = null;

  constructor(private readonly db: Db, head: number, private readonly gapWaitMs: number, private readonly clockMs = () => performance.now()) {
    this.head = head;
  }

  /** The events after `head` that may go out now, in order, without skipping a hole younger than gapWaitMs. */
  async next(): Promise<LiveEvent[]> {
    const out: LiveEvent[] = [];
    for (;;) {
      const rows = await eventsAfter(this.db, this.head, null);
      for (const ev of rows) {
        if (ev.seq !== this.head + 1) {
          const missing = this.head + 1;
          if (this.hole?.seq !== missing) this.hole = { seq: missing, sinceMs: this.clockMs() };
          if (this.clockMs() - this.hole.sinceMs < this.gapWaitMs) return out; // held back: try again next poll
        }
        this.hole = null;
        this.head = ev.seq;
        out.push(ev);
      }
      if (rows.length < BATCH) return out;
    }
  }
}

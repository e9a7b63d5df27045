// The change events writes left in the outbox (server/live/emit.ts), read straight from the
// `events` table for tests of the emit sites: `fresh()` answers the events since the last call
// (ids and teams parsed), so each write's events can be asserted on their own.
import type { Db } from '../../server/db/database.ts';

export interface Emitted { resource: string; ids: number[] | null; teams: number[]; at: string }

export function eventLog(db: Db) {
  let last = 0;
  const read = async () => {
    const rows = await db.kysely.selectFrom('events').selectAll().where('seq', '>', last).orderBy('seq').execute();
    if (rows.length) last = Number(rows[rows.length - 1].seq);
    return rows.map((r): Emitted => ({ resource: r.resource, ids: r.ids === null ? null : JSON.parse(r.ids), teams: r.teams === null ? [] : JSON.parse(r.teams), at: r.at }));
  };
  return {
    /** The events since the previous call, in order. */
    fresh: read,
    /** Forget what is there (setup writes). */
    skip: async () => { await read(); },
    /** The fresh events of one resource (there must be exactly one). */
    async only(resource: string): Promise<Emitted> {
      const hits = (await read()).filter((e) => e.resource === resource);
      if (hits.length !== 1) throw new Error(`expected one ${resource} event, got ${hits.length}`);
      return hits[0];
    },
  };
}

/** Events by resource, for writes that emit several (one per resource). */
export const byResource = (events: readonly Emitted[]): Record<string, Emitted> => Object.fromEntries(events.map((e) => [e.resource, e]));

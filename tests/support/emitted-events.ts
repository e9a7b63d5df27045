// The change events writes left in the outbox (server/live/emit.ts), read straight from the
// `events` table for tests of the emit sites: `fresh()` answers the events since the last call
// (ids and teams parsed), so each write's events can be asserted on their own.
import type { Db } from '../../server/db/database.ts';
import type { Send } from './app.ts';

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

/** Which field teams read a row, by the reads themselves (fieldA works for team 1, fieldB for
 * team 2), to check an event's teams against who its resource's `own` scope shows the row to. */
export function fieldReaders(as: (user: 'fieldA' | 'fieldB') => Send) {
  const teamsWhere = async (reads: (send: Send) => Promise<boolean>) =>
    (await Promise.all(([['fieldA', 1], ['fieldB', 2]] as const).map(async ([who, team]) => ((await reads(as(who))) ? [team] : [])))).flat();
  return {
    /** Teams whose member gets 200 from GET `path`. */
    of: (path: string) => teamsWhere(async (send) => (await send(path)).status === 200),
    /** Teams that read person `id`'s file (own scope: the home's area). */
    file: (id: number) => teamsWhere(async (send) => (await send(`/api/v1/people/${id}`)).status === 200),
    /** Teams whose loop board lists person `id` (own scope: the current step's team). */
    board: (id: number) => teamsWhere(async (send) =>
      ((await (await send('/api/v1/loops/board?limit=5000')).json()) as { items: { id: number }[] }).items.some((i) => i.id === id)),
  };
}

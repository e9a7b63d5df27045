// The one way a write tells the live stream what changed: a row in the `events` outbox, inserted
// by the caller inside the transaction that made the change (reliability.md §2, item 28), so an
// event exists exactly when its change committed. The hub (hub.ts) fans it out to the streams
// whose viewer may read `resource`: every viewer with scope `all`, and a viewer with scope `own`
// only when their team is in `teams`. Events name ids, never personal data (reliability.md P1).
// The insert takes the audit-chain lock first (every write takes it for its audit entry anyway;
// re-entrant within the transaction, a no-op on SQLite): on PostgreSQL, whose identity values are
// handed out at insert, seqs are then handed out in commit order, so a hole the tail sees is a
// rollback, never a transaction still in flight (tail.ts).
import type { Resource } from '../../domain/auth/policy.ts';
import type { Db } from '../db/database.ts';

/** Beyond this many ids an event says "many" (ids null): clients refetch either way. */
export const MAX_EVENT_IDS = 100;

export interface Change {
  /** The policy resource whose readers are told (cases, loops, zones, tasks, dashboard, …). */
  resource: Resource;
  /** The changed rows of that resource (persons, zone ids, task ids…); omit when it is not row-shaped. */
  ids?: readonly number[];
  /** Teams whose `own` scope holds a changed row (event-teams.ts computes them the way reads scope
   * rows); empty or omitted: no field member hears of it. */
  teams?: readonly number[];
}

/** Records changes in the outbox; call inside the write's transaction, after the write (and its
 * audit entry). Takes the audit-chain lock, held until the transaction ends. */
export async function emitChanges(tx: Db, at: string, changes: readonly Change[]): Promise<void> {
  const rows = changes.map((c) => {
    const ids = c.ids ? [...new Set(c.ids)] : null;
    const teams = c.teams ? [...new Set(c.teams)].sort((a, b) => a - b) : [];
    return { at, resource: c.resource, ids: ids && ids.length <= MAX_EVENT_IDS ? JSON.stringify(ids) : null,
      teams: teams.length ? JSON.stringify(teams) : null };
  });
  if (!rows.length) return;
  await tx.lockAuditChain();
  await tx.kysely.insertInto('events').values(rows).execute();
}

export const emitChange = (tx: Db, at: string, change: Change): Promise<void> => emitChanges(tx, at, [change]);

// Login throttling from attempts recorded in the database (so several API processes share it):
// 5 failures for one account in 15 min, or from one client address 10 in a minute and 30 in
// 15 min, refuse further tries until the oldest counted one leaves its window (reliability.md §7
// A6: ≤ 100 tries/h per account, DHIS2 locks 15 min after 5; L10: ≤ 10/min per address). The
// reply is 429 with Retry-After in seconds.
// An attempt is written *before* its password is checked and counted against the attempts
// written before it (by id): a burst of parallel guesses cannot all pass the check while argon2
// runs. A refused attempt is taken back (it guessed nothing); a successful one too.
import type { Db } from '../db/database.ts';

export const WINDOW_MS = 15 * 60_000;
/** [attempts allowed, window in ms] per key kind. */
export const LIMITS = { user: [[5, WINDOW_MS]], ip: [[10, 60_000], [30, WINDOW_MS]] } as const;

const keys = (username: string, ip: string | null) =>
  [['user', `user:${username.toLowerCase()}`], ...(ip ? [['ip', `ip:${ip}`]] : [])] as [keyof typeof LIMITS, string][];

export interface Attempt { ids: number[]; retryAfterSeconds: number }

/** Records an attempt and says how long to wait when it is over a limit (0: go ahead). */
export async function claimAttempt(db: Db, username: string, ip: string | null, now: Date): Promise<Attempt> {
  const at = now.toISOString();
  const ids: number[] = [];
  let wait = 0;
  for (const [kind, key] of keys(username, ip)) {
    const own = (await db.kysely.insertInto('login_failures').values({ key, at }).returning('id').executeTakeFirstOrThrow()).id;
    ids.push(own);
    for (const [limit, windowMs] of LIMITS[kind]) {
      const since = new Date(now.getTime() - windowMs).toISOString();
      const earlier = await db.kysely.selectFrom('login_failures').select('at').where('key', '=', key).where('at', '>', since)
        .where('id', '<', own).orderBy('id', 'desc').limit(limit).execute();
      if (earlier.length < limit) continue;
      const oldest = Math.min(...earlier.map((r) => new Date(r.at).getTime()));
      wait = Math.max(wait, Math.max(1, Math.ceil((oldest + windowMs - now.getTime()) / 1000)));
    }
  }
  if (wait > 0) await forget(db, ids);
  // Rows older than the longest window count for nothing; keep the table small.
  await db.kysely.deleteFrom('login_failures').where('at', '<', new Date(now.getTime() - 2 * WINDOW_MS).toISOString()).execute();
  return { ids, retryAfterSeconds: wait };
}

/** A successful sign-in: its own attempt and the account's earlier failures are forgotten (the
 * address's earlier failures stay). */
export async function settleSuccess(db: Db, attempt: Attempt, username: string): Promise<void> {
  await forget(db, attempt.ids);
  await db.kysely.deleteFrom('login_failures').where('key', '=', `user:${username.toLowerCase()}`).execute();
}

async function forget(db: Db, ids: number[]): Promise<void> {
  if (ids.length) await db.kysely.deleteFrom('login_failures').where('id', 'in', ids).execute();
}

// Login throttling from failed attempts recorded in the database (so several API processes share
// it): 5 failures for one account in 15 min, or from one client address 10 in a minute and 30 in
// 15 min, lock further tries until the oldest counted failure leaves its window (reliability.md
// §7 A6: ≤ 100 tries/h per account, DHIS2 locks 15 min after 5; L10: ≤ 10/min per address).
// The reply is 429 with Retry-After in seconds.
import type { Db } from '../db/database.ts';

export const WINDOW_MS = 15 * 60_000;
/** [failures allowed, window in ms] per key kind. */
export const LIMITS = { user: [[5, WINDOW_MS]], ip: [[10, 60_000], [30, WINDOW_MS]] } as const;

const keys = (username: string, ip: string | null) =>
  [['user', `user:${username.toLowerCase()}`], ...(ip ? [['ip', `ip:${ip}`]] : [])] as [keyof typeof LIMITS, string][];

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function retryAfterSeconds(db: Db, username: string, ip: string | null, now: Date): Promise<number> {
  let wait = 0;
  for (const [kind, key] of keys(username, ip)) {
    for (const [limit, windowMs] of LIMITS[kind]) {
      const since = new Date(now.getTime() - windowMs).toISOString();
      const rows = await db.kysely.selectFrom('login_failures').select('at').where('key', '=', key).where('at', '>', since)
        .orderBy('at', 'desc').limit(limit).execute();
      if (rows.length < limit) continue;
      const oldest = new Date(rows[rows.length - 1].at).getTime();
      wait = Math.max(wait, Math.ceil((oldest + windowMs - now.getTime()) / 1000));
    }
  }
  return wait;
}

export async function recordFailure(db: Db, username: string, ip: string | null, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.kysely.insertInto('login_failures').values(keys(username, ip).map(([, key]) => ({ key, at }))).execute();
  // Rows older than the window count for nothing; keep the table small.
  await db.kysely.deleteFrom('login_failures').where('at', '<', new Date(now.getTime() - 2 * WINDOW_MS).toISOString()).execute();
}

/** A successful sign-in clears the account's count (not the address's). */
export async function clearFailures(db: Db, username: string): Promise<void> {
  await db.kysely.deleteFrom('login_failures').where('key', '=', `user:${username.toLowerCase()}`).execute();
}

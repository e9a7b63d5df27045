// Login throttling from failed attempts recorded in the database (so several API processes share
// it): 5 failures for one account in 15 min, or 30 from one client address, lock further tries
// until the oldest counted failure leaves the window (reliability.md §7 A6: ≤ 100 tries/h per
// account; DHIS2 locks 15 min after 5). The reply is 429 with Retry-After in seconds.
import type { Db } from '../db/database.ts';

export const WINDOW_MS = 15 * 60_000;
export const LIMITS = { user: 5, ip: 30 } as const;

const keys = (username: string, ip: string | null) =>
  [['user', `user:${username.toLowerCase()}`], ...(ip ? [['ip', `ip:${ip}`]] : [])] as [keyof typeof LIMITS, string][];

/** Seconds until the next attempt is allowed, or 0 when it is allowed now. */
export async function retryAfterSeconds(db: Db, username: string, ip: string | null, now: Date): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS).toISOString();
  let wait = 0;
  for (const [kind, key] of keys(username, ip)) {
    const rows = await db.kysely.selectFrom('login_failures').select('at').where('key', '=', key).where('at', '>', since)
      .orderBy('at', 'desc').limit(LIMITS[kind]).execute();
    if (rows.length < LIMITS[kind]) continue;
    const oldest = new Date(rows[rows.length - 1].at).getTime();
    wait = Math.max(wait, Math.ceil((oldest + WINDOW_MS - now.getTime()) / 1000));
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

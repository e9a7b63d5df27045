// Server-side sessions. The cookie carries a random 256-bit token; the table keeps only its
// SHA-256, the user, the CSRF token and the clock (idle and absolute expiry, ASVS 7.3).
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from './database.ts';

export interface SessionTimes { idleMinutes: number; absoluteHours: number }

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, now: Date, times: SessionTimes, client: { ip: string | null; userAgent: string | null }) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + times.absoluteHours * 3_600_000).toISOString();
  await db.kysely.insertInto('sessions').values({
    id: tokenHash(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), last_seen_at: now.toISOString(),
    expires_at: expiresAt, ip: client.ip, user_agent: client.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return { token, id: tokenHash(token), csrfToken, expiresAt };
}

/** The live session for a cookie token with its user, or null; an expired one is deleted. Last-seen
 * is written at most once a minute, so idle expiry is exact to 60 s and reads stay reads. */
export async function findSession(db: Db, token: string, now: Date, times: SessionTimes) {
  const id = tokenHash(token);
  const row = await db.kysely.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id', 'sessions.csrf_token', 'sessions.last_seen_at', 'sessions.expires_at', 'users.id as user_id',
      'users.username', 'users.display_name', 'users.role', 'users.team_id', 'users.disabled'])
    .where('sessions.id', '=', id).executeTakeFirst();
  if (!row) return null;
  const idleMs = times.idleMinutes * 60_000;
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (row.disabled || now.getTime() >= new Date(row.expires_at).getTime() || now.getTime() - lastSeen >= idleMs) {
    await deleteSession(db, id);
    return null;
  }
  let seen = lastSeen;
  if (now.getTime() - lastSeen >= 60_000) {
    await db.kysely.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
    seen = now.getTime();
  }
  return { ...row, idle_expires_at: new Date(Math.min(seen + idleMs, new Date(row.expires_at).getTime())).toISOString() };
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (disabled, role or team changed, password reset). */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const r = await db.kysely.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

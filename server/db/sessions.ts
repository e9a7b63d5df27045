// Server-side sessions. The cookie carries a random 256-bit token; the table keeps only its
// SHA-256, the user, the CSRF token and the clock (idle and absolute expiry, ASVS 7.3).
// The wall role is the documented kiosk exception (reliability.md §7 item 12): an unattended
// display that reads district aggregates only, so its session has no idle limit and a longer
// absolute one (`kioskHours`, a week by default) instead of 30 min / 12 h.
import { createHash, randomBytes } from 'node:crypto';
import type { Role } from '../../domain/auth/policy.ts';
import type { Db } from './database.ts';

export interface SessionTimes { idleMinutes: number; absoluteHours: number; kioskHours?: number }

/** The kiosk lifetime when the configuration names none (SHOUWANG_KIOSK_SESSION_HOURS). */
export const DEFAULT_KIOSK_HOURS = 168;
const KIOSK_ROLES: readonly Role[] = ['wall'];

/** How long a session of `role` lives: idle limit in ms (null: none) and absolute lifetime in ms. */
export function lifetimeOf(role: Role, times: SessionTimes): { idleMs: number | null; absoluteMs: number } {
  if (KIOSK_ROLES.includes(role)) return { idleMs: null, absoluteMs: (times.kioskHours ?? DEFAULT_KIOSK_HOURS) * 3_600_000 };
  return { idleMs: times.idleMinutes * 60_000, absoluteMs: times.absoluteHours * 3_600_000 };
}

export interface SessionState { role: Role; disabled: number; expires_at: string; last_seen_at: string }

/** The one expiry rule (sign-in check and the live stream's sweep): disabled user, past the
 * absolute end, or idle too long (kiosk sessions never idle out). */
export function sessionEnded(s: SessionState, now: Date, times: SessionTimes): boolean {
  const { idleMs } = lifetimeOf(s.role, times);
  return s.disabled === 1 || now.getTime() >= new Date(s.expires_at).getTime()
    || (idleMs !== null && now.getTime() - new Date(s.last_seen_at).getTime() >= idleMs);
}

/** When a session seen at `seenMs` ends by itself (idle or absolute, whichever is first). */
function idleEnd(role: Role, times: SessionTimes, seenMs: number, expiresAt: string): string {
  const { idleMs } = lifetimeOf(role, times);
  const end = new Date(expiresAt).getTime();
  return new Date(idleMs === null ? end : Math.min(seenMs + idleMs, end)).toISOString();
}

export const tokenHash = (token: string): string => createHash('sha256').update(token).digest('hex');

export async function createSession(db: Db, userId: number, now: Date, times: SessionTimes, client: { ip: string | null; userAgent: string | null }) {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  const { role } = await db.kysely.selectFrom('users').select('role').where('id', '=', userId).executeTakeFirstOrThrow();
  const expiresAt = new Date(now.getTime() + lifetimeOf(role, times).absoluteMs).toISOString();
  await db.kysely.insertInto('sessions').values({
    id: tokenHash(token), user_id: userId, csrf_token: csrfToken, created_at: now.toISOString(), last_seen_at: now.toISOString(),
    expires_at: expiresAt, ip: client.ip, user_agent: client.userAgent?.slice(0, 300) ?? null,
  }).execute();
  return { token, id: tokenHash(token), csrfToken, expiresAt, idleExpiresAt: idleEnd(role, times, now.getTime(), expiresAt) };
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
  if (sessionEnded(row, now, times)) {
    await deleteSession(db, id);
    return null;
  }
  let seen = new Date(row.last_seen_at).getTime();
  if (now.getTime() - seen >= 60_000) {
    await db.kysely.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', id).execute();
    seen = now.getTime();
  }
  return { ...row, idle_expires_at: idleEnd(row.role, times, seen, row.expires_at) };
}

/** The state of many sessions in one query (the live stream's sweep): missing ids are gone. */
export async function sessionStates(db: Db, ids: readonly string[]): Promise<Map<string, SessionState & { team_id: number | null }>> {
  const out = new Map<string, SessionState & { team_id: number | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.kysely.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.id', 'sessions.last_seen_at', 'sessions.expires_at', 'users.role', 'users.team_id', 'users.disabled'])
      .where('sessions.id', 'in', ids.slice(i, i + 500)).execute();
    for (const { id, ...state } of rows) out.set(id, state);
  }
  return out;
}

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user (disabled, role or team changed, password reset). */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const r = await db.kysely.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

// POST/GET/DELETE /session: sign in, who am I, sign out. A sign-in always issues a fresh token
// and ends the session the browser came with (no fixation); sign-out deletes the row, so the
// cookie is dead even if it was copied. Failed sign-ins count towards the throttle.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv, Viewer } from '../auth/context.ts';
import { clientIp, COOKIE_PLAIN, COOKIE_SECURE, isHttps, type AuthDeps } from '../auth/middleware.ts';
import { verifyPassword } from '../auth/passwords.ts';
import { policyRoute } from '../auth/route.ts';
import { claimAttempt, settleSuccess } from '../auth/throttle.ts';
import { audit } from '../db/audit.ts';
import { createSession, deleteSession, tokenHash } from '../db/sessions.ts';
import { findLogin, getUser, markLogin } from '../db/users.ts';
import { ApiError } from '../errors.ts';
import { problems, validationHook } from './openapi.ts';

const Me = z.object({
  user: z.object({ id: z.number(), username: z.string(), displayName: z.string(), role: z.string(),
    teamId: z.number().nullable(), teamName: z.string().nullable() }),
  csrfToken: z.string(), idleExpiresAt: z.string(), expiresAt: z.string(),
  serverTime: z.string().describe("the server clock's now; the demo runs on the scenario's time (server/clock.ts)"),
}).openapi('Me');
const Credentials = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

const login = policyRoute('public', { method: 'post', path: '/session', tags: ['session'], summary: 'Sign in',
  request: { body: { content: { 'application/json': { schema: Credentials } }, required: true } },
  responses: { 200: { description: 'Signed in; sets the session cookie', ...json(Me) }, ...problems(400, 401, 403, 415, 429) } });
const me = policyRoute('signedIn', { method: 'get', path: '/session', tags: ['session'], summary: 'The signed-in user',
  responses: { 200: { description: 'The session', ...json(Me) }, ...problems(401) } });
const logout = policyRoute('signedIn', { method: 'delete', path: '/session', tags: ['session'], summary: 'Sign out',
  responses: { 204: { description: 'Signed out' }, ...problems(401, 403) } });

async function meBody(deps: AuthDeps, v: Pick<Viewer, 'userId' | 'csrfToken' | 'idleExpiresAt' | 'expiresAt'>) {
  const u = await getUser(deps.db, v.userId);
  if (!u) throw new ApiError('unauthenticated');
  return { user: { id: u.id, username: u.username, displayName: u.displayName, role: u.role, teamId: u.teamId, teamName: u.teamName },
    csrfToken: v.csrfToken, idleExpiresAt: v.idleExpiresAt, expiresAt: v.expiresAt, serverTime: deps.now().toISOString() };
}

/** `onSignOut`: tells the live hub, so the signed-out session's streams end at once (server/live/). */
export function session(deps: AuthDeps & { onSignOut?: () => void }) {
  const { db } = deps;
  const ip = (c: Context) => clientIp(c, deps.trustProxy);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(login, async (c) => {
      const { username, password } = c.req.valid('json');
      const now = deps.now();
      const attempt = await claimAttempt(db, username, ip(c), now);
      const wait = attempt.retryAfterSeconds;
      if (wait > 0) throw new ApiError('too_many_attempts', `retry in ${wait} s`, { 'retry-after': String(wait) });
      const user = await findLogin(db, username);
      const ok = await verifyPassword(user?.password_hash ?? null, password);
      if (!user || !ok || user.disabled) {
        // An unknown name is not logged as typed: it may be a password entered in the wrong box.
        await audit(db, { at: now.toISOString(), actor: 'anonymous', action: 'login.failed', entity: 'users', entityId: user?.id ?? null,
          after: user ? { username: user.username } : { unknownUsername: true }, route: 'POST /session', ip: ip(c) });
        throw new ApiError('invalid_credentials');
      }
      const old = getCookie(c, COOKIE_SECURE) ?? getCookie(c, COOKIE_PLAIN);
      if (old) await deleteSession(db, tokenHash(old));
      await settleSuccess(db, attempt, username);
      const s = await createSession(db, user.id, now, deps.session, { ip: ip(c), userAgent: c.req.header('user-agent') ?? null });
      await markLogin(db, user.id, now.toISOString());
      await audit(db, { at: now.toISOString(), actor: user.username, action: 'login', entity: 'users', entityId: user.id, route: 'POST /session', ip: ip(c) });
      const secure = isHttps(c, deps.trustProxy);
      // The cookie lives as long as the session (a week for the wall's kiosk session, db/sessions.ts).
      setCookie(c, secure ? COOKIE_SECURE : COOKIE_PLAIN, s.token, {
        path: '/', httpOnly: true, sameSite: 'Strict', secure, maxAge: Math.round((Date.parse(s.expiresAt) - now.getTime()) / 1000),
      });
      return c.json(await meBody(deps, { userId: user.id, csrfToken: s.csrfToken, idleExpiresAt: s.idleExpiresAt, expiresAt: s.expiresAt }), 200);
    })
    .openapi(me, async (c) => c.json(await meBody(deps, c.get('viewer')!), 200))
    .openapi(logout, async (c) => {
      const v = c.get('viewer')!;
      await deleteSession(db, v.sessionId);
      await audit(db, { at: deps.now().toISOString(), actor: v.username, action: 'logout', entity: 'users', entityId: v.userId,
        route: 'DELETE /session', ip: ip(c) });
      const secure = isHttps(c, deps.trustProxy);
      deleteCookie(c, secure ? COOKIE_SECURE : COOKIE_PLAIN, { path: '/', secure });
      deps.onSignOut?.();
      return c.body(null, 204);
    });
}

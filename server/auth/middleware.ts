// The request-level auth chain for /api/*: who is asking (session cookie → viewer), whether a
// state-changing request is genuine (CSRF), and per route whether the policy allows it.
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import { scopeOf, type Action, type Resource } from '../../domain/auth/policy.ts';
import type { Db } from '../db/database.ts';
import { findSession, type SessionTimes } from '../db/sessions.ts';
import { ApiError } from '../errors.ts';
import type { AppEnv } from './context.ts';

export interface AuthDeps { db: Db; now: () => Date; session: SessionTimes; trustProxy: boolean }

/** `__Host-` (Secure, Path=/, no Domain) where the request came over HTTPS; browsers refuse
 * that prefix on plain HTTP, so a local plain-HTTP install uses the bare name. */
export const COOKIE_SECURE = '__Host-sw_session';
export const COOKIE_PLAIN = 'sw_session';

export function isHttps(c: Context, trustProxy: boolean): boolean {
  if (trustProxy && c.req.header('x-forwarded-proto')?.split(',')[0].trim() === 'https') return true;
  return new URL(c.req.url).protocol === 'https:';
}

export function clientIp(c: Context, trustProxy: boolean): string | null {
  if (trustProxy) {
    // The proxy appends the address it saw; entries before it are whatever the client sent.
    const forwarded = c.req.header('x-forwarded-for')?.split(',').at(-1)?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? null;
  } catch {
    return null; // app.request() in tests has no socket
  }
}

export function sessionLoader(deps: AuthDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // Over HTTPS only the __Host- cookie counts: a plain one could have been planted by a sibling
    // subdomain or over HTTP (session fixation), which is what the prefix exists to stop.
    const token = isHttps(c, deps.trustProxy) ? getCookie(c, COOKIE_SECURE) : getCookie(c, COOKIE_PLAIN);
    const s = token ? await findSession(deps.db, token, deps.now(), deps.session) : null;
    c.set('viewer', s && {
      userId: s.user_id, username: s.username, displayName: s.display_name, role: s.role, teamId: s.team_id,
      sessionId: s.id, csrfToken: s.csrf_token, idleExpiresAt: s.idle_expires_at, expiresAt: s.expires_at,
    });
    return next();
  };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** Every state-changing request: an Origin, when sent, must be ours; with a session, the
 * `X-CSRF-Token` header must match the session's token (synchronizer token, ASVS 3.5.1). The
 * login POST has no session yet: the Origin check and the JSON-only body rule (a cross-site form
 * cannot send application/json without a preflight) guard it. */
export function csrfGuard(trustProxy: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE.has(c.req.method)) return next();
    const origin = c.req.header('origin');
    const host = (trustProxy && c.req.header('x-forwarded-host')) || c.req.header('host') || new URL(c.req.url).host;
    if (origin !== undefined && (!URL.canParse(origin) || new URL(origin).host !== host)) throw new ApiError('csrf_failed', 'cross-origin request');
    const viewer = c.get('viewer');
    const isLogin = c.req.method === 'POST' && new URL(c.req.url).pathname === '/api/v1/session';
    if (viewer && !isLogin && !sameText(c.req.header('x-csrf-token') ?? '', viewer.csrfToken)) throw new ApiError('csrf_failed');
    return next();
  };
}

export type RoutePolicy = { resource: Resource; action: Action } | 'public' | 'signedIn';

/** The route's gate: 401 without a session, 403 when the policy table has no entry for the
 * role, otherwise the granted scope goes on the context for the queries to apply. */
export function authorize(policy: RoutePolicy): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (policy === 'public') return next();
    const viewer = c.get('viewer');
    if (!viewer) throw new ApiError('unauthenticated');
    if (policy === 'signedIn') return next();
    const scope = scopeOf(viewer.role, policy.resource, policy.action);
    if (!scope) throw new ApiError('forbidden', `${viewer.role} may not ${policy.action} ${policy.resource}`);
    c.set('scope', scope);
    return next();
  };
}

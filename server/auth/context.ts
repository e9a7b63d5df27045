// What the auth middleware puts on each request: the signed-in viewer (or null) and, after the
// route's policy check, the scope the policy grants for this route's action.
import type { Context } from 'hono';
import type { Role, Scope } from '../../domain/auth/policy.ts';
import { ApiError } from '../errors.ts';

export interface Viewer {
  userId: number;
  username: string;
  displayName: string;
  role: Role;
  teamId: number | null;
  sessionId: string;
  csrfToken: string;
  idleExpiresAt: string;
  expiresAt: string;
}

export type AppEnv = { Variables: { viewer: Viewer | null; scope: Scope } };

/** The viewer and scope of a route that passed `authorize` (which guarantees both). */
export function access(c: Context<AppEnv>): { viewer: Viewer; scope: Scope; ownTeam: number | null } {
  const viewer = c.get('viewer');
  if (!viewer) throw new ApiError('unauthenticated');
  const scope = c.get('scope');
  // `own` with no team means nothing is the viewer's: queries get a team id that matches no row.
  return { viewer, scope, ownTeam: scope === 'own' ? (viewer.teamId ?? -1) : null };
}

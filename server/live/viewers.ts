// Who is still allowed to listen. A stream is one long request, so the session check the other
// routes make per request is redone here for every open stream every few seconds, in one query
// (sessions ⨝ users): a logout, an expiry (the same rule as sign-in checks, db/sessions.ts), a
// disabled account or an admin's role/team change (which deletes the sessions) ends the stream
// with `bye`; a role or team that changed under a live session is picked up for the next event.
import type { Role } from '../../domain/auth/policy.ts';
import type { Db } from '../db/database.ts';
import { sessionEnded, sessionStates, type SessionTimes } from '../db/sessions.ts';

export interface StreamViewer { sessionId: string; role: Role; teamId: number | null }

/** Refreshes role and team of every viewer in place; returns the session ids that have ended. */
export async function refreshViewers(db: Db, now: Date, times: SessionTimes, viewers: readonly StreamViewer[]): Promise<Set<string>> {
  const states = await sessionStates(db, [...new Set(viewers.map((v) => v.sessionId))]);
  const ended = new Set<string>();
  for (const v of viewers) {
    const s = states.get(v.sessionId);
    if (!s || sessionEnded(s, now, times)) { ended.add(v.sessionId); continue; }
    v.role = s.role;
    v.teamId = s.team_id;
  }
  return ended;
}

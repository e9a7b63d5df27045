// The live stream's delivery rule (contract of issue 6): a viewer hears of a change exactly when
// their read of that resource would show it — scope `all` hears everything, scope `own` only the
// changes whose `teams` (computed at emit time the way reads scope rows, event-teams.ts) hold the
// viewer's team, and a role without read hears nothing. One function for the hub and the tests.
import { scopeOf, type Resource, type Role } from '../../domain/auth/policy.ts';

export interface LiveViewer { role: Role; teamId: number | null }

export function visible(viewer: LiveViewer, ev: { resource: Resource; teams: readonly number[] }): boolean {
  const scope = scopeOf(viewer.role, ev.resource, 'read');
  return scope === 'all' || (scope === 'own' && viewer.teamId !== null && ev.teams.includes(viewer.teamId));
}

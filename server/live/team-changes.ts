// A team's change. Scope `own` for teams is the team itself. Replacing its areas moves the
// team's share of every spatial resource (and of the zones, whose zone_version_teams rows are
// rebuilt with it), so its members must refetch all of them; no row changed, so no ids.
import type { Resource } from '../../domain/auth/policy.ts';
import type { Change } from './emit.ts';

/** The resources whose `own` scope is drawn by the team's areas (db/layers.ts scopeBy, people-registry.ts).
 * Not 'loops': a loop is the team's by its steps' team, which areas do not move. */
const AREA_SCOPED: readonly Resource[] = ['addressPoints', 'cases', 'contacts', 'checkpoints', 'quarantineSites', 'testingSites', 'resources', 'zones'];

export const teamChange = (...teamIds: readonly (number | null | undefined)[]): Change => {
  const ids = teamIds.filter((t): t is number => typeof t === 'number');
  return { resource: 'teams', ids, teams: ids };
};

export const teamAreaChanges = (teamId: number): Change[] =>
  [teamChange(teamId), ...AREA_SCOPED.map((resource): Change => ({ resource, teams: [teamId] }))];

// What /admin keeps current from the live stream (issue 6 item 1): the user list, the teams with
// their member counts, and the open team's saved areas (without touching an unsaved edit; see
// team-areas.ts refresh). Another administrator's change shows without a reload; a failed
// refetch keeps the lists as they are.
import { onLiveChange, touchesIds } from '../live/on-live-change.ts';
import { useAdminTeams } from '../stores/admin-teams.ts';
import { useAdminUsers } from '../stores/admin-users.ts';
import { useTeamAreas } from '../stores/team-areas.ts';

export function useAdminLive(): void {
  const users = useAdminUsers();
  const teams = useAdminTeams();
  const areas = useTeamAreas();
  onLiveChange(['users'], () => users.load());
  onLiveChange(['teams'], () => teams.load());
  onLiveChange(['teams'], () => areas.refresh(), { match: touchesIds(() => (areas.teamId === null ? [] : [areas.teamId])) });
}

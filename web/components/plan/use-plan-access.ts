// What the signed-in role may do on /plan, read from the one policy table in domain/ (the server
// enforces the same table on every call; this only hides buttons that would answer 403).
import { computed } from 'vue';
import { scopeOf, type Action, type Resource } from '../../../domain/auth/policy.ts';
import { useSession } from '../../stores/session.ts';

export function usePlanAccess() {
  const session = useSession();
  const can = (resource: string, action: string) => computed(() => {
    const role = session.role;
    return role !== null && scopeOf(role, resource as Resource, action as Action) !== null;
  });
  return {
    /** Draw, accept proposals, edit zones, record test rounds (planner, commander). */
    canEdit: can('zones', 'create'),
    /** Publish, downgrade, lift (commander). */
    canPublish: can('zones', 'publish'),
    /** Switch the incident's rule profile (commander). */
    canChangeProfile: can('incidents', 'update'),
  };
}

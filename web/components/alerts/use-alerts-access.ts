// What the signed-in role may do on /alerts, read from the one policy table in domain/ (the server
// enforces the same table; this only hides buttons that would answer 403): acknowledge and resolve
// alerts (alerts:update — commander, planner, case officers) and confirm the incident's grade
// (incidents:update — commander, administrator).
import { computed } from 'vue';
import { scopeOf } from '../../../domain/auth/policy.ts';
import { useSession } from '../../stores/session.ts';

export function useAlertsAccess() {
  const session = useSession();
  return {
    canHandle: computed(() => session.role !== null && scopeOf(session.role, 'alerts', 'update') !== null),
    canGrade: computed(() => session.role !== null && scopeOf(session.role, 'incidents', 'update') !== null),
  };
}

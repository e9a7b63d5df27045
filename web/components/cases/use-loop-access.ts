// What the signed-in role may do on the board and rooms tabs, from the one policy table in
// domain/ (the server enforces the same table; this only hides buttons that would answer 403).
import { computed } from 'vue';
import { scopeOf, type Action, type Resource } from '../../../domain/auth/policy.ts';
import { useSession } from '../../stores/session.ts';

export function useLoopAccess() {
  const session = useSession();
  const can = (resource: Resource, action: Action) =>
    computed(() => session.role !== null && scopeOf(session.role, resource, action) !== null);
  return {
    /** Complete a loop step (case officers; field teams their own, on /field). */
    canComplete: can('loops', 'update'),
    /** Download the board as XLSX/CSV (commander, case officer). */
    canExport: can('loops', 'export'),
    /** Allocate quarantine rooms (case officers). */
    canAllocate: can('rooms', 'update'),
  };
}

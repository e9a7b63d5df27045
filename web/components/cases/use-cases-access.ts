// What the signed-in role may do on /cases, read from the one policy table in domain/ (the server
// enforces the same table on every call; this only hides tabs and buttons that would answer 403).
import { computed } from 'vue';
import { scopeOf, type Action, type Resource } from '../../../domain/auth/policy.ts';
import { useSession } from '../../stores/session.ts';

export function useCasesAccess() {
  const session = useSession();
  const can = (resource: Resource, action: Action) => computed(() => session.role !== null && scopeOf(session.role, resource, action) !== null);
  return {
    /** Register a contact of a person (case officer). */
    canAddContact: can('contacts', 'create'),
    /** Download the registry as XLSX/CSV (commander, case officer; masked and audited by the server). */
    canExport: can('cases', 'export'),
    canBoard: can('loops', 'read'),
    canRooms: can('rooms', 'read'),
    canImport: can('imports', 'read'),
  };
}

// Whether the signed-in role may import (caseOfficer) or only look (commander), read from the one
// policy table in domain/ (the server enforces it on every call; this only hides the buttons).
import { computed } from 'vue';
import { scopeOf } from '../../../domain/auth/policy.ts';
import { useSession } from '../../stores/session.ts';

export function useImportAccess() {
  const session = useSession();
  return { canImport: computed(() => session.role !== null && scopeOf(session.role, 'imports', 'create') !== null) };
}

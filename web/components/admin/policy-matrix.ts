// GET /policy sends the policy as a flat list (role, resource, action, scope); the Roles tab
// shows it as a matrix: one row per resource×action, one column per role. Pure.
import { ACTIONS, RESOURCES } from '../../../domain/auth/policy.ts';
import type { Role } from '../../stores/session.ts';
import type { Policy } from '../../stores/admin-types.ts';

export type Scope = 'all' | 'own';
export interface MatrixRow {
  resource: string;
  action: string;
  /** One cell per role, in the order of `roles`; null = the role may not do this at all. */
  cells: (Scope | null)[];
  /** Rows of the same resource are adjacent; the first one carries how many there are (rowspan). */
  resourceSpan: number;
}
export interface PolicyMatrix { roles: Role[]; rows: MatrixRow[] }

/** Position in the domain's canonical list; names it does not know go last, in arrival order. */
const rank = (list: readonly string[], name: string) => {
  const i = list.indexOf(name);
  return i < 0 ? list.length : i;
};

/**
 * Resources and actions in the domain's order (RESOURCES, ACTIONS in domain/auth/policy.ts),
 * not the server's role-by-role listing. A role granted both scopes shows the wider, 'all'.
 */
export function policyMatrix(policy: Policy): PolicyMatrix {
  const roles = [...policy.roles];
  const byResource = new Map<string, Map<string, (Scope | null)[]>>();
  for (const row of policy.rows) {
    const col = roles.indexOf(row.role);
    if (col < 0) continue; // a role the server did not list: nothing to show it under
    const actions = byResource.get(row.resource) ?? new Map<string, (Scope | null)[]>();
    byResource.set(row.resource, actions);
    const cells = actions.get(row.action) ?? roles.map(() => null);
    actions.set(row.action, cells);
    if (cells[col] !== 'all') cells[col] = row.scope;
  }
  const rows: MatrixRow[] = [];
  const resources = [...byResource.keys()].sort((a, b) => rank(RESOURCES, a) - rank(RESOURCES, b));
  for (const resource of resources) {
    const actions = byResource.get(resource)!;
    const sorted = [...actions.entries()].sort(([a], [b]) => rank(ACTIONS, a) - rank(ACTIONS, b));
    let first = true;
    for (const [action, cells] of sorted) {
      rows.push({ resource, action, cells, resourceSpan: first ? actions.size : 0 });
      first = false;
    }
  }
  return { roles, rows };
}

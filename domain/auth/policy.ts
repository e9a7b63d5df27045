// The access policy: one table of role × resource × action → scope, enforced by the server on
// every route (`authorize` in server/auth/middleware.ts) and the source the access-matrix tests are generated
// from (tests/server/access-matrix.test.ts). A pair that is not in the table is denied.
// Scope `all` is the whole district; `own` is the team's share: records inside the team's areas
// for spatial data, the team's own rows for tasks and teams (reliability.md §2 ASVS 8.1–8.2).

export const ROLES = ['admin', 'commander', 'planner', 'caseOfficer', 'fieldMember', 'wall'] as const;
export type Role = (typeof ROLES)[number];

export const RESOURCES = [
  'basemap', 'addressPoints', 'cases', 'contacts', 'personalData', 'checkpoints', 'quarantineSites',
  'testingSites', 'resources', 'zones', 'tasks', 'teams', 'users', 'policy', 'audit', 'profiles', 'incidents', 'impact',
  'loops', 'rooms', 'imports', 'dashboard', 'alerts', 'analysis', 'coverage',
] as const;
export type Resource = (typeof RESOURCES)[number];

/** `publish`: a zone's lifecycle steps (proposed → active, downgrade, lift), the commander's decision.
 * `export`: a file of records leaving the system (masked, audited). */
export const ACTIONS = ['read', 'create', 'update', 'report', 'reveal', 'publish', 'export'] as const;
export type Action = (typeof ACTIONS)[number];

export type Scope = 'all' | 'own';

type Grants = Partial<Record<Resource, Partial<Record<Action, Scope>>>>;

const read = { read: 'all' } as const;
const readOwn = { read: 'own' } as const;
const edit = { read: 'all', create: 'all', update: 'all' } as const;
const facilitiesRead = { checkpoints: read, quarantineSites: read, testingSites: read, resources: read, zones: read };
// Issue 4: rule profiles and the incident's choice of one; zone drafts are the planner's, the
// lifecycle (publish, downgrade, lift) and the profile choice the commander's.
const profilesEdit = { profiles: { read: 'all', create: 'all' }, incidents: { read: 'all', update: 'all' } } as const;
const profilesRead = { profiles: read, incidents: read };
// Issue 6: `dashboard` is the wall's district-wide aggregates (KPIs, epi curve, funnel, alerts,
// playback intervals): every role that reads the whole district, never a field member.
// Issue 7: `alerts` (early-warning alerts, their line lists, acknowledge/resolve as `update`) and
// `analysis` (outbreak clusters, hot spots, syndromic series; `create` runs the daily analysis
// now): read by every district-wide role; the duty decisions are the commander's, the
// planner's and the case officers'; never a field member.
// Issue 8: `coverage` (service areas, covered and uncovered residents, routes, capacity against
// demand, placement and checkpoint suggestions): district-wide figures read by every role that
// reads the district, never a field member. Importing roads into the routing graph is
// `basemap: create`, the planner's (the GIS engineer) and the administrator's.
// Issue 5: the closed loop. Steps are completed by case officers (all) and field teams (their own
// steps); rooms are allocated by case officers; imports are theirs too; exports of the registry
// and the board go to the commander and case officers (masked like the screens, audited).

const GRANTS: Record<Role, Grants> = {
  // Runs accounts, teams and areas and reads the audit; sees operations masked, reveals nobody
  // (separation of administrator and operator duties, GB/T 35273 §7.1 as summarised in reliability.md §3).
  admin: {
    basemap: { read: 'all', create: 'all' }, addressPoints: read, cases: read, contacts: read, ...facilitiesRead,
    tasks: { read: 'all', create: 'all', update: 'all', report: 'all' },
    teams: edit, users: edit, policy: read, audit: read, ...profilesEdit, impact: read,
    loops: read, rooms: read, dashboard: read, alerts: read, analysis: read, coverage: read,
  },
  commander: {
    basemap: read, addressPoints: read, cases: { read: 'all', export: 'all' }, contacts: read, personalData: { reveal: 'all' }, ...facilitiesRead,
    tasks: read, teams: read, ...profilesEdit, zones: { read: 'all', create: 'all', update: 'all', publish: 'all' }, impact: read,
    loops: { read: 'all', export: 'all' }, rooms: read, imports: read, dashboard: read,
    alerts: { read: 'all', update: 'all' }, analysis: { read: 'all', create: 'all' }, coverage: read,
  },
  planner: {
    basemap: { read: 'all', create: 'all' }, addressPoints: read, cases: read, contacts: read,
    checkpoints: edit, quarantineSites: edit, testingSites: edit, resources: read, zones: edit,
    tasks: { read: 'all', create: 'all', update: 'all', report: 'all' }, teams: read, ...profilesRead, impact: read,
    loops: read, rooms: read, dashboard: read,
    alerts: { read: 'all', update: 'all' }, analysis: { read: 'all', create: 'all' }, coverage: read,
  },
  caseOfficer: {
    basemap: read, addressPoints: read, cases: { ...edit, export: 'all' }, contacts: edit, personalData: { reveal: 'all' }, ...facilitiesRead,
    tasks: read, teams: read, ...profilesRead, impact: read,
    loops: { read: 'all', update: 'all', export: 'all' }, rooms: { read: 'all', update: 'all' }, imports: edit, dashboard: read,
    alerts: { read: 'all', update: 'all' }, analysis: read, coverage: read,
  },
  // A grid worker: only the team's areas and tasks; may reveal a person there to phone them.
  fieldMember: {
    basemap: read, addressPoints: readOwn, cases: readOwn, contacts: readOwn, personalData: { reveal: 'own' },
    checkpoints: readOwn, quarantineSites: readOwn, testingSites: readOwn, resources: readOwn, zones: readOwn,
    tasks: { read: 'own', report: 'own' }, teams: readOwn, ...profilesRead,
    loops: { read: 'own', update: 'own' },
  },
  // The unattended wall display: district-wide aggregates and points, no personal fields at all.
  wall: { basemap: read, cases: read, contacts: read, ...facilitiesRead, tasks: read, ...profilesRead, loops: read, rooms: read, dashboard: read, alerts: read, analysis: read, coverage: read },
};

/** The scope a role has for an action on a resource, or null when the policy denies it. */
export function scopeOf(role: Role, resource: Resource, action: Action): Scope | null {
  return GRANTS[role][resource]?.[action] ?? null;
}

export interface PolicyRow { role: Role; resource: Resource; action: Action; scope: Scope }

/** The table as rows: for GET /policy, the admin view and the generated tests. */
export function policyRows(): PolicyRow[] {
  return ROLES.flatMap((role) => RESOURCES.flatMap((resource) => ACTIONS.flatMap((action) => {
    const scope = scopeOf(role, resource, action);
    return scope ? [{ role, resource, action, scope }] : [];
  })));
}

/** How personal fields (name, ID number, phone, home address) leave the server for a role:
 * masked for the roles that work with people, absent for the wall. Clear values only through
 * the audited reveal action. */
export function personalFieldsFor(role: Role): 'masked' | 'hidden' {
  return role === 'wall' ? 'hidden' : 'masked';
}

export const isRole = (v: unknown): v is Role => (ROLES as readonly unknown[]).includes(v);

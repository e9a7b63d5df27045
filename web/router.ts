// Routes: '/' is the command map, '/plan' the zone planner's, '/field' the phone view, '/admin' the
// administrator's; '/cases' the case officer's registry; '/wall' the command-centre wall display. Every surface but /login needs a
// session; `roles` keeps a signed-in user on the surfaces their role has. The server enforces
// the same rules on every API call; this only spares users pages that would answer 403.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';
import { onUnauthenticated } from './api.ts';
import { useSession, type Role } from './stores/session.ts';

declare module 'vue-router' {
  interface RouteMeta { public?: boolean; roles?: Role[] }
}

const routes: RouteRecordRaw[] = [
  { path: '/login', name: 'login', component: () => import('./views/LoginPage.vue'), meta: { public: true } },
  { path: '/', name: 'map', component: () => import('./views/MapPage.vue'),
    meta: { roles: ['admin', 'commander', 'planner', 'caseOfficer', 'wall'] } },
  { path: '/plan', name: 'plan', component: () => import('./views/PlanPage.vue'), meta: { roles: ['planner', 'commander'] } },
  { path: '/field', name: 'field', component: () => import('./views/FieldPage.vue'), meta: { roles: ['fieldMember'] } },
  { path: '/field/tasks/:id', name: 'field-task', component: () => import('./views/FieldPage.vue'), meta: { roles: ['fieldMember'] } },
  // Issue 5: the registry, chains, loop board, rooms and import; read-only for planner and admin (the policy decides).
  { path: '/cases', name: 'cases', component: () => import('./views/CasesPage.vue'),
    meta: { roles: ['caseOfficer', 'commander', 'planner', 'admin'] } },
  // Issue 6: the command-centre wall (大屏); the wall role's home, open to every role that reads the district.
  { path: '/wall', name: 'wall', component: () => import('./views/WallPage.vue'),
    meta: { roles: ['wall', 'commander', 'planner', 'caseOfficer', 'admin'] } },
  // Issue 7: early warning — alerts with their line lists, the incident grade, syndromic series.
  { path: '/alerts', name: 'alerts', component: () => import('./views/AlertsPage.vue'),
    meta: { roles: ['commander', 'planner', 'caseOfficer', 'admin'] } },
  { path: '/admin', name: 'admin', component: () => import('./views/AdminPage.vue'), meta: { roles: ['admin'] } },
  { path: '/:pathMatch(.*)*', redirect: { name: 'map' } },
];

export const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });

router.beforeEach(async (to) => {
  const session = useSession();
  const me = await session.check().catch(() => null);
  if (to.meta.public) return true;
  if (!me) return { name: 'login', query: { next: to.fullPath } };
  if (to.meta.roles && !to.meta.roles.includes(me.user.role)) return session.home === to.path ? true : session.home;
  return true;
});

onUnauthenticated(() => {
  const session = useSession();
  // Only a session that ended under the user sends them to /login from here; before the first
  // sign-in the guard above does it, with the `next` of the page they asked for.
  if (!session.me) return;
  session.expired();
  const current = router.currentRoute.value;
  // A full page load, not router.push: the stores of the user whose session ended (their team's
  // areas, tasks) must not carry over to whoever signs in next on this device.
  if (!current.meta.public) window.location.assign(router.resolve({ name: 'login', query: { next: current.fullPath } }).href);
});

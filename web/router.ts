// Routes: '/' is the command map. The other surfaces (product.md) will join here:
// /wall (大屏), /plan (planner), /field (phone), /cases (registry), /admin.
import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router';

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'map', component: () => import('./views/MapPage.vue') },
  { path: '/:pathMatch(.*)*', redirect: { name: 'map' } },
];

export const router = createRouter({ history: createWebHistory(import.meta.env.BASE_URL), routes });

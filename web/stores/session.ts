// Who is signed in: the server's session (GET/POST/DELETE /api/v1/session). The cookie is
// HttpOnly, so the page only knows the session through `me`; the CSRF token that comes with it
// is handed to api.ts for every state-changing request. The last `me` is kept in localStorage
// so that a field phone reloaded without network still opens its view (the server decides again
// as soon as a request gets through; a 401 or a logout forgets it).
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Role } from '../../domain/auth/policy.ts';
import { ApiError, apiGet, apiSend, setCsrfToken } from '../api.ts';
import { syncServerClock } from '../server-clock.ts';

export type { Role };

export interface Me {
  user: { id: number; username: string; displayName: string; role: Role; teamId: number | null; teamName: string | null };
  csrfToken: string;
  idleExpiresAt: string;
  expiresAt: string;
  /** The server clock's now when it answered (web/server-clock.ts). */
  serverTime?: string;
}

/** The surface each role lands on after signing in. */
export const HOME_BY_ROLE: Record<Role, string> = {
  admin: '/admin', commander: '/', planner: '/plan', caseOfficer: '/cases', fieldMember: '/field', wall: '/wall',
};

const LAST_ME = 'shouwang.session.me';

export const useSession = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const checked = ref(false);

  function adopt(next: Me | null) {
    me.value = next;
    syncServerClock(next?.serverTime);
    setCsrfToken(next?.csrfToken ?? null);
    checked.value = true;
    try {
      if (next) localStorage.setItem(LAST_ME, JSON.stringify(next));
      else localStorage.removeItem(LAST_ME);
    } catch { /* storage unavailable (private mode): nothing to keep */ }
  }

  function lastMe(): Me | null {
    try {
      return JSON.parse(localStorage.getItem(LAST_ME) ?? 'null') as Me | null;
    } catch {
      return null;
    }
  }

  /** Asks the server once whether the browser already has a session; offline, the last one known. */
  async function check(): Promise<Me | null> {
    if (checked.value) return me.value;
    try {
      adopt(await apiGet<Me>('/api/v1/session'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'network' && lastMe()) {
        me.value = lastMe();
        setCsrfToken(me.value?.csrfToken ?? null);
        return me.value; // not `checked`: the next navigation asks the server again
      }
      if (!(err instanceof ApiError) || err.status !== 401) throw err;
      adopt(null);
    }
    return me.value;
  }

  /** Asks the server again (e.g. for the current CSRF token after a sign-in in another tab). */
  async function refresh(): Promise<Me | null> {
    checked.value = false;
    return check();
  }

  async function login(username: string, password: string): Promise<Me> {
    const next = await apiSend<Me>('POST', '/api/v1/session', { username, password });
    adopt(next);
    return next;
  }

  async function logout(): Promise<void> {
    try {
      await apiSend('DELETE', '/api/v1/session');
    } finally {
      adopt(null);
    }
  }

  /** The server said 401: the session ended (timeout, logout elsewhere, disabled account). */
  function expired() { adopt(null); }

  const role = computed(() => me.value?.user.role ?? null);
  const home = computed(() => (role.value ? HOME_BY_ROLE[role.value] : '/login'));
  return { me, checked, role, home, check, refresh, login, logout, expired };
});

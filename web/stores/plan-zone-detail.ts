// One zone opened in the list: its versions and test rounds (GET /zones/{id}) and the lifecycle
// (publish, downgrade, lift, edit, test rounds). Every write names the version it was based on;
// a 409 'version_conflict' means someone else changed the zone first, and the page offers to
// reload rather than overwrite their change.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { ApiError, apiGet, apiSend } from '../api.ts';
import type { TestRound, ZoneDetail, ZoneFeature, ZoneGeometry } from './plan-types.ts';
import { usePlanZones } from './plan-zones.ts';

export type Transition = 'publish' | 'downgrade' | 'upgrade' | 'lift';
export interface ZoneEdit { name?: string; kind?: string; geometry?: ZoneGeometry; reason: string }

export const usePlanZoneDetail = defineStore('planZoneDetail', () => {
  const detail = shallowRef<ZoneDetail | null>(null);
  const loading = ref(false);
  const busy = ref(false);
  const error = shallowRef<unknown>(null);
  const conflict = computed(() => error.value instanceof ApiError && error.value.code === 'version_conflict');
  const current = computed<ZoneFeature | null>(() => detail.value?.current ?? null);

  async function open(id: number | null): Promise<void> {
    error.value = null;
    if (id === null) { detail.value = null; return; }
    if (detail.value?.id !== id) detail.value = null;
    loading.value = true;
    try {
      const d = await apiGet<ZoneDetail>(`/api/v1/zones/${id}`);
      if (usePlanZones().selectedId === id) detail.value = d;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  /** Runs one write against the open zone, then reloads it and the list. False when refused. */
  async function write(path: string, method: 'POST' | 'PUT', body: Record<string, unknown>): Promise<boolean> {
    const d = detail.value;
    if (!d) return false;
    busy.value = true;
    error.value = null;
    try {
      await apiSend(method, `/api/v1/zones/${d.id}${path}`, body);
      await Promise.all([open(d.id), usePlanZones().load()]);
      return true;
    } catch (err) {
      error.value = err;
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** The live stream says the open zone changed: fetch it again without touching what the page
   * shows meanwhile (an error or a conflict stays until the user acts; a failure keeps the old). */
  async function refresh(): Promise<void> {
    const id = detail.value?.id;
    if (id === undefined || busy.value) return;
    try {
      const d = await apiGet<ZoneDetail>(`/api/v1/zones/${id}`);
      if (detail.value?.id === id && usePlanZones().selectedId === id && !busy.value) detail.value = d;
    } catch { /* kept: the next change or reconnect tries again */ }
  }

  const baseVersion = () => detail.value?.current.properties.version ?? 0;

  function transition(action: Transition, reason: string, toKind?: string): Promise<boolean> {
    return write(`/${action}`, 'POST', { baseVersion: baseVersion(), reason, ...(action === 'downgrade' || action === 'upgrade' ? { toKind } : {}) });
  }

  /** A new version with a changed name, kind or geometry; `base` is the version the edit started from. */
  function update(edit: ZoneEdit, base = baseVersion()): Promise<boolean> {
    return write('', 'PUT', { baseVersion: base, ...edit });
  }

  const addRound = (round: TestRound) => write('/test-rounds', 'POST', { ...round });
  /** After a conflict: fetch what the other user saved. */
  const reload = () => Promise.all([open(detail.value?.id ?? null), usePlanZones().load()]);

  return { detail, loading, busy, error, conflict, current, open, refresh, transition, update, addRound, reload };
});

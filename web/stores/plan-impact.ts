// What a polygon touches (contract item 4): POST /impact for any drawn or proposed shape, GET
// /zones/{id}/impact for a stored zone. While a polygon is being drawn every vertex moves it,
// so requests wait for a 250 ms pause and a newer one aborts the one in flight: the numbers
// follow the pen without a request per mouse move.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { apiGet, apiSend, isAbort } from '../api.ts';
import type { ImpactResult, ZoneGeometry } from './plan-types.ts';

export const IMPACT_DEBOUNCE_MS = 250;

/** A ring needs three distinct corners before it encloses anything worth asking about. */
export function enclosesArea(g: ZoneGeometry): boolean {
  const ring = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates[0]?.[0];
  if (!ring) return false;
  return new Set(ring.map((p) => `${p[0]},${p[1]}`)).size >= 3;
}

export const usePlanImpact = defineStore('planImpact', () => {
  const result = shallowRef<ImpactResult | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  /** Which shape the numbers are for: 'draft', 'zone:<id>', 'proposal:<key>'. */
  const subject = ref<string | null>(null);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | null = null;
  /** The request behind the numbers on screen, for `refresh`. */
  let last: { label: string; fetcher: (signal: AbortSignal) => Promise<ImpactResult> } | null = null;

  function cancel(): void {
    clearTimeout(timer);
    controller?.abort();
    controller = null;
  }

  async function run(label: string, fetcher: (signal: AbortSignal) => Promise<ImpactResult>): Promise<void> {
    cancel();
    const mine = (controller = new AbortController());
    subject.value = label;
    last = { label, fetcher };
    loading.value = true;
    error.value = null;
    try {
      const r = await fetcher(mine.signal);
      if (controller === mine) result.value = r;
    } catch (err) {
      if (!isAbort(err) && controller === mine) { error.value = err; result.value = null; }
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  /** The impact of a shape after a pause (immediately with `debounceMs` 0). */
  function ofGeometry(label: string, g: ZoneGeometry | null, debounceMs = IMPACT_DEBOUNCE_MS): void {
    cancel();
    if (!g || !enclosesArea(g)) { clear(); return; }
    subject.value = label;
    loading.value = true;
    timer = setTimeout(() => {
      void run(label, (signal) => apiSend<ImpactResult>('POST', '/api/v1/impact', { geometry: g }, { signal }));
    }, debounceMs);
  }

  const ofZone = (zoneId: number) =>
    run(`zone:${zoneId}`, (signal) => apiGet<ImpactResult>(`/api/v1/zones/${zoneId}/impact`, { signal }));

  /** The live stream says cases, zones or checkpoints changed: the same request again, quietly;
   * the numbers on screen stay if it fails, and a newer request in flight wins. */
  async function refresh(): Promise<void> {
    const r = last;
    if (!r || subject.value !== r.label || loading.value) return;
    const mine = (controller = new AbortController());
    try {
      const next = await r.fetcher(mine.signal);
      if (controller === mine && subject.value === r.label) result.value = next;
    } catch { /* kept: an abort means a newer request; anything else, the next change tries again */ }
  }

  function clear(): void {
    cancel();
    last = null;
    result.value = null;
    subject.value = null;
    loading.value = false;
    error.value = null;
  }

  return { result, loading, error, subject, ofGeometry, ofZone, refresh, clear };
});

// The wall's aggregates (GET /api/v1/wall/summary). A wall runs unattended for days: a failed
// refresh keeps the last good answer on screen (the "data as of" indicator tells its age) and
// the next live change or the safety-net timer tries again.
import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { apiGet, isAbort } from '../api.ts';
import type { WallSummary } from './wall-types.ts';

export const WALL_SUMMARY_URL = '/api/v1/wall/summary';

export const useWallSummary = defineStore('wallSummary', () => {
  const summary = shallowRef<WallSummary | null>(null);
  const error = shallowRef<unknown>(null);
  const loading = ref(false);
  /** Date.now() of the last successful answer. */
  const loadedAtMs = ref<number | null>(null);
  let controller: AbortController | null = null;

  async function load(): Promise<void> {
    controller?.abort(); // a newer change supersedes the request in flight
    const mine = (controller = new AbortController());
    loading.value = true;
    try {
      summary.value = await apiGet<WallSummary>(WALL_SUMMARY_URL, { signal: mine.signal });
      loadedAtMs.value = Date.now();
      error.value = null;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  return { summary, error, loading, loadedAtMs, load };
});

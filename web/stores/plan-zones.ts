// The zones as they stand (GET /zones) or, on the time slider, as they stood at the end of a past
// Shanghai day (GET /zones?at=YYYY-MM-DD). `day === null` is the live view; any other day is
// read-only replay. Which zone is selected is kept here too: the map and the list share it.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { apiGet, isAbort } from '../api.ts';
import type { ZoneCollection, ZoneFeature } from './plan-types.ts';

export const zonesUrl = (day: string | null): string =>
  (day === null ? '/api/v1/zones' : `/api/v1/zones?at=${encodeURIComponent(day)}`);

/** Proposed first (they wait for a decision), then active, then lifted; newest change first within. */
const STATUS_ORDER: Record<string, number> = { proposed: 0, active: 1, lifted: 2 };
export function sortZones(features: readonly ZoneFeature[]): ZoneFeature[] {
  return [...features].sort((a, b) => (STATUS_ORDER[a.properties.status] ?? 3) - (STATUS_ORDER[b.properties.status] ?? 3)
    || b.properties.validFrom.localeCompare(a.properties.validFrom) || a.properties.zoneId - b.properties.zoneId);
}

export const usePlanZones = defineStore('planZones', () => {
  const collection = shallowRef<ZoneCollection | null>(null);
  const day = ref<string | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const selectedId = ref<number | null>(null);
  const showLifted = ref(false);
  let controller: AbortController | null = null;

  const replaying = computed(() => day.value !== null);
  const sorted = computed(() => sortZones(collection.value?.features ?? []));
  const listed = computed(() => sorted.value.filter((f) => showLifted.value || f.properties.status !== 'lifted'));
  const liftedCount = computed(() => sorted.value.filter((f) => f.properties.status === 'lifted').length);
  const selected = computed(() => sorted.value.find((f) => f.properties.zoneId === selectedId.value) ?? null);

  /** Loads the zones for the current day; a newer request aborts an older one (slider drags, live
   * pushes). A caller whose request was superseded waits for the newest one, so `await load()`
   * always ends with the latest list (a save awaits it to select the zone it just stored). */
  let latest: Promise<void> | null = null;
  function load(): Promise<void> {
    controller?.abort();
    const mine = (controller = new AbortController());
    loading.value = true;
    error.value = null;
    const run: Promise<void> = apiGet<ZoneCollection>(zonesUrl(day.value), { signal: mine.signal })
      .then((c) => { collection.value = c; }, (err: unknown) => { if (!isAbort(err)) error.value = err; })
      .then(() => {
        if (controller === mine) loading.value = false;
        return latest !== run && latest ? latest : undefined;
      });
    latest = run;
    return run;
  }

  /** null returns to the live view. */
  function setDay(next: string | null): Promise<void> {
    day.value = next;
    return load();
  }

  const select = (id: number | null) => { selectedId.value = id; };

  return { collection, day, loading, error, selectedId, showLifted, replaying, sorted, listed, liftedCount, selected,
    load, setDay, select };
});

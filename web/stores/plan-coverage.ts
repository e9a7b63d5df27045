// /plan's coverage mode (issue 8 item 5): the question (facility type, walk or drive, minutes,
// avoid sealed zones) and the server's answers to it — service areas, the district/township/
// village figures, the uncovered cells — plus the capacity table and the checkpoint suggestions
// (independent of the question), the placement of K new sites and a clicked route. Each answer
// has its own request: a newer one aborts the one in flight, a failure keeps nothing stale for a
// different question but leaves the other answers alone.
import { defineStore } from 'pinia';
import { ref, shallowRef, watch, type ShallowRef } from 'vue';
import {
  DEFAULT_BAND_MINUTES, type CapacityOut, type CheckpointSuggestionsOut, type CoverageQuery, type CoverageSummaryOut,
  type PlacementOut, type RouteOut, type ServiceAreasOut, type UncoveredOut,
} from '../../domain/coverage/types.ts';
import { apiGet, apiSend, isAbort } from '../api.ts';

export const COVERAGE_URL = '/api/v1/coverage';
export const MINUTE_CHOICES = [5, 10, 15, 30] as const;
export const DEFAULT_QUERY: CoverageQuery = { facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed: true };
export const DEFAULT_K = 3;

/** Bands drawn: 5/10/15 and the asked minutes when it is another (30). */
export const bandsFor = (minutes: number): number[] => [...new Set([...DEFAULT_BAND_MINUTES, minutes])].sort((a, b) => a - b);

/** `facility=…&mode=…&minutes=…&avoidSealed=…` (service areas: the band list as minutes). */
export function queryString(q: CoverageQuery, minutes: number | readonly number[] = q.minutes): string {
  const p = new URLSearchParams({ facility: q.facility, mode: q.mode, minutes: [minutes].flat().join(','), avoidSealed: String(q.avoidSealed) });
  return p.toString().replaceAll('%2C', ',');
}

/** One answer: its data, whether a request is out, its last error; `run` supersedes the previous. */
function answer<T>(): { data: ShallowRef<T | null>; loading: ShallowRef<boolean>; error: ShallowRef<unknown>;
  run: (fetcher: (signal: AbortSignal) => Promise<T>, keep?: boolean) => Promise<void>; clear: () => void } {
  const data = shallowRef<T | null>(null);
  const loading = shallowRef(false);
  const error = shallowRef<unknown>(null);
  let controller: AbortController | null = null;
  async function run(fetcher: (signal: AbortSignal) => Promise<T>, keep = false): Promise<void> {
    controller?.abort();
    const mine = (controller = new AbortController());
    loading.value = true;
    if (!keep) data.value = null; // an answer to another question must not stand beside the new one
    try {
      const r = await fetcher(mine.signal);
      if (controller === mine) { data.value = r; error.value = null; }
    } catch (err) {
      if (!isAbort(err) && controller === mine) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }
  function clear(): void { controller?.abort(); controller = null; data.value = null; loading.value = false; error.value = null; }
  return { data, loading, error, run, clear };
}

export const usePlanCoverage = defineStore('planCoverage', () => {
  const query = ref<CoverageQuery>({ ...DEFAULT_QUERY });
  const k = ref(DEFAULT_K);
  const areas = answer<ServiceAreasOut>();
  const summary = answer<CoverageSummaryOut>();
  const uncovered = answer<UncoveredOut>();
  const capacity = answer<CapacityOut>();
  const checkpoints = answer<CheckpointSuggestionsOut>();
  const placement = answer<PlacementOut>();
  const route = answer<RouteOut>();
  const routeFrom = ref<[number, number] | null>(null);
  const get = <T>(path: string) => (signal: AbortSignal) => apiGet<T>(`${COVERAGE_URL}/${path}`, { signal });

  /** The answers to the question on screen; `quiet` keeps them while the refetch runs (live refresh). */
  function loadQuery(quiet = false): void {
    const q = query.value;
    void areas.run(get(`service-areas?${queryString(q, bandsFor(q.minutes))}`), quiet);
    void summary.run(get(`summary?${queryString(q)}`), quiet);
    void uncovered.run(get(`uncovered?${queryString(q)}`), quiet);
  }
  function loadFixed(quiet = false): void {
    void capacity.run(get('capacity'), quiet);
    void checkpoints.run(get('checkpoints'), quiet);
  }
  function load(): void { loadQuery(); loadFixed(); }

  function place(kNew = k.value): Promise<void> {
    k.value = kNew;
    const body = { ...query.value, k: kNew };
    return placement.run((signal) => apiSend<PlacementOut>('POST', `${COVERAGE_URL}/placement`, body, { signal }));
  }

  /** From a clicked point to the nearest facility of the type asked about, by the same rules. */
  function routeTo(from: [number, number]): Promise<void> {
    routeFrom.value = from;
    const { facility, mode, avoidSealed } = query.value;
    return route.run((signal) => apiSend<RouteOut>('POST', `${COVERAGE_URL}/route`, { from, facility, mode, avoidSealed }, { signal }));
  }
  function clearRoute(): void { route.clear(); routeFrom.value = null; }

  /** A new question: its answers again; a placement or route for the old one is dropped. */
  watch(query, () => {
    placement.clear();
    clearRoute();
    loadQuery();
  }, { deep: true });

  /** Facilities, zones or checkpoints changed on the live stream: the same questions again, quietly. */
  function refresh(): void {
    if (!areas.data.value && !summary.data.value) return;
    loadQuery(true);
    loadFixed(true);
    if (placement.data.value) void placement.run((signal) => apiSend<PlacementOut>('POST', `${COVERAGE_URL}/placement`,
      { ...query.value, k: k.value }, { signal }), true);
  }

  return { query, k, areas, summary, uncovered, capacity, checkpoints, placement, route, routeFrom, load, place, routeTo, clearRoute, refresh };
});

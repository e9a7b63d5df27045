// Every case point of the command map as columns (GET /points/cases), for the display clusters
// that a worker builds from them (web/map/case-clusters). Typed arrays in a shallowRef: 100,000
// points are 2 MB that Vue never proxies, and posting them to the worker is a plain copy.
// `refresh` (on a live 'cases' change) fetches again quietly: a failure keeps what is drawn.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { ApiError, apiGet, isAbort } from '../api.ts';
import type { PointColumns } from '../../domain/display-clusters/cluster-index.ts';

/** The wire shape of /points/<layer> (server/routes/points.ts PointsOut). */
export interface PointsAnswer {
  layer: string;
  count: number;
  categories: string[];
  ids: number[];
  lng: number[];
  lat: number[];
  category: number[];
}

export interface CasePoints extends PointColumns {
  ids: Int32Array;
  lng: Float64Array;
  lat: Float64Array;
  category: Uint8Array;
  count: number;
}

/** Columns → typed arrays; a body whose columns differ in length is refused. */
export function toCasePoints(body: PointsAnswer): CasePoints {
  const n = body.ids?.length;
  if (![body.lng, body.lat, body.category].every((c) => Array.isArray(c) && c.length === n) || !Array.isArray(body.categories)) {
    throw new ApiError({ type: 'about:blank', title: 'Bad response', status: 200, code: 'badResponse', detail: 'points: columns of unequal length' });
  }
  return { count: n, categories: body.categories, ids: Int32Array.from(body.ids), lng: Float64Array.from(body.lng),
    lat: Float64Array.from(body.lat), category: Uint8Array.from(body.category) };
}

export const pointsUrl = (layer: 'cases' | 'contacts', at?: string): string =>
  `/api/v1/points/${layer}${at ? `?at=${encodeURIComponent(at)}` : ''}`;

export const useCasePointsStore = defineStore('casePoints', () => {
  const points = shallowRef<CasePoints | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const pending = shallowRef(false);
  const count = computed(() => points.value?.count);
  let at: string | undefined;
  /** Bumped by every fetch: an answer that is no longer the newest is dropped. */
  let generation = 0;

  async function fetchPoints(quiet: boolean): Promise<void> {
    const mine = ++generation;
    if (!quiet) { pending.value = true; error.value = null; }
    try {
      const body = await apiGet<PointsAnswer>(pointsUrl('cases', at));
      const t0 = performance.now();
      const next = toCasePoints(body);
      performance.measure('case-points:columns', { start: t0 }); // main-thread cost, for DevTools and the browser test
      if (mine === generation) { points.value = next; error.value = null; }
    } catch (err) {
      if (isAbort(err) || mine !== generation) return;
      if (quiet) { console.warn('live refresh of the case points failed', err); return; }
      error.value = err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0, code: 'network' });
    } finally {
      if (mine === generation) pending.value = false;
    }
  }

  /** Loads the points valid at `asOf` (default: now). */
  const load = (asOf?: string): Promise<void> => { at = asOf; return fetchPoints(false); };
  /** Fetches again with the last `at`, keeping the drawn points if that fails. */
  const refresh = (): Promise<void> => fetchPoints(points.value !== null);

  return { points, error, pending, count, load, refresh };
});

// The newest outbreak analyses of the open incident (GET /api/v1/analysis/latest, issue 7): the
// ST-DBSCAN clusters, the space-time scan clusters and the Gi* hot spots, as the map's GeoJSON,
// and which of the three layers /plan shows. A failed refresh keeps the last answer on screen
// (the wall runs unattended; a new run arrives once a day).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { AnalysisLatest } from '../../domain/analysis/types.ts';
import { apiGet, isAbort } from '../api.ts';
import { onLiveChange } from '../live/on-live-change.ts';
import { analysisFeatures } from '../map/analysis-features.ts';
import { ANALYSIS_LAYERS, type AnalysisLayer } from '../map/analysis-styles.ts';

export const ANALYSIS_LATEST_URL = '/api/v1/analysis/latest';

export const useAnalysis = defineStore('analysis', () => {
  const latest = shallowRef<AnalysisLatest | null>(null);
  const error = shallowRef<unknown>(null);
  const loading = ref(false);
  const visible = ref<Record<AnalysisLayer, boolean>>(Object.fromEntries(ANALYSIS_LAYERS.map((l) => [l, true])) as Record<AnalysisLayer, boolean>);
  let controller: AbortController | null = null;

  async function load(): Promise<void> {
    controller?.abort(); // a newer run supersedes the request in flight
    const mine = (controller = new AbortController());
    loading.value = true;
    try {
      latest.value = await apiGet<AnalysisLatest>(ANALYSIS_LATEST_URL, { signal: mine.signal });
      error.value = null;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  const collections = computed(() => analysisFeatures(latest.value));
  /** Polygons drawn per layer (label points not counted), for the legend. */
  const counts = computed(() => Object.fromEntries(ANALYSIS_LAYERS.map((l) =>
    [l, collections.value[l].features.filter((f) => f.geometry.type !== 'Point').length])) as Record<AnalysisLayer, number>);
  /** The day the newest run analysed (Asia/Shanghai), null before the first run. */
  const day = computed(() => latest.value?.day ?? null);

  function toggle(layer: AnalysisLayer): void { visible.value = { ...visible.value, [layer]: !visible.value[layer] }; }

  return { latest, error, loading, visible, collections, counts, day, load, toggle };
});

/** For the component that draws the layers: loads now and again after each new analysis run on
 * the live stream (and on a reset or resync). Call once per page, inside a component's setup. */
export function useAnalysisFeed(): ReturnType<typeof useAnalysis> {
  const store = useAnalysis();
  void store.load();
  onLiveChange(['analysis'], () => store.load());
  return store;
}

// The signed-in field member's own team areas (GET /teams/{id}/areas): what the field map
// outlines and fits to, and the box its base map is fetched for. (The admin's area editor has
// its own store, team-areas.ts.)
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { ApiError, apiGet, isAbort, type Bbox } from '../api.ts';

export const useMyTeam = defineStore('myTeam', () => {
  const areas = shallowRef<FeatureCollection | null>(null);
  const error = shallowRef<ApiError | null>(null);

  async function load(teamId: number): Promise<void> {
    try {
      const next = await apiGet<FeatureCollection>(`/api/v1/teams/${teamId}/areas`);
      // Unchanged areas keep their object: the field map refetches its base map only for new ones
      // (a live 'teams' change may be just the member count).
      if (JSON.stringify(next) !== JSON.stringify(areas.value)) areas.value = next;
      error.value = null;
    } catch (err) {
      if (isAbort(err)) return;
      error.value = err instanceof ApiError ? err : new ApiError({ type: 'about:blank', title: String(err), status: 0, code: 'network' });
    }
  }

  /** [minLng, minLat, maxLng, maxLat] of all areas; null until loaded or when there are none. */
  const extent = computed<Bbox | null>(() => {
    const fc = areas.value;
    if (!fc || fc.features.length === 0) return null;
    const [w, s, e, n] = bbox(fc);
    return [w, s, e, n];
  });

  const names = computed(() => (areas.value?.features ?? []).map((f) => String(f.properties?.name ?? '')).filter(Boolean));
  return { areas, error, extent, names, load };
});

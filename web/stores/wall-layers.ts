// The wall map's operational layers, as they stand at the server's now (`at=`, the demo server
// runs on the scenario's clock). Kept apart from layer-data.ts, whose loads remember their query:
// a refetch here must ask for the new now. A failed refetch keeps the features already shown.
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import type { FeatureCollection } from 'geojson';
import type { LayerId } from '../../domain/layers.ts';
import type { Resource } from '../../domain/auth/policy.ts';
import { fetchLayer, isAbort } from '../api.ts';
import { MAJOR_ROAD_CLASSES } from '../map/basemap-styles.ts';
import type { DistrictLoad } from './layer-data.ts';
import { serverNowMs } from '../server-clock.ts';

export const WALL_LAYERS = ['zones', 'cases', 'checkpoints', 'quarantine-sites', 'testing-sites'] as const satisfies readonly LayerId[];
export type WallLayer = (typeof WALL_LAYERS)[number];

/** The wall's base map, from the shared layer-data store (district-wide, loaded once). */
export const WALL_BASE_LOADS: readonly DistrictLoad[] = [
  ...(['district', 'townships', 'villages', 'landuse', 'waterways'] as const).map((layer) => ({ layer })),
  { layer: 'roads', query: { kind: MAJOR_ROAD_CLASSES } },
];

/** The live-stream resources whose changes alter each layer (rooms: a site's occupancy). */
export const LAYER_RESOURCES: Record<WallLayer, Resource[]> = {
  zones: ['zones'],
  cases: ['cases'],
  checkpoints: ['checkpoints'],
  'quarantine-sites': ['quarantineSites', 'rooms'],
  'testing-sites': ['testingSites'],
};

export const useWallLayers = defineStore('wallLayers', () => {
  const collections = shallowRef<Partial<Record<WallLayer, FeatureCollection>>>({});
  const errors = shallowRef<Partial<Record<WallLayer, unknown>>>({});
  const controllers = new Map<WallLayer, AbortController>();

  async function loadOne(layer: WallLayer, nowMs: number): Promise<void> {
    controllers.get(layer)?.abort();
    const mine = new AbortController();
    controllers.set(layer, mine);
    try {
      const fc = await fetchLayer(layer, { at: new Date(nowMs).toISOString() }, { signal: mine.signal });
      collections.value = { ...collections.value, [layer]: fc };
      const { [layer]: _cleared, ...rest } = errors.value;
      errors.value = rest;
    } catch (err) {
      if (!isAbort(err)) errors.value = { ...errors.value, [layer]: err };
    } finally {
      if (controllers.get(layer) === mine) controllers.delete(layer);
    }
  }

  const load = (layers: readonly WallLayer[] = WALL_LAYERS, nowMs = serverNowMs()): Promise<void[]> =>
    Promise.all(layers.map((l) => loadOne(l, nowMs)));

  return { collections, errors, load };
});

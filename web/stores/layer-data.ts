// District-wide layer data, fetched once at start: the coarse base map and every operational
// layer. Collections are kept in a shallowRef so tens of thousands of features are never proxied.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import type { FeatureCollection } from 'geojson';
import { OPERATIONAL_LAYERS, type LayerId } from '../../domain/layers.ts';
import { ApiError, fetchLayer, isAbort, type LayerQuery } from '../api.ts';

export interface DistrictLoad {
  layer: LayerId;
  query?: LayerQuery;
}

export const useLayerDataStore = defineStore('layerData', () => {
  const collections = shallowRef<Partial<Record<LayerId, FeatureCollection>>>({});
  const errors = shallowRef<Partial<Record<LayerId, ApiError>>>({});
  const pending = shallowRef<ReadonlySet<LayerId>>(new Set());

  const operationalLoaded = computed(() => OPERATIONAL_LAYERS.every((id) => collections.value[id] !== undefined));

  const queries = new Map<LayerId, LayerQuery | undefined>();

  async function load({ layer, query }: DistrictLoad): Promise<void> {
    queries.set(layer, query);
    pending.value = new Set([...pending.value, layer]);
    const { [layer]: _dropped, ...rest } = errors.value;
    errors.value = rest;
    try {
      const fc = await fetchLayer(layer, query);
      collections.value = { ...collections.value, [layer]: fc };
    } catch (err) {
      if (isAbort(err)) return;
      const e = err instanceof ApiError ? err
        : new ApiError({ type: 'about:blank', title: String(err), status: 0, code: 'network' });
      errors.value = { ...errors.value, [layer]: e };
    } finally {
      const next = new Set(pending.value);
      next.delete(layer);
      pending.value = next;
    }
  }

  const loadAll = (loads: readonly DistrictLoad[]): Promise<void[]> => Promise.all(loads.map(load));

  /** Loads a layer again with the query it was last loaded with (after an error). */
  const retry = (layer: LayerId): Promise<void> => load({ layer, query: queries.get(layer) });

  return { collections, errors, pending, operationalLoaded, load, loadAll, retry };
});

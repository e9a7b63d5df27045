// District-wide layer data, fetched once at start: the coarse base map and every operational
// layer. Collections are kept in a shallowRef so tens of thousands of features are never proxied.
// `refresh` fetches loaded layers again when the live stream says they changed (views/
// use-live-layers.ts): quietly (no "loading" in the panel), and a failure keeps what is drawn.
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
  /** Bumped by every fetch of a layer: an answer that is no longer the newest is dropped. */
  const generation = new Map<LayerId, number>();
  const nextGeneration = (layer: LayerId) => { const g = (generation.get(layer) ?? 0) + 1; generation.set(layer, g); return g; };

  async function load({ layer, query }: DistrictLoad): Promise<void> {
    queries.set(layer, query);
    const mine = nextGeneration(layer);
    pending.value = new Set([...pending.value, layer]);
    const { [layer]: _dropped, ...rest } = errors.value;
    errors.value = rest;
    try {
      const fc = await fetchLayer(layer, query);
      if (generation.get(layer) === mine) collections.value = { ...collections.value, [layer]: fc };
    } catch (err) {
      if (isAbort(err) || generation.get(layer) !== mine) return;
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

  /** Fetches these layers again with their last query; only layers already loaded, and a failure
   * leaves the drawn data (and no error: the live indicator says when data may be old). */
  async function refresh(layers: readonly LayerId[]): Promise<void> {
    await Promise.all(layers.filter((l) => collections.value[l] !== undefined).map(async (layer) => {
      const mine = nextGeneration(layer);
      try {
        const fc = await fetchLayer(layer, queries.get(layer));
        if (generation.get(layer) !== mine) return;
        collections.value = { ...collections.value, [layer]: fc };
        if (errors.value[layer]) { const { [layer]: _fixed, ...rest } = errors.value; errors.value = rest; }
      } catch (err) {
        if (!isAbort(err)) console.warn(`live refresh of layer ${layer} failed`, err);
      }
    }));
  }

  return { collections, errors, pending, operationalLoaded, load, loadAll, retry, refresh };
});

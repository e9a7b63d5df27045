// Keeps the map's centre, zoom and visible layers in the address bar (`?c=…&z=…&l=…`): read
// once when the page opens, written with history.replaceState after every settled move.
import { watch } from 'vue';
import { DISTRICT_SEAT } from '../map/base-style.ts';
import type { CameraView } from '../map/map-context.ts';
import { TOGGLEABLE_LAYERS, useLayersStore } from '../stores/layers.ts';
import { decodeMapUrl, encodeMapUrl } from '../stores/url-state.ts';
import { useViewStore } from '../stores/view.ts';

const DEFAULT_ZOOM = 12;

/** Applies the URL's layers to the store and returns the camera to open on (none = fit district). */
export function useMapUrl(): { initialView: CameraView | undefined } {
  const layers = useLayersStore();
  const view = useViewStore();
  const state = decodeMapUrl(location.search, TOGGLEABLE_LAYERS);
  if (state.layers) layers.show(state.layers);
  const initialView = state.center || state.zoom !== undefined
    ? { center: state.center ?? [DISTRICT_SEAT[0], DISTRICT_SEAT[1]] as [number, number], zoom: state.zoom ?? DEFAULT_ZOOM }
    : undefined;

  watch([() => view.center, () => view.zoom, () => layers.visible], ([center, zoom, visible]) => {
    if (!center || zoom === null) return;
    const search = encodeMapUrl({ center, zoom, layers: visible }, location.search);
    // Keep history.state: vue-router stores its own position there.
    history.replaceState(history.state, '', `${location.pathname}${search}${location.hash}`);
  });
  return { initialView };
}

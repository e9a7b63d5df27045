// How layer components reach the map: MapView provides a getter for the (non-reactive) instance
// and renders its slot only after the style has loaded, so `useMap()` always returns a live map.
import { inject, type InjectionKey } from 'vue';
import type { Map } from 'maplibre-gl';
import type { LayerId } from '../../domain/layers.ts';

export const MAP_KEY: InjectionKey<() => Map> = Symbol('shouwang-map');

export function useMap(): Map {
  const get = inject(MAP_KEY, null);
  if (!get) throw new Error('useMap() must be called inside <MapView>');
  return get();
}

/** What MapPopup hands to its slot: the clicked feature's API layer, id and properties. */
export interface SelectedFeature {
  layer: LayerId;
  id: string | number | undefined;
  properties: Record<string, unknown>;
}

/** The camera as the app stores it and the URL keeps it. */
export interface CameraView {
  center: [number, number];
  zoom: number;
}

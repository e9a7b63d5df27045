// The map camera as the rest of the app sees it: centre and zoom after the last move.
// MapView writes it on moveend; the URL sync reads it. The map instance itself is not here.
import { defineStore } from 'pinia';
import { ref } from 'vue';

export const useViewStore = defineStore('view', () => {
  /** [lng, lat]; null until the map has settled or the URL gave one. */
  const center = ref<[number, number] | null>(null);
  const zoom = ref<number | null>(null);

  function setView(next: { center: [number, number]; zoom: number }): void {
    center.value = next.center;
    zoom.value = next.zoom;
  }

  return { center, zoom, setView };
});

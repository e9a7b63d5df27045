// Which layers are switched on. One concern: visibility; the data lives in layer-data.ts.
import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import { OPERATIONAL_LAYERS, type LayerId } from '../../domain/layers.ts';

/** Base layers the panel can switch; the rest of the base map is always drawn. */
export const TOGGLEABLE_BASE_LAYERS: readonly LayerId[] = ['buildings', 'places', 'grids'];
export const TOGGLEABLE_LAYERS: readonly LayerId[] = [...OPERATIONAL_LAYERS, ...TOGGLEABLE_BASE_LAYERS];
/** Contacts and resources are off at start: the command view opens on cases and facilities. */
export const DEFAULT_VISIBLE: readonly LayerId[] = TOGGLEABLE_LAYERS.filter((id) => id !== 'contacts' && id !== 'resources');

export const useLayersStore = defineStore('layers', () => {
  const visible = ref<LayerId[]>([...DEFAULT_VISIBLE]);
  const visibleSet = computed(() => new Set(visible.value));

  const isVisible = (id: LayerId): boolean => visibleSet.value.has(id);

  /** Replaces the visible set, keeping panel order and dropping ids that cannot be toggled. */
  function show(ids: readonly LayerId[]): void {
    const wanted = new Set(ids);
    visible.value = TOGGLEABLE_LAYERS.filter((id) => wanted.has(id));
  }

  function setVisible(id: LayerId, on: boolean): void {
    show(on ? [...visible.value, id] : visible.value.filter((v) => v !== id));
  }

  const toggle = (id: LayerId): void => setVisible(id, !isVisible(id));

  return { visible, isVisible, show, setVisible, toggle };
});

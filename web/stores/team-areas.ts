// The area editor of the Teams tab: which team is open, its saved areas, the edited selection,
// whether clicks pick grids or villages, whether a polygon is being drawn. The selection rules
// live in area-selection.ts; this store only loads, holds and saves (PUT replaces all areas).
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { FeatureCollection, Polygon } from 'geojson';
import { apiGet, apiSend } from '../api.ts';
import type { Team } from './admin-types.ts';
import { useAdminTeams } from './admin-teams.ts';
import {
  addDrawn, fromAreaFeatures, removeArea, sameAreas, toAreasBody, toFeatureCollection, togglePicked,
  type AreaItem, type PickedUnit,
} from './area-selection.ts';

export type PickMode = 'grid' | 'village';

export const useTeamAreas = defineStore('teamAreas', () => {
  const teamId = ref<number | null>(null);
  const saved = shallowRef<AreaItem[]>([]);
  const items = shallowRef<AreaItem[]>([]);
  const pickMode = ref<PickMode>('grid');
  const drawing = ref(false);
  const loading = ref(false);
  const saving = ref(false);
  const error = shallowRef<unknown>(null);
  /** Bumped after each successful save, so the page can say "saved" until the next edit. */
  const savedCount = ref(0);

  const dirty = computed(() => !sameAreas(items.value, saved.value));
  const collection = computed(() => toFeatureCollection(items.value));

  async function fetchAreas(id: number): Promise<AreaItem[]> {
    return fromAreaFeatures(await apiGet<FeatureCollection>(`/api/v1/teams/${id}/areas`));
  }

  /** Opens a team: its saved areas become the selection; unsaved edits of another are dropped. */
  async function open(id: number | null): Promise<void> {
    teamId.value = id;
    drawing.value = false;
    error.value = null;
    saved.value = items.value = [];
    if (id === null) return;
    loading.value = true;
    try {
      const loaded = await fetchAreas(id);
      if (teamId.value === id) saved.value = items.value = loaded;
    } catch (err) {
      if (teamId.value === id) error.value = err;
    } finally {
      loading.value = false;
    }
  }

  /** The live stream says the open team changed (another administrator saved its areas): the
   * saved areas again; the selection follows only when it holds no unsaved edit of this one, so
   * an edit in progress is never overwritten (its Save then replaces theirs, as PUT does). */
  async function refresh(): Promise<void> {
    const id = teamId.value;
    if (id === null || loading.value || saving.value) return;
    try {
      const loaded = await fetchAreas(id);
      if (teamId.value !== id || saving.value) return;
      const clean = !dirty.value;
      saved.value = loaded;
      if (clean) items.value = loaded;
    } catch { /* kept: the next change or reconnect tries again */ }
  }

  const toggle = (pick: PickedUnit) => { items.value = togglePicked(items.value, pick); };
  const addPolygon = (polygon: Polygon) => { items.value = addDrawn(items.value, polygon); };
  const remove = (key: string) => { items.value = removeArea(items.value, key); };
  const revert = () => { items.value = saved.value; error.value = null; };

  /** PUT the whole list; on success the server's areas (with their ids and names) are reloaded. */
  async function save(): Promise<boolean> {
    const id = teamId.value;
    if (id === null) return false;
    saving.value = true;
    error.value = null;
    try {
      const team = await apiSend<Team>('PUT', `/api/v1/teams/${id}/areas`, toAreasBody(items.value));
      useAdminTeams().replace(team);
      const reloaded = await fetchAreas(id);
      if (teamId.value === id) saved.value = items.value = reloaded;
      savedCount.value++;
      return true;
    } catch (err) {
      error.value = err;
      return false;
    } finally {
      saving.value = false;
    }
  }

  return {
    teamId, saved, items, pickMode, drawing, loading, saving, error, savedCount, dirty, collection,
    open, refresh, toggle, addPolygon, remove, revert, save,
  };
});

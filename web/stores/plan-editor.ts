// The zone being drawn or edited: a new polygon, a proposal taken into the editor, or a new
// version of an existing zone (which remembers the version it started from, for the 409 check).
// Saving sends POST /zones or PUT /zones/{id}; the server checks the geometry (self-intersection,
// too many vertices, outside the district) and its 422 reason is kept here for the save button.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { apiSend } from '../api.ts';
import type { Provenance, ZoneFeature, ZoneGeometry } from './plan-types.ts';

export type EditorMode = 'idle' | 'drawing' | 'editing';
export type EditTarget =
  | { type: 'new' }
  | { type: 'proposal'; key: string; provenance: Provenance[] }
  | { type: 'zone'; zoneId: number; baseVersion: number };

export const NAME_MAX = 100;
export const REASON_MAX = 500;

/** Whether terra-draw can edit the shape: one outer ring and no holes (it draws simple polygons). */
export const mapEditable = (g: ZoneGeometry | null): boolean => g?.type === 'Polygon' && g.coordinates.length === 1;

export const usePlanEditor = defineStore('planEditor', () => {
  const mode = ref<EditorMode>('idle');
  const target = shallowRef<EditTarget>({ type: 'new' });
  const geometry = shallowRef<ZoneGeometry | null>(null);
  /** False while the ring is still being drawn: impact may be shown, saving may not. */
  const closed = ref(false);
  const name = ref('');
  const kind = ref('');
  /** A published zone changes kind only through downgrade/upgrade (commander, with a reason), never by an edit. */
  const kindLocked = ref(false);
  const reason = ref('');
  const saving = ref(false);
  const error = shallowRef<unknown>(null);
  /** Bumped when a geometry comes from outside (a zone, a proposal): the map loads it into terra-draw. */
  const loadSeq = ref(0);

  const active = computed(() => mode.value !== 'idle');
  const needsReason = computed(() => target.value.type === 'zone');
  const canSave = computed(() => closed.value && geometry.value !== null && name.value.trim() !== '' && kind.value !== ''
    && name.value.trim().length <= NAME_MAX && (!needsReason.value || reason.value.trim() !== '') && !saving.value);

  function reset(): void {
    mode.value = 'idle';
    target.value = { type: 'new' };
    geometry.value = null;
    closed.value = false;
    name.value = reason.value = '';
    kindLocked.value = false;
    error.value = null;
  }

  function startDraw(defaultKind: string): void {
    reset();
    kind.value = defaultKind;
    mode.value = 'drawing';
    loadSeq.value++;
  }

  /** From the map: the polygon as drawn so far (`done` once its ring is closed) or after an edit. */
  function setGeometry(g: ZoneGeometry | null, done: boolean): void {
    geometry.value = g;
    closed.value = done && g !== null;
    if (done && mode.value === 'drawing') mode.value = 'editing';
    error.value = null;
  }

  function load(next: EditTarget, g: ZoneGeometry, zoneName: string, zoneKind: string): void {
    reset();
    target.value = next;
    geometry.value = g;
    closed.value = true;
    name.value = zoneName;
    kind.value = zoneKind;
    mode.value = 'editing';
    loadSeq.value++;
  }

  function editZone(z: ZoneFeature): void {
    load({ type: 'zone', zoneId: z.properties.zoneId, baseVersion: z.properties.version }, z.geometry, z.properties.name, z.properties.kind);
    kindLocked.value = z.properties.status !== 'proposed';
  }

  /** POST or PUT; resolves to the zone id saved, or null when refused (the reason is in `error`). */
  async function save(): Promise<number | null> {
    const g = geometry.value;
    if (!g || !canSave.value) return null;
    saving.value = true;
    error.value = null;
    const t = target.value;
    const text = reason.value.trim();
    try {
      if (t.type === 'zone') {
        await apiSend('PUT', `/api/v1/zones/${t.zoneId}`, { baseVersion: t.baseVersion, name: name.value.trim(), kind: kind.value, geometry: g, reason: text });
        reset();
        return t.zoneId;
      }
      const body = { name: name.value.trim(), kind: kind.value, geometry: g, source: t.type === 'proposal' ? 'proposal' : 'drawn',
        ...(t.type === 'proposal' ? { proposalKey: t.key, justification: t.provenance } : {}), ...(text ? { reason: text } : {}) };
      const created = await apiSend<{ id: number }>('POST', '/api/v1/zones', body);
      reset();
      return created.id;
    } catch (err) {
      error.value = err;
      return null;
    } finally {
      saving.value = false;
    }
  }

  return { mode, target, geometry, closed, name, kind, kindLocked, reason, saving, error, loadSeq, active, needsReason, canSave,
    reset, startDraw, setGeometry, load, editZone, save };
});

// The person opened on /cases (GET /people/{id}, an audited read on the server): masked person,
// exposures, contacts both ways, loop steps and room. Also the case officer's "new contact of this
// person" (POST /people/{id}/contacts): the server computes the quarantine and test schedule from
// the incident's rule profile and answers with it, which the form then shows.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { apiGet, apiSend, isAbort } from '../api.ts';
import type { CreatedContact, Exposure, NewContact, PersonDetail } from './cases-types.ts';

/** Exposures oldest first: the order of the trajectory on the map and in the list. */
export function chronological(exposures: readonly Exposure[]): Exposure[] {
  return [...exposures].sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id - b.id);
}

/** The bounds of a person's home and exposure places, for the map to fit; null without any point. */
export function detailBounds(d: PersonDetail | null): [number, number, number, number] | null {
  if (!d) return null;
  const points = [d.geometry?.coordinates ?? null, ...d.exposures.map((e) => e.point)].flatMap((p) => (p ? [p] : []));
  if (points.length === 0) return null;
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

export const useCasesPerson = defineStore('casesPerson', () => {
  const id = ref<number | null>(null);
  const detail = shallowRef<PersonDetail | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const saving = ref(false);
  const created = shallowRef<CreatedContact | null>(null);
  let controller: AbortController | null = null;

  const exposures = computed(() => chronological(detail.value?.exposures ?? []));
  const bounds = computed(() => detailBounds(detail.value));

  /** Opens a person (null closes). A quick second click aborts the first request. */
  async function open(next: number | null): Promise<void> {
    controller?.abort();
    if (next !== id.value) created.value = null;
    id.value = next;
    error.value = null;
    if (next === null) { detail.value = null; loading.value = false; return; }
    if (detail.value?.id !== next) detail.value = null;
    const mine = (controller = new AbortController());
    loading.value = true;
    try {
      const d = await apiGet<PersonDetail>(`/api/v1/people/${next}`, { signal: mine.signal });
      if (id.value === next) detail.value = d;
    } catch (err) {
      if (!isAbort(err)) error.value = err;
    } finally {
      if (controller === mine) loading.value = false;
    }
  }

  /** Persons whose change shows in the open file: the person and everyone linked as a contact. */
  const shownPersons = computed(() => (detail.value ? [detail.value.id, ...detail.value.contacts.map((c) => c.person.id)] : []));

  /** The live stream says the open person (or a contact of theirs) changed: fetch the file again
   * without blanking it; a failure keeps it. Skipped while a contact is being saved (it reloads). */
  async function refresh(): Promise<void> {
    const open = id.value;
    if (open === null || detail.value?.id !== open || saving.value || loading.value) return;
    try {
      const d = await apiGet<PersonDetail>(`/api/v1/people/${open}`);
      if (id.value === open && !loading.value) detail.value = d;
    } catch { /* kept: the next change or reconnect tries again */ }
  }

  /** Creates a contact of the open person; the answer (with its schedule) is kept in `created`.
   * Throws the ApiError on refusal so the form can show the server's message by its field. */
  async function addContact(body: NewContact): Promise<CreatedContact> {
    const from = id.value;
    if (from === null) throw new Error('no person is open');
    saving.value = true;
    try {
      const answer = await apiSend<CreatedContact>('POST', `/api/v1/people/${from}/contacts`, body);
      created.value = answer;
      if (id.value === from) await open(from); // the new contact joins the list (same id: `created` stays)
      return answer;
    } finally {
      saving.value = false;
    }
  }

  const clearCreated = () => { created.value = null; };

  return { id, detail, loading, error, saving, created, exposures, bounds, shownPersons, open, refresh, addContact, clearCreated };
});

// Zones proposed from the cases by the incident's profile (POST /zones/proposals; nothing is
// stored until one is accepted). Accepting sends the proposal as it is (POST /zones with source
// 'proposal', its key and provenance); "edit first" hands it to the editor instead.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { apiSend } from '../api.ts';
import type { ProposalAnswer, ProposalFeature } from './plan-types.ts';

/**
 * The day proposals are drawn for unless the planner picks another: the latest case report up
 * to today. Proposals only count cases whose zones would still stand, so a quiet today proposes
 * nothing; the outbreak's last report day is where a planner starts (and the demo's cases end
 * in June 2022).
 */
export function defaultAsOf(reportDates: readonly (string | null | undefined)[], today: string): string {
  let latest: string | null = null;
  for (const d of reportDates) if (d && /^\d{4}-\d{2}-\d{2}$/.test(d) && d <= today && (!latest || d > latest)) latest = d;
  return latest ?? today;
}

export const usePlanProposals = defineStore('planProposals', () => {
  const answer = shallowRef<ProposalAnswer | null>(null);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);
  const selectedKey = ref<string | null>(null);
  /** Proposals accepted in this session: the list marks them and will not send them twice. */
  const accepted = ref<Record<string, number>>({});
  const busyKey = ref<string | null>(null);
  /** The day the answer on screen was drawn for, and which request is the newest. */
  let lastAt: string | undefined;
  let seq = 0;

  const items = computed<ProposalFeature[]>(() => answer.value?.features ?? []);
  const selected = computed(() => items.value.find((f) => f.properties.key === selectedKey.value) ?? null);

  async function generate(at?: string): Promise<void> {
    const mine = ++seq;
    lastAt = at;
    loading.value = true;
    error.value = null;
    try {
      const next = await apiSend<ProposalAnswer>('POST', '/api/v1/zones/proposals', at ? { at } : {});
      if (mine !== seq) return;
      answer.value = next;
      accepted.value = {};
      selectedKey.value = null;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  /** Stores the proposal as a 'proposed' zone; resolves to its new id, or null when refused. */
  async function accept(p: ProposalFeature): Promise<number | null> {
    const { key, kind, name, provenance } = p.properties;
    if (accepted.value[key] !== undefined) return accepted.value[key];
    busyKey.value = key;
    error.value = null;
    try {
      const created = await apiSend<{ id: number }>('POST', '/api/v1/zones',
        { name, kind, geometry: p.geometry, source: 'proposal', proposalKey: key, justification: provenance });
      accepted.value = { ...accepted.value, [key]: created.id };
      return created.id;
    } catch (err) {
      error.value = err;
      return null;
    } finally {
      busyKey.value = null;
    }
  }

  /** The live stream says cases or zones changed: draw the proposals on screen again for the same
   * day, keeping the selection and the accepted marks; a failure keeps the list as it is. */
  async function refresh(): Promise<void> {
    if (!answer.value || loading.value) return;
    const mine = ++seq;
    try {
      const next = await apiSend<ProposalAnswer>('POST', '/api/v1/zones/proposals', lastAt ? { at: lastAt } : {});
      if (mine !== seq || !answer.value) return;
      answer.value = next;
      if (selectedKey.value !== null && !next.features.some((f) => f.properties.key === selectedKey.value)) selectedKey.value = null;
    } catch { /* kept: the next change or reconnect tries again */ }
  }

  const select = (key: string | null) => { selectedKey.value = key; };
  const clear = () => { seq++; answer.value = null; selectedKey.value = null; accepted.value = {}; };

  return { answer, loading, error, selectedKey, accepted, busyKey, items, selected, generate, refresh, accept, select, clear };
});

// The incident the planner works on and its active rule profile (GET /incidents/{id}); the
// profile versions a commander may switch to (GET /profiles) and the audited switch itself
// (PUT /incidents/{id}/profile with a reason). Zone kinds, labels and colours come from here.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { apiGet, apiSend } from '../api.ts';
import type { Incident, KindInfo, ProfileSummary } from './plan-types.ts';

/** The demo's one incident; a later issue lets the page choose among several. */
export const DEFAULT_INCIDENT_ID = 1;

export const usePlanIncident = defineStore('planIncident', () => {
  const incident = shallowRef<Incident | null>(null);
  const profiles = shallowRef<ProfileSummary[]>([]);
  const error = shallowRef<unknown>(null);
  const saving = ref(false);

  const profile = computed(() => incident.value?.profile ?? null);
  /** Zone kinds strictest first, as the lists and the legend show them. */
  const kinds = computed(() => {
    const p = profile.value;
    if (!p) return [] as string[];
    return [...p.zoneKinds].sort((a, b) => (p.zones[b]?.rank ?? 0) - (p.zones[a]?.rank ?? 0));
  });
  const kindInfo = (kind: string): KindInfo | undefined => profile.value?.zones[kind];

  async function load(id = DEFAULT_INCIDENT_ID): Promise<void> {
    error.value = null;
    try {
      incident.value = await apiGet<Incident>(`/api/v1/incidents/${id}`);
    } catch (err) {
      error.value = err;
    }
  }

  async function loadProfiles(): Promise<void> {
    profiles.value = (await apiGet<{ items: ProfileSummary[] }>('/api/v1/profiles')).items;
  }

  /** Switches the incident's profile; the server audits it with the reason. Throws on refusal. */
  async function changeProfile(profileId: number, reason: string): Promise<void> {
    const id = incident.value?.id ?? DEFAULT_INCIDENT_ID;
    saving.value = true;
    try {
      incident.value = await apiSend<Incident>('PUT', `/api/v1/incidents/${id}/profile`, { profileId, reason });
    } finally {
      saving.value = false;
    }
  }

  return { incident, profiles, error, saving, profile, kinds, kindInfo, load, loadProfiles, changeProfile };
});

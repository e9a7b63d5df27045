// Teams as the administrator sees them (GET/POST /teams). The areas of the selected team are
// edited in team-areas.ts; a save there hands the updated Team back through `replace`.
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { apiGet, apiSend } from '../api.ts';
import type { Team, TeamKind } from './admin-types.ts';

export const useAdminTeams = defineStore('adminTeams', () => {
  const teams = shallowRef<Team[]>([]);
  const loading = ref(false);
  const error = shallowRef<unknown>(null);

  const byId = computed(() => new Map(teams.value.map((t) => [t.id, t])));

  async function load(): Promise<void> {
    loading.value = true;
    error.value = null;
    try {
      teams.value = (await apiGet<{ items: Team[] }>('/api/v1/teams')).items;
    } catch (err) {
      error.value = err;
    } finally {
      loading.value = false;
    }
  }

  function replace(team: Team): void {
    const exists = teams.value.some((t) => t.id === team.id);
    teams.value = exists ? teams.value.map((t) => (t.id === team.id ? team : t)) : [...teams.value, team];
  }

  async function create(name: string, kind: TeamKind): Promise<Team> {
    const team = await apiSend<Team>('POST', '/api/v1/teams', { name, kind });
    replace(team);
    return team;
  }

  return { teams, loading, error, byId, load, replace, create };
});

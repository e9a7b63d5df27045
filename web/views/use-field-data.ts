// What the field page keeps fresh: the team's areas, its open tasks, the task on screen and any
// map layer that failed — loaded on arrival, again when the network returns or an outbox update
// is delivered, and live (issue 6): a task change refetches the tasks, a change of the team (its
// areas redrawn) the areas, and the map layers follow their own changes (use-live-layers.ts; the
// server scopes them to the team's areas, so the stream carries only those). While the stream is
// not open (a proxy that buffers it, a phone asleep) the list is still fetched every two minutes.
// Also the tasks as map features, with the phone's unsent statuses.
import { computed, onBeforeUnmount, onMounted, watch, type Ref } from 'vue';
import type { LayerId } from '../../domain/layers.ts';
import { onLiveChange } from '../live/on-live-change.ts';
import { useLive } from '../stores/live.ts';
import { useLayerDataStore } from '../stores/layer-data.ts';
import { useMyTeam } from '../stores/my-team.ts';
import { useOutbox } from '../stores/outbox.ts';
import { useSession } from '../stores/session.ts';
import { effectiveStatus, taskFeatures } from '../stores/task-model.ts';
import { useTasks } from '../stores/tasks.ts';
import { useLiveLayers } from './use-live-layers.ts';

const REFRESH_MS = 120_000; // without the stream, new tasks still show up within two minutes

export function useFieldData(taskId: Ref<number | null>, selectedId: Ref<number | null>, online: Ref<boolean>, now: Ref<number>) {
  const session = useSession();
  const tasks = useTasks();
  const team = useMyTeam();
  const outbox = useOutbox();
  const layerData = useLayerDataStore();
  const live = useLive();

  function refresh(): void {
    const teamId = session.me?.user.teamId;
    if (teamId != null && !team.areas) void team.load(teamId);
    void tasks.loadList();
    if (taskId.value !== null) void tasks.loadDetail(taskId.value);
    for (const layer of Object.keys(layerData.errors) as LayerId[]) void layerData.retry(layer); // lost on a weak network
  }

  // The open tasks, plus the one on screen even once it is done (so "show on map" finds it).
  const mapTasks = computed(() => {
    if (!tasks.loaded) return null;
    const d = tasks.detail;
    const shown = d && !tasks.items.some((x) => x.id === d.id) ? [...tasks.items, d] : tasks.items;
    return taskFeatures(shown.map((x) => ({ ...x, status: effectiveStatus(x, outbox.items) })), now.value, selectedId.value);
  });

  onLiveChange(['tasks'], () => Promise.all([tasks.loadList(), taskId.value !== null ? tasks.loadDetail(taskId.value) : undefined]));
  onLiveChange(['teams'], () => {
    const teamId = session.me?.user.teamId;
    return teamId != null ? team.load(teamId) : undefined; // new areas: FieldMap refits and refetches its base map
  });
  useLiveLayers();

  watch(taskId, (id) => { if (id !== null) void tasks.loadDetail(id); });
  watch(online, (on) => { if (on) refresh(); });

  let stopSent: (() => void) | null = null;
  let timer: ReturnType<typeof setInterval> | undefined;
  onMounted(() => {
    if (session.me) outbox.start(session.me.user.id);
    // A delivered update shows at once, then the server's view replaces it (a done task leaves the list).
    stopSent = outbox.onSent((u) => { tasks.applySent(u); refresh(); });
    refresh();
    timer = setInterval(() => { if (online.value && live.status !== 'open') void tasks.loadList(); }, REFRESH_MS);
  });
  onBeforeUnmount(() => { stopSent?.(); clearInterval(timer); outbox.stop(); });

  return { refresh, mapTasks };
}

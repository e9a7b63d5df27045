// The signed-in team's tasks: the open list and the one task being looked at. Kept in memory so
// a failed refresh on a weak network leaves the last good list on screen (with the error).
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { ApiError, apiGet, isAbort } from '../api.ts';
import { sortByDue, type Task, type TaskDetail, type TaskUpdate } from './task-model.ts';

interface TaskPage { items: Task[]; next: string | null }
const LIST_URL = '/api/v1/tasks?status=open,inProgress';
const MAX_PAGES = 20; // a team has tens of tasks; this only stops a runaway cursor

const asApiError = (err: unknown): ApiError => err instanceof ApiError ? err
  : new ApiError({ type: 'about:blank', title: String(err), status: 0, code: 'network' });

export const useTasks = defineStore('tasks', () => {
  const items = shallowRef<Task[]>([]);
  const loaded = shallowRef(false);
  const listError = shallowRef<ApiError | null>(null);
  const detail = shallowRef<TaskDetail | null>(null);
  const detailError = shallowRef<ApiError | null>(null);
  /** False while `detail` is only the list's copy (no updates fetched yet). */
  const historyLoaded = shallowRef(false);

  async function loadList(): Promise<void> {
    try {
      const all: Task[] = [];
      let url: string | null = LIST_URL;
      for (let page = 0; url && page < MAX_PAGES; page++) {
        const body: TaskPage = await apiGet<TaskPage>(url);
        all.push(...body.items);
        url = !body.next ? null : body.next.startsWith('/') ? body.next : `${LIST_URL}&cursor=${encodeURIComponent(body.next)}`;
      }
      items.value = all;
      loaded.value = true;
      listError.value = null;
    } catch (err) {
      if (!isAbort(err)) listError.value = asApiError(err);
    }
  }

  async function loadDetail(id: number): Promise<void> {
    if (detail.value?.id !== id) {
      const known = items.value.find((t) => t.id === id);
      detail.value = known ? { ...known, updates: [] } : null; // show what the list knows at once
      historyLoaded.value = false;
    }
    try {
      detail.value = await apiGet<TaskDetail>(`/api/v1/tasks/${id}`);
      historyLoaded.value = true;
      detailError.value = null;
    } catch (err) {
      if (!isAbort(err)) detailError.value = asApiError(err);
    }
  }

  /** The outbox delivered an update: show it at once, then refresh from the server. */
  function applySent(update: TaskUpdate): void {
    const d = detail.value;
    if (d && d.id === update.taskId && !d.updates.some((u) => u.clientId === update.clientId)) {
      detail.value = { ...d, status: update.status, updates: [...d.updates, update] };
    }
    items.value = items.value.map((t) => (t.id === update.taskId ? { ...t, status: update.status } : t));
  }

  const sorted = computed(() => sortByDue(items.value));
  return { items, sorted, loaded, listError, detail, detailError, historyLoaded, loadList, loadDetail, applySent };
});

// The field phone's outbox: task updates are written to localStorage first and POSTed from there,
// in order, whenever the network allows (now, on the browser's `online` event, or by a backoff
// timer). One queue per user, so a shared phone never sends one user's report under another's
// session. The queue rules live in outbox-queue.ts; this store adds storage, timers and the API.
import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { ApiError, apiSend } from '../api.ts';
import { serverNowMs } from '../server-clock.ts';
import {
  classifyFailure, clearDropped, drain, EMPTY_OUTBOX, enqueue, parseOutbox, wake,
  type OutboxItem, type OutboxState, type SendOutcome, type TaskUpdateStatus,
} from './outbox-queue.ts';
import { useSession } from './session.ts';
import type { TaskUpdate } from './task-model.ts';

/** A POST that has not answered in this long is given up and retried (weak networks hang). */
export const SEND_TIMEOUT_MS = 20_000;
const storageKey = (userId: number) => `shouwang.outbox.v1.u${userId}`;
const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;

export const useOutbox = defineStore('outbox', () => {
  const state = shallowRef<OutboxState>(EMPTY_OUTBOX);
  const sending = shallowRef(false);
  let userId: number | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let again = false;
  /** A 401 came back: nothing is sent until `start` runs again after the next login. */
  let held = false;
  const sentListeners = new Set<(u: TaskUpdate) => void>();

  function write(next: OutboxState): void {
    state.value = next;
    if (userId === null) return;
    try { localStorage.setItem(storageKey(userId), JSON.stringify(next)); } catch { /* full or blocked: kept in memory */ }
  }

  async function send(item: OutboxItem): Promise<SendOutcome> {
    const body = { clientId: item.clientId, status: item.status, at: item.at, ...(item.note ? { note: item.note } : {}) };
    try {
      const update = await apiSend<TaskUpdate>('POST', `/api/v1/tasks/${item.taskId}/updates`, body,
        { signal: AbortSignal.timeout(SEND_TIMEOUT_MS) });
      for (const listener of sentListeners) listener(update);
      return { kind: 'sent' };
    } catch (err) {
      if (!(err instanceof ApiError)) return { kind: 'retry' }; // timeout/abort: the answer never came
      const fallback = err.localized ?? { 'zh-CN': err.message, en: err.message };
      const outcome = classifyFailure(err.status, err.code, fallback, err.retryAfterSeconds);
      if (outcome.kind === 'hold') held = true;
      if (err.code === 'csrf_failed') await useSession().refresh().catch(() => undefined);
      return outcome;
    }
  }

  function schedule(): void {
    if (timer) clearTimeout(timer);
    timer = null;
    const head = state.value.items[0];
    if (!head || userId === null || held) return;
    timer = setTimeout(() => void flush(), Math.max(0, head.nextAttemptAtMs - Date.now()));
  }

  /** Sends what is due. Concurrent calls fold into one more pass after the current one. */
  async function flush(): Promise<void> {
    if (userId === null || held) return;
    if (sending.value) { again = true; return; }
    if (!online()) return; // the `online` event calls us back
    sending.value = true;
    try {
      do {
        again = false;
        await drain(() => state.value, write, send, Date.now);
      } while (again && online() && !held);
    } finally {
      sending.value = false;
      schedule();
    }
  }

  function onOnline(): void {
    write(wake(state.value));
    void flush();
  }
  // Phones throttle timers in background tabs: try again as soon as the user looks at the page.
  const onVisible = () => { if (document.visibilityState === 'visible') onOnline(); };

  /** Loads this user's queue and starts sending it. */
  function start(forUserId: number): void {
    held = false;
    if (userId === forUserId) { void flush(); return; }
    stop();
    userId = forUserId;
    let saved: string | null = null;
    try { saved = localStorage.getItem(storageKey(forUserId)); } catch { /* blocked storage: start empty */ }
    state.value = parseOutbox(saved);
    if (typeof window !== 'undefined') {
      window.addEventListener('online', onOnline);
      document.addEventListener('visibilitychange', onVisible);
    }
    void flush();
  }

  /** Stops timers and listeners (logout, leaving the field view); the stored queue stays. */
  function stop(): void {
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', onOnline);
      document.removeEventListener('visibilitychange', onVisible);
    }
    if (timer) clearTimeout(timer);
    timer = null;
    userId = null;
    state.value = EMPTY_OUTBOX;
  }

  /** Queues a status update for a task and tries to send it at once. Returns its clientId. */
  function add(taskId: number, status: TaskUpdateStatus, note: string, nowMs = serverNowMs()): string {
    const clientId = crypto.randomUUID();
    write(enqueue(state.value, { clientId, taskId, status, note: note.trim(), at: new Date(nowMs).toISOString() }));
    void flush();
    return clientId;
  }

  /** Called with the server's TaskUpdate each time a queued item is accepted. */
  function onSent(listener: (u: TaskUpdate) => void): () => void {
    sentListeners.add(listener);
    return () => sentListeners.delete(listener);
  }

  const items = computed(() => state.value.items);
  const dropped = computed(() => state.value.dropped);
  const dismissDropped = () => write(clearDropped(state.value));
  return { items, dropped, sending, start, stop, add, flush, onSent, dismissDropped };
});

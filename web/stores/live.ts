// The live stream as the app sees it (issue 6 item 1): whether it is open, the server time of the
// last frame ("data as of"), and the change events views refetch on (web/live/on-live-change.ts).
// App.vue starts it once signed in and stops it on sign-out. The connection itself is the
// LiveClient's; this store holds its state reactively and adds the browser glue: the EventSource,
// the `online` event, and the session check when the server says the session ended (bye) or
// refuses the stream (the router then sends the user to /login).
import { defineStore } from 'pinia';
import { ref } from 'vue';
import type { LiveEvent, LiveStatus } from '../live/frames.ts';
import { LiveClient, type EventSourceLike, type LiveSnapshot } from '../live/live-client.ts';
import { DEFAULT_HEARTBEAT_MS } from '../live/timing.ts';
import { useSession } from './session.ts';

export type LiveListener = (e: LiveEvent) => void;

export const useLive = defineStore('live', () => {
  const status = ref<LiveStatus>('idle');
  const asOf = ref<string | null>(null);
  const lastFrameAt = ref<number | null>(null);
  const head = ref<number | null>(null);
  const heartbeatMs = ref(DEFAULT_HEARTBEAT_MS);
  const listeners = new Set<LiveListener>();
  let client: LiveClient | null = null;

  function adopt(s: LiveSnapshot): void {
    status.value = s.status;
    asOf.value = s.asOf;
    lastFrameAt.value = s.lastFrameAt;
    head.value = s.head;
    heartbeatMs.value = s.heartbeatMs;
  }

  function dispatch(e: LiveEvent): void {
    for (const listener of [...listeners]) {
      try { listener(e); } catch (err) { console.warn('live listener failed', err); }
    }
  }

  /** Asks the server whether the session still exists: a 401 routes to /login (router.ts). */
  async function sessionAlive(): Promise<boolean> {
    return (await useSession().refresh().catch(() => null)) !== null;
  }

  async function onBye(): Promise<void> {
    // The stream only says bye when the session ended; should the session answer otherwise
    // (a race with a new sign-in), the stream picks up where it stopped.
    if (await sessionAlive()) client?.reconnect();
  }

  const onOnline = () => client?.reconnect();

  function start(): void {
    if (client) return;
    const Source = (globalThis as { EventSource?: new (url: string) => EventSourceLike }).EventSource;
    if (!Source) { status.value = 'down'; return; } // no EventSource: the views still load, never live
    client = new LiveClient(
      { state: adopt, event: dispatch, bye: () => void onBye(), closed: () => void sessionAlive() },
      { open: (url) => new Source(url) },
    );
    if (typeof window !== 'undefined') window.addEventListener('online', onOnline);
    client.start();
  }

  function stop(): void {
    if (typeof window !== 'undefined') window.removeEventListener('online', onOnline);
    client?.stop();
    client = null;
    adopt({ status: 'idle', asOf: null, lastFrameAt: null, head: null, lastEventId: null, heartbeatMs: DEFAULT_HEARTBEAT_MS });
  }

  /** Hears every change, reset and resync; returns the unsubscribe. Views use onLiveChange. */
  function subscribe(listener: LiveListener): () => void {
    listeners.add(listener);
    return () => { listeners.delete(listener); };
  }

  return { status, asOf, lastFrameAt, head, heartbeatMs, start, stop, subscribe };
});

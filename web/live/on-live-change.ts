// How a view stays current without a reload: `onLiveChange(['zones'], () => zones.load())` calls
// the refresh when a change of one of those resources arrives on the live stream, on a `reset`
// (the server could not replay what was missed), and after a reconnect that followed a drop.
// Trailing debounce (300 ms): an import that emits cases, contacts and loops, or a burst of
// edits, costs one refetch. A steady stream of events (the bench's 10/s) would keep a pure
// trailing debounce waiting forever, so a refresh is also due `maxWaitMs` after the first event
// it covers. A refresh still running when the next is due is not doubled: one more follows it.
// Call inside a component's setup or a Pinia setup store; it unsubscribes when that scope ends.
import { getCurrentScope, onScopeDispose } from 'vue';
import type { Resource } from '../../domain/auth/policy.ts';
import { useLive } from '../stores/live.ts';
import type { LiveChange, LiveEvent } from './frames.ts';

export const LIVE_DEBOUNCE_MS = 300;
export const LIVE_MAX_WAIT_MS = 1_500;

export interface OnLiveChangeOptions {
  debounceMs?: number;
  maxWaitMs?: number;
  /** Narrows the changes that count, e.g. to the ids on screen (resets and resyncs always count). */
  match?: (change: LiveChange) => boolean;
}

export function onLiveChange(resources: readonly Resource[], refresh: () => unknown, opts: OnLiveChangeOptions = {}): () => void {
  const wanted = new Set<string>(resources);
  const debounceMs = opts.debounceMs ?? LIVE_DEBOUNCE_MS;
  const maxWaitMs = Math.max(debounceMs, opts.maxWaitMs ?? LIVE_MAX_WAIT_MS);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let firstAt: number | null = null;
  let running = false;
  let again = false;
  let stopped = false;

  async function run(): Promise<void> {
    timer = undefined;
    firstAt = null;
    if (stopped) return;
    if (running) { again = true; return; }
    running = true;
    try {
      await refresh();
    } catch (err) {
      console.warn('live refresh failed', err); // the old data stays; the next event tries again
    } finally {
      running = false;
      if (again && !stopped) { again = false; void run(); }
    }
  }

  function schedule(): void {
    const now = Date.now();
    firstAt ??= now;
    clearTimeout(timer);
    timer = setTimeout(() => void run(), Math.max(0, Math.min(debounceMs, firstAt + maxWaitMs - now)));
  }

  const listener = (e: LiveEvent) => {
    if (e.type === 'change' && (!wanted.has(e.change.resource) || (opts.match && !opts.match(e.change)))) return;
    schedule();
  };
  const unsubscribe = useLive().subscribe(listener);

  function stop(): void {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  }
  if (getCurrentScope()) onScopeDispose(stop);
  return stop;
}

/** A `match` for changes that name one of `ids()` (or no ids: "many"). */
export const touchesIds = (ids: () => readonly number[]) => (change: LiveChange): boolean =>
  change.ids === null || change.ids.some((id) => ids().includes(id));

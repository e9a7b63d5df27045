// The field phone's outbox, as pure data-in/data-out functions: task updates waiting to be POSTed.
// The server treats a repeated `clientId` as the same update (contract: POST /tasks/{id}/updates
// answers 200 with the stored one), so an item may be sent any number of times; what matters is
// that items leave in the order they were made and that none is lost. No clock, no storage here:
// the store passes `nowMs` in and persists what these functions return.
import type { LocalizedText } from '../api.ts';

export type TaskUpdateStatus = 'open' | 'inProgress' | 'done';

export interface OutboxItem {
  clientId: string;
  taskId: number;
  status: TaskUpdateStatus;
  note: string;
  /** When it happened on the phone (ISO), sent as `at`. */
  at: string;
  attempts: number;
  /** Epoch ms before which the item is not retried. */
  nextAttemptAtMs: number;
}

/** An item the server refused for good (4xx): kept only so the UI can tell the user. */
export interface DroppedItem extends OutboxItem { code: string; message: LocalizedText }

export interface OutboxState {
  version: 1;
  items: OutboxItem[];
  dropped: DroppedItem[];
}

/** What one POST attempt came to. `retryAfterSeconds` comes from a 429/503 when known. */
export type SendOutcome =
  | { kind: 'sent' }
  | { kind: 'retry'; retryAfterSeconds?: number }
  | { kind: 'hold' }
  | { kind: 'drop'; code: string; message: LocalizedText };

export const EMPTY_OUTBOX: OutboxState = { version: 1, items: [], dropped: [] };
export const BACKOFF_BASE_MS = 2_000;
export const BACKOFF_MAX_MS = 60_000;
const DROPPED_KEPT = 20;

/**
 * Sorts a failed POST: no answer or 5xx → retry later; 401 → hold (the session ended: keep the
 * item until the user logs in again); 429 → retry after the server's delay; any other 4xx →
 * drop (resending the same body cannot succeed).
 */
export function classifyFailure(status: number, code: string, message: LocalizedText, retryAfterSeconds?: number): SendOutcome {
  if (status === 0 || status >= 500 || status === 408) return { kind: 'retry', retryAfterSeconds };
  if (status === 401) return { kind: 'hold' };
  // A stale anti-forgery token (the user signed in again in another tab): the store fetches the
  // current one and the same report goes again — dropping it would lose a field update.
  if (status === 403 && code === 'csrf_failed') return { kind: 'retry' };
  if (status === 429) return { kind: 'retry', retryAfterSeconds };
  return { kind: 'drop', code, message };
}

/** Exponential backoff: 2 s, 4 s, 8 s … capped at 60 s; `attempts` counts failures so far (≥ 1). */
export function backoffMs(attempts: number): number {
  return Math.min(BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1), BACKOFF_MAX_MS);
}

/** Appends an item; a clientId already queued is ignored (a double tap must not send twice). */
export function enqueue(state: OutboxState, item: Omit<OutboxItem, 'attempts' | 'nextAttemptAtMs'>): OutboxState {
  if (state.items.some((i) => i.clientId === item.clientId)) return state;
  return { ...state, items: [...state.items, { ...item, attempts: 0, nextAttemptAtMs: 0 }] };
}

/** The next item to send, if its backoff has passed. Only the head is ever sent: order matters. */
export function due(state: OutboxState, nowMs: number): OutboxItem | null {
  const head = state.items[0];
  return head && head.nextAttemptAtMs <= nowMs ? head : null;
}

/** Applies the outcome of sending `clientId` at `nowMs`. */
export function settle(state: OutboxState, clientId: string, outcome: SendOutcome, nowMs: number): OutboxState {
  const item = state.items.find((i) => i.clientId === clientId);
  if (!item) return state;
  const rest = state.items.filter((i) => i.clientId !== clientId);
  switch (outcome.kind) {
    case 'sent':
      return { ...state, items: rest };
    case 'drop':
      return { ...state, items: rest,
        dropped: [...state.dropped, { ...item, code: outcome.code, message: outcome.message }].slice(-DROPPED_KEPT) };
    case 'hold':
      return state;
    case 'retry': {
      const attempts = item.attempts + 1;
      const waitMs = Math.max(backoffMs(attempts), (outcome.retryAfterSeconds ?? 0) * 1000);
      const next = { ...item, attempts, nextAttemptAtMs: nowMs + waitMs };
      return { ...state, items: state.items.map((i) => (i.clientId === clientId ? next : i)) };
    }
  }
}

/** The network came back: try the head now instead of waiting out its backoff. */
export function wake(state: OutboxState): OutboxState {
  const [head, ...rest] = state.items;
  if (!head || head.nextAttemptAtMs === 0) return state;
  return { ...state, items: [{ ...head, nextAttemptAtMs: 0 }, ...rest] };
}

/** The user read the dropped items' errors. */
export const clearDropped = (state: OutboxState): OutboxState => ({ ...state, dropped: [] });

/**
 * Sends due items one at a time, in order, until the queue is empty, the head must wait (retry or
 * hold) or has been tried already in this run. State is read and written through `read`/`write`
 * around every await, so items enqueued meanwhile are kept and a reload mid-way loses nothing.
 */
export async function drain(read: () => OutboxState, write: (s: OutboxState) => void,
  send: (item: OutboxItem) => Promise<SendOutcome>, now: () => number): Promise<void> {
  const tried = new Set<string>();
  for (let item = due(read(), now()); item && !tried.has(item.clientId); item = due(read(), now())) {
    tried.add(item.clientId);
    const outcome = await send(item);
    write(settle(read(), item.clientId, outcome, now()));
    if (outcome.kind === 'retry' || outcome.kind === 'hold') return;
  }
}

/** Reads the persisted form; anything unreadable or of another version starts empty. */
export function parseOutbox(text: string | null): OutboxState {
  if (!text) return EMPTY_OUTBOX;
  try {
    const v = JSON.parse(text) as Partial<OutboxState>;
    if (v?.version !== 1 || !Array.isArray(v.items)) return EMPTY_OUTBOX;
    return { version: 1, items: v.items.filter(isItem), dropped: Array.isArray(v.dropped) ? v.dropped : [] };
  } catch {
    return EMPTY_OUTBOX;
  }
}

const isItem = (i: unknown): i is OutboxItem => typeof i === 'object' && i !== null
  && typeof (i as OutboxItem).clientId === 'string' && typeof (i as OutboxItem).taskId === 'number';

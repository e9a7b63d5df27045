// Server-sent event frames as the contract of issue 6 spells them (WHATWG HTML §9.2 event stream:
// `field: value` lines, a blank line ends the event; a block with only `retry` dispatches nothing).
// Payloads are one-line JSON, so one `data:` line each. Change frames are encoded once per event
// and the same bytes are queued to every stream that may see them (fan-out without copies).

const utf8 = new TextEncoder();

export interface ChangeEvent { seq: number; at: string; resource: string; ids: number[] | null }

/** `retry: <ms>`: how long EventSource waits before it reconnects. */
export const retryFrame = (ms: number): Uint8Array => utf8.encode(`retry: ${ms}\n\n`);

function frame(event: string, data: unknown, id?: number): Uint8Array {
  return utf8.encode(`${id === undefined ? '' : `id: ${id}\n`}event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export const changeFrame = (e: ChangeEvent): Uint8Array =>
  frame('change', { seq: e.seq, resource: e.resource, ids: e.ids, at: e.at }, e.seq);
/** Sent after any replay (or reset): `id` = head, so a reconnect asks from here. */
export const helloFrame = (head: number, at: string, heartbeatMs: number): Uint8Array => frame('hello', { head, at, heartbeatMs }, head);
/** The asked-for id is gone (pruned), unknown (beyond head) or unreadable: the client refetches. */
export const resetFrame = (head: number): Uint8Array => frame('reset', { head }, head);
/** Heartbeat; no id, so it never moves the client's Last-Event-ID. */
export const pingFrame = (head: number, at: string): Uint8Array => frame('ping', { head, at });
/** The session ended (logout, expiry, account change): the client checks its session, no reconnect. */
export const byeFrame = (): Uint8Array => frame('bye', { reason: 'session_ended' });

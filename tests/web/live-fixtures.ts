// A fake EventSource for the live tests: it records its URL, lets a test send frames as the server
// would (event name, JSON data, optional `id:`), and fail the way browsers do — readyState
// CONNECTING when the browser will retry by itself, CLOSED when it gives up (an HTTP error).
import type { EventSourceLike } from '../../web/live/live-client.ts';

type Listener = (ev: MessageEvent<string>) => void;

export class FakeEventSource implements EventSourceLike {
  static all: FakeEventSource[] = [];
  static get last(): FakeEventSource { return FakeEventSource.all[FakeEventSource.all.length - 1]; }
  static reset(): void { FakeEventSource.all = []; }

  readyState = 0;
  onerror: ((ev: Event) => unknown) | null = null;
  closed = false;
  /** The browser's last event id: set by frames with an `id:` and kept across the others. */
  private lastId = '';
  private listeners = new Map<string, Listener[]>();

  constructor(readonly url: string) { FakeEventSource.all.push(this); }

  addEventListener(type: string, listener: Listener): void {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), listener]);
  }

  close(): void {
    this.readyState = 2;
    this.closed = true;
  }

  /** One frame: `event: type`, `data: JSON(data)`, and `id:` when given. */
  send(type: string, data: unknown, id?: number): void {
    this.readyState = 1;
    if (id !== undefined) this.lastId = String(id);
    const ev = { data: typeof data === 'string' ? data : JSON.stringify(data), lastEventId: this.lastId } as MessageEvent<string>;
    for (const l of this.listeners.get(type) ?? []) l(ev);
  }

  hello(head: number, heartbeatMs = 15_000, at = '2022-06-18T04:00:00.000Z'): void { this.send('hello', { head, at, heartbeatMs }, head); }
  change(seq: number, resource: string, ids: number[] | null = null, at = '2022-06-18T04:00:01.000Z'): void {
    this.send('change', { seq, resource, ids, at }, seq);
  }
  ping(head: number, at = '2022-06-18T04:00:15.000Z'): void { this.send('ping', { head, at }); }

  /** A network drop (`closed` false: the browser retries) or a refused connection (`closed` true). */
  fail(closed: boolean): void {
    this.readyState = closed ? 2 : 0;
    this.onerror?.({ type: 'error' } as Event);
  }
}

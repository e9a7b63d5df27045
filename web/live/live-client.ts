// The browser end of the live stream: one EventSource on GET /api/v1/live, the frames it carries
// turned into a state (status, asOf, head) and events (change / reset / resync) for the store.
// The EventSource reconnects by itself after a network drop (retry: 2000, Last-Event-ID header);
// when it gives up (CLOSED: an HTTP error such as 401 or 502) or falls silent for more than
// 2.5 heartbeats (a half-open connection the browser cannot see), this client opens a new one
// with `?lastEventId=` after a backoff of 1 s, 2 s, 4 s … 30 s, so the server replays what was
// missed. Everything it touches comes in through `deps`, so tests drive it with a fake source.
import { eventId, FRAME_TYPES, parseFrame, type FrameType, type LiveEvent, type LiveFrame, type LiveStatus } from './frames.ts';
import { backoffMs, DEFAULT_HEARTBEAT_MS, staleAfterMs } from './timing.ts';

export const LIVE_URL = '/api/v1/live';

/** The part of EventSource this client uses (readyState 0 connecting, 1 open, 2 closed). */
export interface EventSourceLike {
  readonly readyState: number;
  onerror: ((ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (ev: MessageEvent<string>) => void): void;
  close(): void;
}
const CLOSED = 2;

export interface LiveSnapshot {
  status: LiveStatus;
  /** Server-clock ISO time of the last hello, change or ping. */
  asOf: string | null;
  /** Local clock (ms) when the last frame arrived. */
  lastFrameAt: number | null;
  head: number | null;
  lastEventId: number | null;
  heartbeatMs: number;
}

export interface LiveHandlers {
  state(s: LiveSnapshot): void;
  event(e: LiveEvent): void;
  /** The server ended the stream because the session ended; the client waits for `reconnect()`. */
  bye(reason: string): void;
  /** The source ended CLOSED (an HTTP error): a chance to ask whether the session still exists. */
  closed(): void;
}

export interface LiveDeps {
  open: (url: string) => EventSourceLike;
  url?: string;
  nowMs?: () => number;
  random?: () => number;
}

export class LiveClient {
  private es: EventSourceLike | null = null;
  private started = false;
  private attempt = 0;
  /** Something broke since the last hello: the next hello is a resync. */
  private dropped = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;
  private s: LiveSnapshot = LiveClient.initial();

  constructor(private readonly handlers: LiveHandlers, private readonly deps: LiveDeps) {}

  private static initial(): LiveSnapshot {
    return { status: 'idle', asOf: null, lastFrameAt: null, head: null, lastEventId: null, heartbeatMs: DEFAULT_HEARTBEAT_MS };
  }

  get snapshot(): LiveSnapshot { return { ...this.s }; }

  start(): void {
    if (this.started) return;
    this.started = true;
    this.s = LiveClient.initial();
    this.set({ status: 'connecting' });
    this.connect();
  }

  stop(): void {
    this.started = false;
    this.teardown();
    this.attempt = 0;
    this.dropped = false;
    this.s = LiveClient.initial();
    this.handlers.state(this.snapshot);
  }

  /** Try now instead of waiting out the backoff (the browser says it is online again). */
  reconnect(): void {
    if (!this.started || this.s.status === 'open' || this.s.status === 'connecting') return;
    this.dropped = true;
    this.connect();
  }

  private url(): string {
    const base = this.deps.url ?? LIVE_URL;
    return this.s.lastEventId === null ? base : `${base}?lastEventId=${this.s.lastEventId}`;
  }

  private connect(): void {
    this.teardown();
    const es = this.deps.open(this.url());
    this.es = es;
    for (const type of FRAME_TYPES) es.addEventListener(type, (ev) => { if (this.es === es) this.onFrame(type, ev); });
    es.onerror = () => { if (this.es === es) this.onError(es); };
    this.armStale();
  }

  private teardown(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.staleTimer);
    this.es?.close();
    this.es = null;
  }

  private onFrame(type: FrameType, ev: MessageEvent<string>): void {
    const frame = parseFrame(type, ev.data);
    if (!frame) return;
    if (frame.type === 'bye') {
      this.dropped = true;
      this.teardown(); // no retry: the owner asks the session first (and may call reconnect)
      this.set({ status: 'down' });
      this.handlers.bye(frame.reason);
      return;
    }
    this.armStale();
    this.apply(frame, eventId(ev.lastEventId), this.deps.nowMs?.() ?? Date.now());
  }

  private apply(frame: Exclude<LiveFrame, { type: 'bye' }>, id: number | null, now: number): void {
    switch (frame.type) {
      case 'hello': {
        const resync = this.dropped;
        this.dropped = false;
        this.attempt = 0;
        this.set({ status: 'open', head: frame.head, lastEventId: id ?? frame.head, asOf: frame.at, lastFrameAt: now, heartbeatMs: frame.heartbeatMs });
        this.armStale(); // with the server's heartbeat now
        if (resync) this.handlers.event({ type: 'resync' });
        return;
      }
      case 'change': {
        const { type: _t, ...change } = frame;
        this.set({ head: Math.max(this.s.head ?? 0, frame.seq), lastEventId: id ?? frame.seq, asOf: frame.at, lastFrameAt: now });
        this.handlers.event({ type: 'change', change });
        return;
      }
      case 'ping':
        this.set({ head: frame.head, asOf: frame.at, lastFrameAt: now });
        return;
      case 'reset':
        this.set({ head: frame.head, lastEventId: id ?? frame.head });
        this.handlers.event({ type: 'reset' });
    }
  }

  private onError(es: EventSourceLike): void {
    this.dropped = true;
    if (es.readyState !== CLOSED) {
      // The browser retries by itself; the stale timer catches a retry that never comes back.
      if (this.s.status === 'open') this.set({ status: 'connecting' });
      return;
    }
    this.teardown();
    this.set({ status: 'down' });
    this.handlers.closed();
    this.scheduleRetry();
  }

  private armStale(): void {
    clearTimeout(this.staleTimer);
    this.staleTimer = setTimeout(() => this.onStale(), staleAfterMs(this.s.heartbeatMs));
  }

  private onStale(): void {
    if (!this.started) return;
    this.dropped = true;
    this.teardown();
    if (this.s.status !== 'down') this.set({ status: 'stale' });
    this.scheduleRetry();
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    const delay = backoffMs(this.attempt++, this.deps.random);
    this.retryTimer = setTimeout(() => { if (this.started) this.connect(); }, delay);
  }

  private set(patch: Partial<LiveSnapshot>): void {
    this.s = { ...this.s, ...patch };
    this.handlers.state(this.snapshot);
  }
}

// The live hub, one per process: tails the `events` outbox (tail.ts), keeps the last events in a
// ring for replays, and fans each event out to the open streams whose viewer may read it
// (visible.ts). It starts on the first stream (an app built without a lifecycle stays inert) and
// all its timers are unref'd; `stop()` ends the streams and waits for a running query.
// Streams open as the contract of issue 6 says: retry, then the replay of (Last-Event-ID, head]
// or a reset, then hello (id head), then live. Events dispatched while a replay is being read are
// held for that stream and sent after its hello, so none falls between replay and live. A replay
// that reads the table and a prune exclude each other (prune.ts PruneGate).
import type { Db } from '../db/database.ts';
import type { SessionTimes } from '../db/sessions.ts';
import { byeFrame, helloFrame, pingFrame, resetFrame, retryFrame } from './frames.ts';
import { DEFAULT_RETENTION, PruneGate, pruneEvents, type Retention } from './prune.ts';
import { EventRing } from './ring.ts';
import { SseStream } from './sse-stream.ts';
import { batchesBetween, EventTail, seqBounds, type LiveEvent } from './tail.ts';
import { Ticker } from './ticker.ts';
import { refreshViewers, type StreamViewer } from './viewers.ts';
import { visible } from './visible.ts';

export interface LiveOptions {
  pollMs?: number; heartbeatMs?: number; bufferBytes?: number; sweepMs?: number; ringSize?: number;
  /** How long the tail waits at a hole in seq (PostgreSQL: a rolled-back insert) before it moves past. */
  gapWaitMs?: number; retention?: Retention; pruneEveryMs?: number;
  /** A replay waits this long for a client to take frames before dropping it. */
  replayStallMs?: number; retryMs?: number;
}
export interface LiveDeps { db: Db; now: () => Date; session: SessionTimes; log?: { error: (obj: unknown, msg?: string) => void } }
export interface LiveStats { clients: number; head: number; dropped: number }
/** The asked-for replay start: a seq, unreadable (answered with reset), or none. */
export type LastEventId = number | 'invalid' | null;

export interface LiveHub {
  open(viewer: StreamViewer, lastEventId: LastEventId, abort?: () => void): Promise<ReadableStream<Uint8Array>>;
  stats(): LiveStats;
  /** Re-checks every stream's session now (tests; the hub also does it every sweepMs). */
  sweep(): Promise<void>;
  /** A session ended here (sign-out): re-check the streams soon instead of at the next sweep. */
  sessionsChanged(): void;
  /** Prunes the outbox now (tests; the hub also does it at most once per pruneEveryMs); 0 without
   * deleting while a replay reads the table (the next poll tries again). */
  prune(): Promise<number>;
  stop(): Promise<void>;
}

interface Client { viewer: StreamViewer; stream: SseStream; pending: LiveEvent[] | null }

export function createLiveHub(deps: LiveDeps, options: LiveOptions = {}): LiveHub {
  const o = { pollMs: 100, heartbeatMs: 15_000, bufferBytes: 1_048_576, sweepMs: 2_000, ringSize: 2_000, gapWaitMs: 2_000,
    retention: DEFAULT_RETENTION, pruneEveryMs: 60_000, replayStallMs: 10_000, retryMs: 2_000, ...options };
  const { db } = deps;
  const onError = (msg: string) => (err: unknown) => (deps.log ?? console).error({ err }, msg);
  const clients = new Set<Client>();
  const ring = new EventRing(o.ringSize);
  let head = 0, oldest = 1, dropped = 0, lastPruneMs = performance.now(), stopped = false;
  const gate = new PruneGate();
  let tail: EventTail | null = null;
  let started: Promise<void> | null = null;
  let heartbeat: NodeJS.Timeout | null = null;

  function dispatch(events: LiveEvent[]): void {
    for (const ev of events) {
      ring.push(ev);
      head = ev.seq;
      for (const c of clients) {
        if (c.pending) c.pending.push(ev);
        else if (visible(c.viewer, ev)) c.stream.push(ev.frame);
      }
      // Account and team changes end or narrow sessions: do not wait for the next sweep.
      if (ev.resource === 'users' || ev.resource === 'teams') sweeper.kick();
    }
  }

  const prune = () => gate.prune(async () => {
    lastPruneMs = performance.now();
    const n = await pruneEvents(db, deps.now(), head, o.retention);
    const b = await seqBounds(db);
    oldest = Math.max(oldest, b.newest === 0 ? head + 1 : b.oldest);
    ring.dropBefore(oldest);
    return n;
  });

  const poller = new Ticker(async () => {
    dispatch(await tail!.next());
    if (performance.now() - lastPruneMs >= o.pruneEveryMs) await prune();
  }, o.pollMs, onError('live: reading the events outbox failed'));

  async function sweep(): Promise<void> {
    if (!clients.size) return;
    const all = [...clients];
    const ended = await refreshViewers(db, deps.now(), deps.session, all.map((c) => c.viewer));
    for (const c of all) if (ended.has(c.viewer.sessionId)) { c.stream.push(byeFrame()); c.stream.end(); }
  }
  const sweeper = new Ticker(sweep, o.sweepMs, onError('live: the session sweep failed'));

  function start(): Promise<void> {
    started ??= (async () => {
      const b = await seqBounds(db);
      head = b.newest;
      oldest = b.oldest;
      tail = new EventTail(db, head, o.gapWaitMs);
      poller.start();
      sweeper.start();
      heartbeat = setInterval(() => {
        const ping = pingFrame(head, deps.now().toISOString());
        for (const c of clients) if (!c.pending) c.stream.push(ping);
      }, o.heartbeatMs);
      heartbeat.unref();
    })().catch((err: unknown) => { started = null; throw err; });
    return started;
  }

  async function catchUp(c: Client, last: LastEventId): Promise<void> {
    // upTo is taken when the client joined (open() calls this at once): later events are held for it.
    const s = c.stream, upTo = head;
    s.push(retryFrame(o.retryMs));
    // A running prune may have deleted rows before `oldest` moved: wait for it. From the last check
    // of gate.running to gate.reading nothing awaits, so no prune starts in between.
    for (let p = gate.running; p; p = gate.running) await p.catch(() => 0);
    if (last !== null && (last === 'invalid' || last > upTo || last < oldest - 1)) s.push(resetFrame(upTo));
    else if (last !== null && last < upTo) {
      const send = async (evs: LiveEvent[]) => { for (const ev of evs) if (visible(c.viewer, ev)) await s.pushPaced(ev.frame, o.replayStallMs); };
      if (ring.covers(last)) await send(ring.range(last, upTo));
      else await gate.reading(async () => {
        for await (const batch of batchesBetween(db, last, upTo)) { if (!s.open) break; await send(batch); }
      });
    }
    // From here to the end nothing awaits: no event can slip between the held ones and live.
    s.push(helloFrame(upTo, deps.now().toISOString(), o.heartbeatMs));
    const held = c.pending ?? [];
    c.pending = null;
    for (const ev of held) if (visible(c.viewer, ev)) s.push(ev.frame);
  }

  return {
    async open(viewer, lastEventId, abort) {
      if (stopped) throw new Error('the live hub has stopped');
      await start();
      const c: Client = { viewer: { ...viewer }, pending: [], stream: null as never };
      c.stream = new SseStream({ bufferBytes: o.bufferBytes, abort, onEnd: (why) => { clients.delete(c); if (why === 'drop') dropped++; } });
      clients.add(c);
      catchUp(c, lastEventId).catch((err: unknown) => { onError('live: replay failed')(err); c.stream.end(); });
      return c.stream.body;
    },
    stats: () => ({ clients: clients.size, head, dropped }),
    sweep,
    sessionsChanged: () => { if (started) sweeper.kick(); },
    async prune() { await start(); return prune(); },
    async stop() {
      stopped = true;
      if (heartbeat) clearInterval(heartbeat);
      await Promise.all([poller.stop(), sweeper.stop()]);
      for (const c of clients) c.stream.end();
    },
  };
}

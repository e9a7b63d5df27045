// One client's event stream: a ReadableStream whose queue is counted in bytes. @hono/node-server
// reads it only while the socket accepts writes (it waits for 'drain'), so the queue holds exactly
// what a client has not taken yet. Beyond `bufferBytes` the client is dropped (reliability.md L7):
// its socket is destroyed (or, in-process, the stream errors), freeing the queue at once, and the
// browser's EventSource reconnects with Last-Event-ID when it can keep up again.
// A graceful end (bye, shutdown) lets the queue drain, but no longer than `endGraceMs`.

export type EndReason = 'cancel' | 'drop' | 'close';

export interface SseStreamOptions {
  bufferBytes: number;
  /** Called once, when the stream stops taking frames. */
  onEnd: (reason: EndReason) => void;
  /** Destroys the HTTP connection (node-server's ServerResponse); absent for in-process requests. */
  abort?: () => void;
  endGraceMs?: number;
}

export class SseStream {
  readonly body: ReadableStream<Uint8Array>;
  private ctl!: ReadableStreamDefaultController<Uint8Array>;
  private state: 'open' | 'ending' | 'ended' = 'open';
  private notified = false;
  private checking = false;
  private graceTimer: NodeJS.Timeout | null = null;
  private wakers: (() => void)[] = [];

  constructor(private readonly opts: SseStreamOptions) {
    this.body = new ReadableStream<Uint8Array>({
      start: (c) => { this.ctl = c; },
      pull: () => this.pulled(),
      cancel: () => this.finish('cancel'),
    }, new ByteLengthQueuingStrategy({ highWaterMark: opts.bufferBytes }));
  }

  get open(): boolean { return this.state === 'open'; }

  /** Bytes queued that the connection has not taken yet. */
  get queuedBytes(): number { return this.opts.bufferBytes - (this.ctl.desiredSize ?? this.opts.bufferBytes); }

  /** Queues a frame; false when the stream is closed. A burst (one poll's events are queued in one
   * go) may pass the cap for a moment: the check waits until the connection's writer has had its
   * turn (setImmediate runs after the promise jobs that move queued frames to the socket). */
  push(bytes: Uint8Array): boolean {
    if (this.state !== 'open') return false;
    this.ctl.enqueue(bytes);
    if (!this.checking && this.queuedBytes > this.opts.bufferBytes) {
      this.checking = true;
      setImmediate(() => {
        this.checking = false;
        if (this.state === 'open' && this.queuedBytes > this.opts.bufferBytes) this.drop();
      });
    }
    return true;
  }

  /** Queues a frame once there is room (a replay sends many at once: that is not a slow reader);
   * a client that takes nothing for `stallMs` is dropped. */
  async pushPaced(bytes: Uint8Array, stallMs: number): Promise<boolean> {
    while (this.state === 'open' && (this.ctl.desiredSize ?? 0) < bytes.byteLength && this.queuedBytes > 0) {
      const woke = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), stallMs);
        this.wakers.push(() => { clearTimeout(timer); resolve(true); });
      });
      if (!woke) { this.drop(); return false; }
    }
    return this.push(bytes);
  }

  /** Ends after the queued frames are sent (at most endGraceMs later). */
  end(): void {
    if (this.state !== 'open') return;
    this.state = 'ending';
    this.notify('close');
    if (this.queuedBytes === 0) { this.close(); return; }
    this.graceTimer = setTimeout(() => this.kill(), this.opts.endGraceMs ?? 5_000);
    this.graceTimer.unref();
  }

  /** The slow-client drop: the connection goes now, its queue with it. */
  drop(): void {
    if (this.state === 'ended') return;
    this.finish('drop');
    this.kill();
  }

  private pulled(): void {
    for (const wake of this.wakers.splice(0)) wake();
    if (this.state === 'ending' && this.queuedBytes === 0) this.close();
  }

  private close(): void {
    this.finish('close');
    try { this.ctl.close(); } catch { /* already closed or errored */ }
  }

  private kill(): void {
    this.finish('drop');
    if (this.opts.abort) this.opts.abort();
    else try { this.ctl.error(new Error('live stream closed: client too slow')); } catch { /* already closed */ }
  }

  private finish(reason: EndReason): void {
    this.state = 'ended';
    if (this.graceTimer) clearTimeout(this.graceTimer);
    for (const wake of this.wakers.splice(0)) wake();
    this.notify(reason);
  }

  private notify(reason: EndReason): void {
    if (this.notified) return;
    this.notified = true;
    this.opts.onEnd(reason);
  }
}

// A raw HTTP client of GET /api/v1/live for tests and benchmarks: one `http.get`, the event-stream
// parser of the WHATWG HTML spec (§9.2.6: `field: value` lines, a blank line dispatches, `data`
// lines join with "\n", a block without data dispatches nothing, `retry` sets the reconnect delay,
// lines starting with ':' are comments), and no automatic reconnect — a test reconnects itself,
// with the id it chooses.
//
//   const c = await openLive(`${base}/api/v1/live`, { cookie, lastEventId: 41 });
//   c.status, c.headers                          // as soon as the response head arrived
//   await c.waitFor((e) => e.event === 'hello')   // first event (received or to come) that matches
//   c.changes().map((d) => d.seq)                // parsed `change` payloads so far, in order
//   c.pause(); … c.resume();                     // stop / restart reading the socket (a slow client)
//   await c.waitForClose(); c.endedCleanly       // the server ended it (false: connection cut)
//   c.close()                                    // hang up
// Benchmarks with many clients pass `keepEvents: false` and read each event in `onEvent`
// (`receivedAtMs` is Date.now() when its block was parsed).
import http from 'node:http';

export interface SseEvent { id: string | null; event: string; data: string; receivedAtMs: number }
export interface ChangeData { seq: number; resource: string; ids: number[] | null; at: string }

export interface LiveClientOptions {
  /** The session cookie (`sw_session=…`). */
  cookie?: string;
  /** Sent as the Last-Event-ID header (what EventSource does on reconnect). */
  lastEventId?: number | string;
  headers?: Record<string, string>;
  agent?: http.Agent;
  /** Keep every event in `events` (default true); false for benchmarks that use `onEvent`. */
  keepEvents?: boolean;
  onEvent?: (ev: SseEvent) => void;
}

type Waiter = { pred: (e: SseEvent) => boolean; resolve: (e: SseEvent) => void };

export class LiveClient {
  status = 0;
  headers: http.IncomingHttpHeaders = {};
  readonly events: SseEvent[] = [];
  /** The last `retry` value (ms), as EventSource would use it. */
  retryMs: number | null = null;
  /** Body bytes received; for a non-stream answer (e.g. 401) `text` holds the body. */
  bytes = 0;
  text = '';
  closed = false;
  /** The server ended the response properly (false: the connection was cut, e.g. a slow-client drop). */
  endedCleanly = false;
  private res: http.IncomingMessage | null = null;
  private buf = '';
  private block = { id: null as string | null, event: '', data: [] as string[] };
  private waiters: Waiter[] = [];
  private closeWaiters: (() => void)[] = [];

  constructor(readonly req: http.ClientRequest, private readonly opts: LiveClientOptions) {}

  /** Resolves with the first event, past or future, that matches; rejects after timeoutMs. */
  waitFor(pred: (e: SseEvent) => boolean, timeoutMs = 5_000): Promise<SseEvent> {
    const seen = this.events.find(pred);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const w: Waiter = { pred, resolve: (e) => { clearTimeout(timer); resolve(e); } };
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((x) => x !== w);
        reject(new Error(`no matching event within ${timeoutMs} ms; got ${this.events.map((e) => `${e.event}#${e.id ?? ''}`).join(' ')}`));
      }, timeoutMs);
      this.waiters.push(w);
    });
  }

  waitForClose(timeoutMs = 5_000): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`stream still open after ${timeoutMs} ms`)), timeoutMs);
      this.closeWaiters.push(() => { clearTimeout(timer); resolve(); });
    });
  }

  /** Parsed payloads of the `change` events so far. */
  changes(): ChangeData[] {
    return this.events.filter((e) => e.event === 'change').map((e) => JSON.parse(e.data) as ChangeData);
  }

  pause(): void { this.res?.pause(); }
  resume(): void { this.res?.resume(); }
  close(): void { this.req.destroy(); }

  /** @internal */
  attach(res: http.IncomingMessage): void {
    this.res = res;
    this.status = res.statusCode ?? 0;
    this.headers = res.headers;
    const stream = (res.headers['content-type'] ?? '').startsWith('text/event-stream');
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      this.bytes += Buffer.byteLength(chunk);
      if (stream) this.feed(chunk);
      else this.text += chunk;
    });
    res.on('end', () => { this.endedCleanly = true; });
    res.on('error', () => { /* a cut connection: `closed` tells */ });
    res.on('close', () => this.finish());
  }

  /** @internal */
  finish(): void {
    if (this.closed) return;
    this.closed = true;
    for (const w of this.closeWaiters.splice(0)) w();
  }

  private feed(chunk: string): void {
    const text = this.buf + chunk;
    const eol = /\r\n|\r|\n/g;
    let from = 0;
    for (let m = eol.exec(text); m; m = eol.exec(text)) {
      // A lone '\r' at the very end may be the first half of '\r\n': wait for the next chunk.
      if (m[0] === '\r' && m.index === text.length - 1) break;
      this.line(text.slice(from, m.index));
      from = m.index + m[0].length;
    }
    this.buf = text.slice(from);
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + (line[colon + 1] === ' ' ? 2 : 1));
    if (field === 'data') this.block.data.push(value);
    else if (field === 'event') this.block.event = value;
    else if (field === 'id' && !value.includes('\0')) this.block.id = value;
    else if (field === 'retry' && /^\d+$/.test(value)) this.retryMs = Number(value);
  }

  private dispatch(): void {
    const b = this.block;
    this.block = { id: null, event: '', data: [] };
    if (!b.data.length) return;
    const ev: SseEvent = { id: b.id, event: b.event || 'message', data: b.data.join('\n'), receivedAtMs: Date.now() };
    if (this.opts.keepEvents !== false) this.events.push(ev);
    this.opts.onEvent?.(ev);
    for (const w of this.waiters.filter((x) => x.pred(ev))) {
      this.waiters = this.waiters.filter((x) => x !== w);
      w.resolve(ev);
    }
  }
}

/** Opens the stream at `url` (the full URL, query included); resolves when the response head arrived. */
export function openLive(url: string, opts: LiveClientOptions = {}): Promise<LiveClient> {
  const headers: Record<string, string> = { accept: 'text/event-stream', ...opts.headers };
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.lastEventId !== undefined) headers['last-event-id'] = String(opts.lastEventId);
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers, agent: opts.agent });
    const client = new LiveClient(req, opts);
    req.on('response', (res) => { client.attach(res); resolve(client); });
    req.on('error', (err) => { client.finish(); reject(err); });
    req.on('close', () => { if (!client.status) client.finish(); });
  });
}

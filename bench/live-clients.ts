// The SSE clients of bench/live-fanout.ts, in their own process (forked) so the server's event
// loop is measured alone: tests/support/live-client.ts's raw node:http client, without keeping
// events (an EventSource per client would cost more than the server being measured). Commands
// arrive over IPC:
//   connect  → opens `normal` reading streams and `silent` ones that never read (L7), waits for
//              every reading stream's hello; replies { connected, failed }
//   measure  → from now on, change events are timed and their seqs kept
//   progress → replies the fewest target events any open reading client has seen so far
//   report   → stops measuring; replies the target events' latencies (receive time − the event's
//              server `at`, ms, same machine clock) and how many other events came, each client's
//              seqs, the target events each saw, closures
//   close    → destroys every stream and exits
import http from 'node:http';
import { openLive, type ChangeData, type LiveClient, type SseEvent } from '../tests/support/live-client.ts';

interface Connect { type: 'connect'; url: string; cookie: string; normal: number; silent: number; target?: { resource: string; id: number } }
type Command = Connect | { type: 'measure' } | { type: 'progress' } | { type: 'report' } | { type: 'close' };

interface Client { live: LiveClient | null; silent: boolean; hello: boolean; failed: boolean; seqs: number[]; targetSeen: number }

const clients: Client[] = [];
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
let measuring = false;
let latencies: number[] = [];
let others = 0;
let frameBytes = 0;
let target: Connect['target'];
const send = (m: object) => process.send!(m);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const closed = (c: Client) => c.failed || (c.live?.closed ?? false);

function onEvent(c: Client, ev: SseEvent): void {
  if (ev.event === 'hello') { c.hello = true; return; }
  if (ev.event !== 'change' || !measuring) return;
  const d = JSON.parse(ev.data) as ChangeData;
  c.seqs.push(d.seq);
  // Timed: the driven writes' events. Others (a background job's) carry the job's start as `at`, not their commit.
  if (target && (d.resource !== target.resource || (d.ids !== null && !d.ids.includes(target.id)))) { others++; return; }
  latencies.push(ev.receivedAtMs - Date.parse(d.at));
  c.targetSeen++;
  // The frame as sent: id, event and data lines and the blank line.
  if (!frameBytes) frameBytes = Buffer.byteLength(`id: ${ev.id}\nevent: change\ndata: ${ev.data}\n\n`);
}

function open(cmd: Connect, silent: boolean): Client {
  const c: Client = { live: null, silent, hello: false, failed: false, seqs: [], targetSeen: 0 };
  openLive(`${cmd.url}/api/v1/live`, { cookie: cmd.cookie, agent, keepEvents: false, onEvent: (ev) => onEvent(c, ev) }).then((live) => {
    c.live = live;
    if (live.status !== 200) c.failed = true;
    if (silent) live.pause(); // never reads again: only the server's buffer cap can end it
  }, () => { c.failed = true; });
  return c;
}

async function connect(cmd: Connect): Promise<void> {
  target = cmd.target;
  const plan = [...Array<boolean>(cmd.normal).fill(false), ...Array<boolean>(cmd.silent).fill(true)];
  for (let i = 0; i < plan.length; i += 50) { // batches, so the connect burst is not itself a storm
    for (const silent of plan.slice(i, i + 50)) clients.push(open(cmd, silent));
    await sleep(50);
  }
  const reading = clients.filter((c) => !c.silent);
  for (const deadline = Date.now() + 60_000; Date.now() < deadline && reading.some((c) => !c.hello && !closed(c));) await sleep(100);
  send({ type: 'connected', connected: reading.filter((c) => c.hello && !closed(c)).length, failed: reading.filter((c) => !c.hello || closed(c)).length });
}

process.on('message', (cmd: Command) => {
  if (cmd.type === 'connect') void connect(cmd);
  else if (cmd.type === 'measure') { latencies = []; others = 0; measuring = true; }
  else if (cmd.type === 'progress') {
    const open = clients.filter((c) => !c.silent && !closed(c));
    send({ type: 'progress', minTargetSeen: open.length ? Math.min(...open.map((c) => c.targetSeen)) : 0 });
  }
  else if (cmd.type === 'report') {
    measuring = false;
    const normal = clients.filter((c) => !c.silent);
    send({ type: 'report', latencies, others, frameBytes, seqs: normal.map((c) => c.seqs), targetSeen: normal.map((c) => c.targetSeen),
      normalClosed: normal.filter(closed).length, silentClosed: clients.filter((c) => c.silent && closed(c)).length });
  } else if (cmd.type === 'close') {
    for (const c of clients) c.live?.close();
    setTimeout(() => process.exit(0), 200);
  }
});

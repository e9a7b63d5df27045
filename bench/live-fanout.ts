// L4 (reliability.md §7.1): the live stream's fan-out. The real server (a temp SQLite demo,
// server clock = wall time so the events' `at` and the clients' clock agree) as a child; 1,000
// SSE clients sharing the demo wall user's session in another child (bench/live-clients.ts);
// 10 events/s for 20 s made by REAL writes — the planner PATCHes one checkpoint's staff and
// status in turn, each write one change event. Delivery latency = receive − event `at`; seq gaps
// against what every client of the same viewer saw; missed writes; disconnects; the server's RSS
// (sampled /proc) and event-loop delay (bench/live-probe.ts). Then a short L7: 500 reading
// clients beside 100 that never read. Peer in the same run: bench/live-peer-server.ts, a raw
// node:http SSE broadcast of the same rate and frame size to the same number of clients.
// Alone: npx tsx bench/live-fanout.ts  (BENCH_LIVE_CLIENTS, BENCH_LIVE_SECONDS to shorten)
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnProbed, startDemoServer, type BenchServer } from './demo-server.ts';
import type { Row } from './harness.ts';
import { fanoutRows, type Outcome, type Report } from './live-fanout-rows.ts';
import { freePort, readLoopDelay, rssMb, sampler, type LoopDelay } from './probe-read.ts';

const CLIENTS = Number(process.env.BENCH_LIVE_CLIENTS ?? 1000);
const SECONDS = Number(process.env.BENCH_LIVE_SECONDS ?? 20);
const RATE = 10;
const DRAIN_MS = 10_000;
const sleep = (t: number) => new Promise((r) => setTimeout(r, t));

interface Load { url: string; cookie: string; normal: number; silent: number; target?: { resource: string; id: number } }
interface Probe { rssMb(): number; loopDelay(): Promise<LoopDelay> }

function ask<T>(child: ChildProcess, msg: object, reply: string): Promise<T> {
  return new Promise((ok) => {
    const on = (m: { type: string }) => { if (m.type === reply) { child.off('message', on); ok(m as T); } };
    child.on('message', on);
    child.send(msg);
  });
}

/** Connects the clients, measures one drive (`drive` returns the writes acknowledged), reports. */
async function measure(load: Load, probe: Probe, drive: () => Promise<number>): Promise<Outcome> {
  const child = fork(resolve(import.meta.dirname, 'live-clients.ts'), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const rssBefore = probe.rssMb();
    const { connected, failed } = await ask<{ connected: number; failed: number }>(child, { type: 'connect', ...load }, 'connected');
    await sleep(1_000);
    await probe.loopDelay(); // reset: the window starts now
    const rss = sampler(() => probe.rssMb());
    const loadBefore = loadavg()[0];
    child.send({ type: 'measure' });
    const acked = await drive();
    // Until every open client has the last write's event (a late one is late, not missed), ≤ DRAIN_MS.
    for (const until = Date.now() + DRAIN_MS; Date.now() < until;) {
      if ((await ask<{ minTargetSeen: number }>(child, { type: 'progress' }, 'progress')).minTargetSeen >= acked) break;
      await sleep(100);
    }
    const loop = await probe.loopDelay();
    const mem = rss.stop();
    const report = await ask<Report>(child, { type: 'report' }, 'report');
    return { ...report, silent: load.silent, connected, failed, acked, rssBeforeMb: rssBefore, rssMaxMb: mem.max, loop, load: [loadBefore, loadavg()[0]] };
  } finally {
    if (child.exitCode === null) {
      child.send({ type: 'close' });
      await new Promise((r) => child.once('exit', r));
    }
  }
}

/** RATE writes a second for SECONDS, on a schedule (not awaited one by one); returns those acknowledged. */
async function driveWrites(server: BenchServer, planner: { cookie: string; csrf: string }, checkpointId: number): Promise<number> {
  const headers = { cookie: planner.cookie, 'x-csrf-token': planner.csrf, 'content-type': 'application/json', origin: server.url };
  const t0 = performance.now();
  const writes: Promise<boolean>[] = [];
  for (let i = 0; i < RATE * SECONDS; i++) {
    await sleep(Math.max(0, t0 + (i * 1000) / RATE - performance.now()));
    const body = i % 2 === 0 ? { staff: 10 + (i % 40) } : { status: i % 4 === 1 ? 'standby' : 'active' };
    writes.push(fetch(`${server.url}/api/v1/checkpoints/${checkpointId}`, { method: 'PATCH', headers, body: JSON.stringify(body) })
      .then(async (r) => { await r.arrayBuffer(); return r.ok; }, () => false));
  }
  return (await Promise.all(writes)).filter(Boolean).length;
}

async function ours(): Promise<{ l4: Outcome; l7: Outcome }> {
  // The overdue-loop escalation runs a minute after start, then every minute; on the real clock its
  // first run finds every demo step years late and blocks the loop for ~2 s (measured here): a
  // one-off at start, kept out of the window.
  const server = await startDemoServer({ web: false, realClock: true, settleMs: 65_000 });
  try {
    const planner = await server.login('planner');
    const wall = await server.login('wall');
    const list = await fetch(`${server.url}/api/v1/checkpoints?limit=1`, { headers: { cookie: planner.cookie } });
    const checkpointId = ((await list.json()) as { items: { id: number }[] }).items[0].id;
    const target = { resource: 'checkpoints', id: checkpointId };
    const drive = () => driveWrites(server, planner, checkpointId);
    const l4 = await measure({ url: server.url, cookie: wall.cookie, normal: CLIENTS, silent: 0, target }, server, drive);
    await sleep(2_000);
    const l7 = await measure({ url: server.url, cookie: wall.cookie, normal: Math.round(CLIENTS / 2), silent: Math.round(CLIENTS / 10), target }, server, drive);
    return { l4, l7 };
  } finally {
    await server.stop();
  }
}

async function peer(frameBytes: number): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-peer-'));
  const port = await freePort();
  const probeFile = join(dir, 'probe.json');
  const child = spawnProbed([resolve(import.meta.dirname, 'live-peer-server.ts'), String(port)], {}, probeFile);
  const url = `http://127.0.0.1:${port}`;
  try {
    for (let up = false; !up;) { up = await fetch(`${url}/stats`).then((r) => r.ok, () => false); if (!up) await sleep(200); }
    const probe: Probe = { rssMb: () => rssMb(child.pid!), loopDelay: () => readLoopDelay(child.pid!, probeFile) };
    return await measure({ url, cookie: '', normal: CLIENTS, silent: 0, target: { resource: 'checkpoints', id: 1 } }, probe, async () => {
      await fetch(`${url}/start?rate=${RATE}&durationMs=${SECONDS * 1000}&bytes=${frameBytes}`, { method: 'POST' });
      await sleep(SECONDS * 1000);
      while (((await (await fetch(`${url}/stats`)).json()) as { running: boolean }).running) await sleep(100);
      return RATE * SECONDS;
    });
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchLiveFanout(): Promise<Row[]> {
  const { l4, l7 } = await ours();
  const p = await peer(l4.frameBytes || 150);
  return fanoutRows({ clients: CLIENTS, rate: RATE, seconds: SECONDS, l4, l7, peer: p });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchLiveFanout());
}

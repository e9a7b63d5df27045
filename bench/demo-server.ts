// The real server for the live and wall benches, started the way `npm start` starts it (same
// entry, a temp SQLite file, demo mode) but as a direct `node --import tsx` child, so the pid is
// the server's own (RSS from /proc/<pid>/status) and bench/live-probe.ts rides along to report its
// event-loop delay. The demo is seeded here first, as the server's first start would seed it: a
// server that seeded keeps ~400 MB more RSS for good, which is the seed's, not the stream's (the
// usual server is one restarted on its data). Waits until the start-up work (the address
// gazetteer's synchronous build one second after start) has finished: a quiet loop, not a guess.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateDemo } from '../geodata/generate.ts';
import { openDatabase } from '../server/db/database.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { loadRows } from '../server/db/seed.ts';
import { freePort, readLoopDelay, rssMb, type LoopDelay } from './probe-read.ts';

const root = resolve(import.meta.dirname, '..');
export const BENCH_PASSWORD = 'bench-team-pass-2022!';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface BenchServer {
  url: string;
  pid: number;
  rssMb(): number;
  /** Event-loop delay since the last call (ms; the probe's histogram is reset on each read). */
  loopDelay(): Promise<LoopDelay>;
  login(username: string): Promise<{ cookie: string; csrf: string }>;
  stop(): Promise<void>;
}

/** Starts a node child with the loop probe preloaded; `args` are the script and its arguments. */
export function spawnProbed(args: string[], env: Record<string, string>, probeFile: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--import', pathToFileURL(join(root, 'bench/live-probe.ts')).href, ...args], {
    cwd: root, env: { ...process.env, ...env, BENCH_PROBE_FILE: probeFile }, stdio: ['ignore', 'inherit', 'inherit'],
  });
}

/** `settleMs`: measure no earlier than this long after the server is up (see waitQuiet's callers). */
export async function startDemoServer(opts: { web: boolean; realClock: boolean; settleMs?: number }): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-live-'));
  const port = await freePort();
  const probeFile = join(dir, 'probe.json');
  const dbFile = join(dir, 'bench.sqlite');
  const db = openDatabase({ file: dbFile });
  await migrateToLatest(db.kysely as never);
  await loadRows(db, generateDemo({ seed: 20220607, scale: 'demo' })); // SHOUWANG_DEMO_SEED's default
  await db.close();
  const child = spawnProbed([join(root, 'server/main.ts')], {
    PORT: String(port), SHOUWANG_DB_FILE: dbFile, SHOUWANG_DEMO: '1', LOG_LEVEL: 'warn',
    SHOUWANG_DEMO_PASSWORD: BENCH_PASSWORD, SHOUWANG_ADMIN_PASSWORD: 'bench-root-pass-2022!',
    SHOUWANG_SERVE_WEB: opts.web ? '1' : '0', ...(opts.realClock ? { SHOUWANG_CLOCK_START: 'real' } : {}),
  }, probeFile);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 300_000; // may build the web app first
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try { if ((await fetch(`${url}/api/v1/health`)).ok) break; } catch { /* not up yet */ }
    if (Date.now() > deadline) throw new Error('server did not become healthy in 300 s');
    await sleep(300);
  }
  const upAt = Date.now();
  const server: BenchServer = {
    url,
    pid: child.pid!,
    rssMb: () => rssMb(child.pid!),
    loopDelay: () => readLoopDelay(child.pid!, probeFile),
    async login(username) {
      const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url },
        body: JSON.stringify({ username, password: BENCH_PASSWORD }) });
      if (!res.ok) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
      return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0], csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    },
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await sleep(Math.max(0, upAt + (opts.settleMs ?? 0) - Date.now()));
  await waitQuiet(server);
  return server;
}

/** Until two consecutive 2 s windows show a loop delay max under 50 ms (start-up work done), ≤ 120 s. */
export async function waitQuiet(server: Pick<BenchServer, 'loopDelay'>): Promise<void> {
  await sleep(3_000);
  await server.loopDelay();
  let calm = 0;
  for (const deadline = Date.now() + 120_000; calm < 2 && Date.now() < deadline;) {
    await sleep(2_000);
    calm = (await server.loopDelay()).maxMs < 50 ? calm + 1 : 0;
  }
}

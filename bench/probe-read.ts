// The bench's side of bench/live-probe.ts, and the other figures it reads about a child process.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';

export interface LoopDelay { p50Ms: number; p99Ms: number; maxMs: number; samples: number }

/** VmRSS of a process, MB (1 MB = 1024 kB as /proc counts). */
export function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}

/** Asks the probe for its histogram since the last read (SIGUSR2) and waits for the file. */
export async function readLoopDelay(pid: number, file: string): Promise<LoopDelay> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGUSR2');
  for (const deadline = Date.now() + 10_000; Date.now() < deadline;) {
    await new Promise((r) => setTimeout(r, 20));
    if (!existsSync(file)) continue;
    try { return JSON.parse(readFileSync(file, 'utf8')) as LoopDelay; } catch { /* half written */ }
  }
  throw new Error(`no event-loop figures from pid ${pid} in 10 s`);
}

export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => ok(port));
    }).on('error', fail);
  });
}

/** Samples a value every `everyMs` until stopped; returns max and last. */
export function sampler(read: () => number, everyMs = 500): { stop(): { max: number; last: number } } {
  let max = read();
  let last = max;
  const t = setInterval(() => { last = read(); if (last > max) max = last; }, everyMs);
  return { stop: () => { clearInterval(t); last = read(); return { max: Math.max(max, last), last }; } };
}

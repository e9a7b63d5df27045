// /wall load (issue 6 item 5; target ≤ 3 s): headless Chromium (Debian's, WebGL on SwiftShader,
// as the e2e harness runs it) at 1920×1080 against the real server with the demo, signed in as
// the demo wall user; time from navigation start to the map's ready signal (body
// data-map-ready="1": every operational layer's data set and rendered, web/map/ReadySignal.vue),
// read from performance.now() when the attribute appears (a MutationObserver, not polling).
// Median of 5 navigations, interleaved with the peer: the command map '/' as the commander to its
// own ready signal, same browser, same server. Alone: npx tsx bench/wall-load.ts
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { BENCH_PASSWORD, startDemoServer } from './demo-server.ts';
import { ratio, type Row } from './harness.ts';

const RUNS = 5;
const VIEWPORT = { width: 1920, height: 1080 };
declare global { interface Window { __mapReadyAt?: number } }

async function signedIn(browser: Browser, url: string, username: string): Promise<BrowserContext> {
  const ctx = await browser.newContext({ viewport: VIEWPORT, locale: 'zh-CN' });
  // A string, not a function: tsx would wrap a named helper in a __name() the page does not have.
  await ctx.addInitScript(`new MutationObserver(() => {
    if (window.__mapReadyAt === undefined && document.body?.dataset.mapReady === '1') window.__mapReadyAt = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-map-ready'] });`);
  const res = await ctx.request.post(`${url}/api/v1/session`, { data: { username, password: BENCH_PASSWORD }, headers: { origin: url } });
  if (!res.ok()) throw new Error(`login ${username}: ${res.status()}`);
  return ctx;
}

/** One navigation in a fresh tab (the context's HTTP cache stays warm, as on a wall left running). */
/** One load: navigation start → map ready, and → the last API answer before it (the rest is MapLibre parsing and drawing). */
interface Load { readyMs: number; dataMs: number }

async function loadOnce(ctx: BrowserContext, url: string, path: string): Promise<Load> {
  const page = await ctx.newPage();
  try {
    await page.goto(`${url}${path}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__mapReadyAt !== undefined, null, { timeout: 60_000, polling: 100 }).catch(async (err: unknown) => {
      const state = await page.evaluate(() => ({ ready: document.body.dataset.mapReady ?? null, text: document.body.innerText.slice(0, 200) })).catch(() => null);
      throw new Error(`${path}: no map ready in 60 s, at ${page.url()} ${JSON.stringify(state)}: ${String(err)}`);
    });
    const at = new URL(page.url()).pathname;
    if (at !== path) throw new Error(`expected ${path}, landed on ${at}`);
    return await page.evaluate(() => {
      const readyMs = window.__mapReadyAt!;
      const api = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => new URL(r.name).pathname.startsWith('/api/') && r.startTime < readyMs && r.responseEnd > 0);
      return { readyMs, dataMs: Math.max(0, ...api.map((r) => r.responseEnd)) };
    });
  } finally {
    await page.close();
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const s = (v: number) => `${(v / 1000).toFixed(2)} s`;

export async function benchWallLoad(): Promise<Row[]> {
  // After the overdue-loop escalation's first run (a minute after start; a one-off burst of alerts).
  const server = await startDemoServer({ web: true, realClock: false, settleMs: 65_000 });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--use-angle=swiftshader', '--enable-unsafe-swiftshader'],
  });
  try {
    const wallCtx = await signedIn(browser, server.url, 'wall');
    const mapCtx = await signedIn(browser, server.url, 'commander');
    const wall: Load[] = [];
    const map: Load[] = [];
    for (let i = 0; i < RUNS; i++) { // interleaved, so drift on a noisy machine hits both alike
      wall.push(await loadOnce(wallCtx, server.url, '/wall'));
      map.push(await loadOnce(mapCtx, server.url, '/'));
    }
    const ready = (xs: Load[]) => median(xs.map((x) => x.readyMs));
    const data = (xs: Load[]) => median(xs.map((x) => x.dataMs));
    const [w, m] = [ready(wall), ready(map)];
    return [{
      figure: `/wall to map ready, 1920×1080, demo, headless Chromium on SwiftShader (median of ${RUNS}; first, cold cache: ${s(wall[0].readyMs)}; `
        + `all: ${wall.map((x) => s(x.readyMs)).join(', ')})`,
      ours: s(w), target: '≤ 3 s', peer: `command map '/' as commander to map ready (first ${s(map[0].readyMs)})`, peerValue: s(m), ratio: ratio(w, m),
    }, {
      figure: '… of which: navigation start to the last API answer (median; the rest is MapLibre parsing and drawing)',
      ours: s(data(wall)), target: '', peer: "command map '/'", peerValue: s(data(map)), ratio: '',
    }];
  } finally {
    await browser.close();
    await server.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchWallLoad());
}

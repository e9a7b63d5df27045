// The analysis layers (issue 7 item 5) in a real browser against the real demo server, whose
// scheduler backfills the daily analyses at start: /plan draws every ST-DBSCAN cluster, every scan
// cluster from a 100-day recurrence interval and every significant Gi* cell of the newest run,
// the legend switches them off and on, and a click on a cluster shows its figures; /wall draws
// the same in its dark style at 1920×1080 and 3840×2160, labels ≥ 20 px × scale, no personal
// data. Screenshots go to $E2E_SHOT_DIR (default .shots/) as analysis-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { AnalysisLatest } from '../../domain/analysis/types.ts';
import { DEMO_PASSWORD, launchChromium, login, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';
import { expected, latestAnalyses, waitRendered, withScanClusters } from './analysis-page.ts';
import { idle, laps, openPlan, type WithMap } from './plan-page.ts';
import { personalIn, recordJson, smallText } from './wall-checks.ts';

const SHOTS = process.env.E2E_SHOT_DIR ?? SHOT_DIR;
// A short backfill keeps the start quick; a week still gives the scan earlier days to call a cluster ongoing.
process.env.SHOUWANG_ANALYSIS_BACKFILL_DAYS ??= '7';
const BACKFILL_LIMIT_MS = 600_000;

async function checkLayers(page: Page, latest: AnalysisLatest, where: string): Promise<void> {
  const want = expected(latest);
  assert.ok(want.st.length > 0, 'the demo’s newest run has an ST-DBSCAN cluster');
  assert.ok(want.cells.length > 0, 'the demo’s newest run has a significant Gi* cell');
  assert.deepEqual(await waitRendered(page, 'analysis-st-fill', 'clusterId', want.st), [...want.st].sort((a, b) => a - b), `${where}: ST-DBSCAN hulls`);
  assert.deepEqual(await waitRendered(page, 'analysis-scan-fill', 'rank', want.scan), [...want.scan].sort((a, b) => a - b), `${where}: scan circles`);
  // Labels never overlap: the most likely scan cluster's label is placed first, then the other
  // scan labels, then as many cluster counts as fit.
  const scanLabels = await waitRendered(page, 'analysis-scan-label', 'rank', want.scan, 30_000,
    (got) => want.scan.length === 0 || got.includes(Math.min(...want.scan)));
  assert.ok(want.scan.length === 0 || scanLabels.includes(Math.min(...want.scan)), `${where}: scan labels ${scanLabels.join()}`);
  const counts = await waitRendered(page, 'analysis-st-label', 'clusterId', want.st, 30_000, (got) => got.length > 0);
  assert.ok(counts.length > 0 && counts.every((id) => want.st.includes(id)), `${where}: ST-DBSCAN counts ${counts.join()}`);
  for (const layer of ['analysis-hotspots-fill', 'analysis-hotspots-hatch']) {
    assert.deepEqual(await waitRendered(page, layer, 'gridId', want.cells), [...want.cells].sort((a, b) => a - b), `${where}: Gi* cells (${layer})`);
  }
  console.log(`${where}: ${want.st.length} ST-DBSCAN clusters (${counts.length} counts shown), ${want.scan.length} scan clusters (${scanLabels.length} labels) `
    + `(of ${latest.scan?.clusters.length ?? 0}), ${want.cells.length} Gi* cells drawn`);
}

const textSize = (page: Page, layer: string) => page.evaluate((l) =>
  (window as unknown as { __map: { getLayoutProperty(l: string, p: string): unknown } }).__map.getLayoutProperty(l, 'text-size') as number, layer);

describe('analysis layers in Chromium', () => {
  let server: RunningServer;
  let latest: AnalysisLatest;
  const contexts: BrowserContext[] = [];
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    // E2E_SERVER: a demo server already running (while developing); otherwise one of our own.
    server = process.env.E2E_SERVER ? { url: process.env.E2E_SERVER, stop: async () => {} } : await startServer();
    latest = await latestAnalyses(server.url, BACKFILL_LIMIT_MS);
  }, { timeout: BACKFILL_LIMIT_MS + 200_000 });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined))); });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('/plan draws the clusters and hot spots, toggles them, and shows a cluster’s figures', { timeout: 300_000 }, async () => {
    const lap = laps('plan analysis');
    const ctx = await launchChromium({ width: 1920, height: 1080 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const shown = await withScanClusters(page, latest);
    await openPlan(page, server.url, 'planner');
    await page.locator(`[data-testid="analysis-legend"][data-day="${latest.day}"]`).waitFor({ timeout: 30_000 });
    lap('map ready, legend shows the analysed day');
    await checkLayers(page, shown, '/plan');
    await idle(page);
    await page.screenshot({ path: join(SHOTS, 'analysis-plan-1920x1080.png') });
    lap('layers checked, screenshot');

    await page.locator('[data-analysis-toggle="hotspots"] input').uncheck();
    assert.deepEqual(await waitRendered(page, 'analysis-hotspots-fill', 'gridId', []), [], 'the switch hides the Gi* cells');
    await page.locator('[data-analysis-toggle="hotspots"] input').check();
    assert.ok((await waitRendered(page, 'analysis-hotspots-fill', 'gridId', expected(shown).cells)).length > 0, 'and shows them again');

    // The largest cluster, close up: a click on its hull opens its figures.
    const big = latest.stDbscan!.clusters[0];
    await page.evaluate((c) => (window as unknown as WithMap).__map.jumpTo({ center: c, zoom: 15 }), big.centroid);
    await idle(page);
    const box = (await page.locator('.plan-map canvas.maplibregl-canvas').boundingBox())!;
    const at = await page.evaluate((c) => (window as unknown as WithMap).__map.project(c), big.centroid);
    await page.mouse.click(box.x + at.x + 4, box.y + at.y + 14); // beside the count label, inside the hull
    const popup = page.getByTestId('analysis-popup');
    await popup.waitFor({ timeout: 10_000 });
    const text = await popup.innerText();
    assert.match(text, new RegExp(`#${big.id}`), text);
    assert.match(text, new RegExp(`${big.count}`), text);
    await idle(page);
    await page.screenshot({ path: join(SHOTS, 'analysis-plan-cluster-1920x1080.png') });
    lap('popup, screenshot');
    assert.deepEqual(errors, []);
  });

  for (const size of [{ width: 1920, height: 1080 }, { width: 3840, height: 2160 }]) {
    const label = `${size.width}x${size.height}`;
    const scale = size.width / 1920;
    it(`/wall draws them in the dark style at ${size.width}×${size.height}, legible, without personal data`, { timeout: 420_000 }, async () => {
      const ctx = await launchChromium(size);
      contexts.push(ctx);
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      await page.emulateMedia({ reducedMotion: 'reduce' }); // no tour: the whole district stays in view
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      const received = recordJson(page);
      const shown = await withScanClusters(page, latest);
      await login(page, server.url, 'wall', DEMO_PASSWORD);
      await page.waitForURL((u) => u.pathname === '/wall', { timeout: 30_000 });
      await page.waitForFunction(() => document.body.dataset.mapReady === '1' && !!(window as { __map?: unknown }).__map, null,
        { timeout: scale > 1 ? 240_000 : 90_000 });
      await page.locator(`[data-testid="wall-map"][data-analysis-day="${latest.day}"]`).waitFor({ timeout: 30_000 });
      await checkLayers(page, shown, `/wall ${label}`);
      for (const l of ['analysis-st-label', 'analysis-scan-label']) {
        assert.ok(await textSize(page, l) >= 20 * scale, `${l} is ${await textSize(page, l)} px at ${label}`);
      }
      for (const key of ['stCluster', 'scan', 'hotspots']) await page.locator(`[data-testid="wall-legend"] [data-legend="${key}"]`).waitFor();
      if (scale === 1) {
        const small = await smallText(page, 20);
        assert.deepEqual(small, [], `text under 20 px:\n${small.map((o) => `  ${o.px}px ${o.where}: ${o.text}`).join('\n')}`);
      }
      await page.screenshot({ path: join(SHOTS, `analysis-wall-${label}.png`) });
      const leaks = [...personalIn(await page.evaluate(() => document.body.innerText), []),
        ...received.flatMap((r) => personalIn(r.body, []).map((what) => `${r.path}: ${what}`))];
      assert.deepEqual(leaks, [], 'personal data on the wall');
      assert.deepEqual(errors, []);
    });
  }
});

// The built app in a real browser, signed in as the commander: the map reaches idle with every
// operational layer drawn, Chinese labels placed, a case popup readable; screenshots at wall and
// phone sizes.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, launchChromium, login, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';

type RenderedFeature = { properties: Record<string, unknown>; geometry: { type: string; coordinates: number[] } };
declare global { interface Window { __map: { once(e: string, f: () => void): void; triggerRepaint(): void;
  queryRenderedFeatures(o: { layers: string[] }): RenderedFeature[]; project(c: number[]): { x: number; y: number } } } }

/**
 * Every surface needs a session: sign in as the commander with `url` as the login's `next`, so
 * the map loads once (a second page.goto would abort the first map's requests mid-flight).
 */
async function openMap(page: Page, url: string): Promise<void> {
  const u = new URL(url);
  await login(page, u.origin, 'commander', DEMO_PASSWORD, `${u.pathname}${u.search}`);
  await page.waitForFunction(() => document.body.dataset.mapReady === '1' && !!window.__map, null, { timeout: 60_000 });
  await page.evaluate(() => new Promise<void>((r) => { window.__map.once('idle', () => r()); window.__map.triggerRepaint(); }));
}

const rendered = (page: Page, layer: string) =>
  page.evaluate((l) => window.__map.queryRenderedFeatures({ layers: [l] }).map((f) => ({ properties: f.properties, geometry: f.geometry })), layer);

describe('the map in Chromium', () => {
  let server: RunningServer;
  before(async () => { server = await startServer(); mkdirSync(SHOT_DIR, { recursive: true }); }, { timeout: 200_000 });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('draws cases, checkpoints, sites and zones over the offline base map at 1920×1080', { timeout: 120_000 }, async () => {
    const ctx = await launchChromium({ width: 1920, height: 1080 });
    const failed: string[] = [];
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('requestfailed', (r) => failed.push(r.url()));
    page.on('request', (r) => { if (!r.url().startsWith(server.url) && !/^(data|blob):/.test(r.url())) failed.push(`external: ${r.url()}`); });
    await openMap(page, server.url);
    for (const layer of ['cases-circle', 'checkpoints-circle', 'quarantine-sites-circle', 'testing-sites-circle', 'zones-fill']) {
      assert.ok((await rendered(page, layer)).length > 0, `${layer} rendered no feature`);
    }
    const labels = (await rendered(page, 'townships-label')).map((f) => String(f.properties.name));
    assert.ok(labels.some((n) => /[\u4e00-\u9fff]/.test(n)), `no Chinese township label placed: ${labels.join(',')}`);
    assert.deepEqual(failed, [], 'every request stays on this server and succeeds');

    const [aCase] = await rendered(page, 'cases-circle');
    const px = await page.evaluate((c) => window.__map.project(c), aCase.geometry.coordinates);
    const box = (await page.locator('canvas.maplibregl-canvas').boundingBox())!;
    await page.mouse.click(box.x + px.x, box.y + px.y);
    const popup = page.locator('.sw-popup');
    await popup.waitFor({ timeout: 10_000 });
    const text = await popup.innerText();
    assert.match(text, /确诊|无症状|疑似/, `popup shows the case category: ${text}`);
    assert.doesNotMatch(text, /\d{17}[\dX]|1\d{10}/, 'popup shows no unmasked ID or phone');
    await page.screenshot({ path: join(SHOT_DIR, 'map-1920x1080.png') });
    await ctx.close();
  });

  it('fits a 390×844 phone without horizontal scrolling', { timeout: 120_000 }, async () => {
    const ctx = await launchChromium({ width: 390, height: 844 });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await openMap(page, server.url);
    // Cases are display clusters from a worker (issue 7): at the phone's district zoom most are
    // clusters ('cases-cluster'), single cases stay 'cases-circle'; the worker answers after idle.
    let drawn = 0;
    for (let i = 0; i < 30 && drawn === 0; i++) {
      drawn = (await rendered(page, 'cases-circle')).length + (await rendered(page, 'cases-cluster')).length;
      if (drawn === 0) await page.waitForTimeout(500);
    }
    assert.ok(drawn > 0, 'cases drawn on the phone');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the phone`);
    await page.screenshot({ path: join(SHOT_DIR, 'map-390x844.png') });
    await ctx.close();
  });

  it('keeps the view and the visible layers in the URL', { timeout: 120_000 }, async () => {
    const ctx = await launchChromium({ width: 1280, height: 800 });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await openMap(page, `${server.url}/?c=114.2,36.45&z=13&l=checkpoints,zones`);
    assert.equal((await rendered(page, 'cases-circle').catch(() => [])).length, 0, 'cases hidden when not in l=');
    const url = new URL(page.url());
    assert.equal(url.searchParams.get('z'), '13');
    await ctx.close();
  });
});

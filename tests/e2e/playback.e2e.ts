// Time playback on /plan in a real browser (issue 6 item 3): the demo planner opens 回放 at
// 1440×900, the map shows the zones as they stood on an early day and on the last day (a
// different number of zone features is rendered), cumulative mode shows at least as many as
// state mode, and closing returns to the plan's own zones. Screenshots: .shots/playback-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';
import { idle, laps, numberIn, openPlan, type WithMap } from './plan-page.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOT_DIR, `playback-${name}.png`) });

/** Distinct zone versions the map draws now (a polygon split over tiles is one feature). */
const zonesDrawn = (page: Page, layers: string[]) => page.evaluate((ids) => {
  const m = (window as unknown as WithMap).__map;
  const present = ids.filter((id) => (m as unknown as { getLayer(id: string): unknown }).getLayer(id));
  return new Set(m.queryRenderedFeatures({ layers: present }).map((f) => f.properties.id)).size;
}, layers);

/** Polls until `ok` holds for what the map draws (a filter change renders on a later frame). */
async function settle(page: Page, layers: string[], ok: (n: number) => boolean, what: string): Promise<number> {
  const deadline = Date.now() + 20_000;
  let n = -1;
  while (Date.now() < deadline) {
    await idle(page);
    n = await zonesDrawn(page, layers);
    if (ok(n)) return n;
    await page.waitForTimeout(250);
  }
  assert.fail(`${what}: the map still draws ${n} zone features after 20 s`);
}

/** People at the quarantine sites the map draws for the day, in the mode's count. */
const siteCount = (page: Page, mode: 'state' | 'cumulative') => page.evaluate((m) => {
  const features = (window as unknown as WithMap).__map.queryRenderedFeatures({ layers: ['playback-sites-circle'] });
  const byId = new Map(features.map((f) => [(f as unknown as { id: number }).id, Number(f.properties[m])]));
  return [...byId.values()].reduce((a, b) => a + b, 0);
}, mode);
const centralFigure = async (page: Page) =>
  numberIn(await page.locator('[data-figure="quarantine"] small span').first().innerText());

/** Moves the slider to a day with the keyboard, as a user without a mouse would. */
async function goToDay(page: Page, key: 'Home' | 'End'): Promise<string> {
  await page.getByTestId('playback-range').focus();
  await page.keyboard.press(key);
  return page.getByTestId('playback-date').getAttribute('data-day') as Promise<string>;
}

describe('time playback on /plan in Chromium', () => {
  let server: RunningServer;
  const contexts: BrowserContext[] = [];
  before(async () => { mkdirSync(SHOT_DIR, { recursive: true }); server = await startServer(); }, { timeout: 200_000 });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined))); });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('replays zones, quarantine and cases day by day, in state and cumulative mode', { timeout: 300_000 }, async () => {
    const lap = laps('playback');
    const ctx = await launchChromium({ width: 1440, height: 900 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openPlan(page, server.url, 'planner');
    lap('signed in, map ready');

    const loaded = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v1/playback');
    await page.getByTestId('playback-open').click();
    assert.equal((await loaded).status(), 200, 'GET /api/v1/playback answers the planner');
    await page.getByTestId('playback-bar').waitFor();
    await page.getByTestId('playback-range').waitFor();
    const CURRENT = ['playback-zones-fill'];
    const ALL = ['playback-zones-fill', 'playback-zones-past-fill'];
    // The plan's own zones give way to the playback's.
    assert.equal(await page.evaluate(() => (window as unknown as WithMap).__map.queryRenderedFeatures({ layers: ['plan-zones-fill'] }).length), 0);

    const lastDay = await page.getByTestId('playback-date').getAttribute('data-day');
    const last = await settle(page, CURRENT, (n) => n > 0, 'the last day');
    // The map's filters and the bar's figures (one sweep in the domain) agree on the people at the sites.
    const central = await centralFigure(page);
    assert.ok(central > 0, 'people are in central quarantine on the last day');
    assert.equal(await siteCount(page, 'state'), central, 'the site circles add up to the central-quarantine figure');
    await shot(page, 'last-day-1440x900');
    lap(`last day ${lastDay}: ${last} zones drawn`);

    const firstDay = await goToDay(page, 'Home');
    assert.notEqual(firstDay, lastDay);
    const early = await settle(page, CURRENT, (n) => n !== last, 'an early day');
    assert.notEqual(early, last, `an early day (${firstDay}) draws ${early} zones, the last day ${last}`);
    await shot(page, 'early-day-1440x900');
    lap(`early day ${firstDay}: ${early} zones drawn`);

    await page.getByTestId('playback-cumulative').check();
    const earlyAll = await settle(page, ALL, (n) => n >= early, 'cumulative on the early day');
    await goToDay(page, 'End');
    const lastAll = await settle(page, ALL, (n) => n >= last, 'cumulative on the last day');
    assert.ok(earlyAll >= early && lastAll >= last, `cumulative ${earlyAll}/${lastAll} ≥ state ${early}/${last}`);
    await shot(page, 'cumulative-1440x900');
    lap(`cumulative: ${earlyAll} on the first day, ${lastAll} on the last`);

    // Play a few steps, then close: the plan's own zones come back.
    await page.getByTestId('playback-cumulative').uncheck();
    await page.getByTestId('playback-range').focus();
    await page.keyboard.press('Home');
    await page.getByTestId('playback-play').click();
    await page.waitForFunction((d) => document.querySelector('[data-testid="playback-date"]')?.getAttribute('data-day') !== d,
      firstDay, { timeout: 10_000 });
    await page.getByTestId('playback-play').click(); // pause, so the map catches up before the screenshot
    await idle(page);
    await shot(page, 'paused-1440x900');
    await page.getByTestId('playback-close').click();
    await page.getByTestId('playback-bar').waitFor({ state: 'detached' });
    await settle(page, ['plan-zones-fill'], (n) => n > 0, 'the plan’s zones after closing');
    assert.equal(await page.evaluate(() => !!(window as unknown as { __map: { getLayer(id: string): unknown } }).__map.getLayer('playback-zones-fill')),
      false, 'the playback removed its layers');
    assert.deepEqual(errors, []);
    lap('closed');
  });
});

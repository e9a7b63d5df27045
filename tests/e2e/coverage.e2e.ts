// /plan's coverage mode (issue 8 item 5) in a real browser against the real demo server, as a
// planner: /plan?tab=coverage draws the 5/10/15-minute walking service areas of the testing sites
// and the uncovered residents' cells (rendered features queried from the map), the district figure
// and the township table match the API's answer, a township opens its villages, the capacity table
// shows its rows with the rule sources, K = 3 placement lists three picks with the residents each
// adds and numbers them 1–3 on the map, and a click on the map draws the route to the nearest site
// with its minutes and metres. Screenshots at 1920×1080 and 1366×768 go to $E2E_SHOT_DIR (default
// .shots/) as coverage-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromium, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';
import { apiAnswers, untilRendered, type ApiAnswers } from './coverage-page.ts';
import { idle, laps, numberIn, openPlan, type WithMap } from './plan-page.ts';

const SHOTS = process.env.E2E_SHOT_DIR ?? SHOT_DIR;
// The coverage mode does not draw the analyses: no backfill needed (keeps the start quick).
process.env.SHOUWANG_ANALYSIS_BACKFILL_DAYS ??= '0';

/** Where a click shows a route worth seeing: the most populous uncovered cell that a site still
 * reaches in 16–30 minutes (a resident just outside the standard); else beside the first site. */
function routeStart(api: ApiAnswers): [number, number] {
  const far = api.uncovered.features.filter((f) => f.properties.minutes !== null && f.properties.minutes > 16 && f.properties.minutes <= 30)
    .sort((a, b) => b.properties.residents - a.properties.residents)[0];
  if (far) return far.geometry.coordinates as [number, number];
  const site = api.areas.facilities.find((f) => f.onNetwork && !f.insideSealed) ?? api.areas.facilities[0];
  return [site.lng + 0.003, site.lat];
}

/** Opens the coverage tab and waits for the figures, the bands and the uncovered cells. */
async function openCoverage(page: Page, url: string, api: ApiAnswers, lap: (p: string) => void): Promise<void> {
  await openPlan(page, url, 'planner', '?tab=coverage');
  await page.locator('[data-testid="coverage-units"] tbody tr').first().waitFor({ timeout: 120_000 });
  lap('map ready, township table filled');
  const bands = await untilRendered(page, 'coverage-bands-fill', (p) => new Set(p.map((x) => x.minutes)).size === 3);
  assert.deepEqual([...new Set(bands.map((x) => Number(x.minutes)))].sort((a, b) => a - b), [5, 10, 15], 'the 5/10/15-minute bands are drawn');
  const cells = await untilRendered(page, 'coverage-uncovered-circle', (p) => p.length > 0);
  assert.ok(api.summary.district.uncovered === 0 || cells.length > 0, 'the uncovered cells are drawn');
  assert.ok(cells.every((c) => Number(c.residents) > 0), 'each cell has residents');
  const sites = await untilRendered(page, 'coverage-facilities-circle', (p) => p.length > 0);
  console.log(`bands ${bands.length} tiles, ${cells.length} uncovered cells, ${new Set(sites.map((s) => s.id)).size} sites drawn`);
  lap('bands, uncovered cells and sites rendered');
}

describe('/plan coverage mode in Chromium', () => {
  let server: RunningServer;
  let api: ApiAnswers;
  const contexts: BrowserContext[] = [];
  before(async () => {
    mkdirSync(SHOTS, { recursive: true });
    server = process.env.E2E_SERVER ? { url: process.env.E2E_SERVER, stop: async () => {} } : await startServer();
    api = await apiAnswers(server.url);
    console.log(`API: ${api.summary.district.residents} residents, ${api.summary.district.covered} covered (${(api.summary.district.share * 100).toFixed(1)} %), `
      + `${api.summary.district.uncovered} uncovered, ${api.summary.district.insideSealed} inside sealed zones; ${api.areas.facilities.length} sites`);
  }, { timeout: 400_000 });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined))); });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('shows who is covered, the capacity, where three sites help most and a route, at 1920×1080', { timeout: 600_000 }, async () => {
    const lap = laps('coverage 1920');
    const ctx = await launchChromium({ width: 1920, height: 1080 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openCoverage(page, server.url, api, lap);

    // The figures are the API's: the district's uncovered residents and one row per township.
    assert.equal(numberIn(await page.locator('[data-coverage="uncovered"] dd').innerText()), api.summary.district.uncovered);
    const rows = page.locator('[data-testid="coverage-units"] tbody tr');
    assert.equal(await rows.count(), api.summary.townships.length, 'one row per township');
    const worst = [...api.summary.townships].sort((a, b) => b.uncovered - a.uncovered)[0];
    assert.equal(numberIn(await rows.first().locator('td').nth(3).innerText()), worst.uncovered, 'most uncovered township first');
    // A township opens its villages.
    await rows.first().locator('button').click();
    await page.locator('[data-testid="coverage-units"][data-level="village"]').waitFor();
    assert.equal(await rows.count(), api.summary.villages.filter((v) => v.parentId === worst.id).length, 'its villages');
    await page.getByTestId('coverage-back').click();
    await page.locator('[data-testid="coverage-units"][data-level="township"]').waitFor();

    // Capacity: a row per district, township and zone, each with figures; the rules' sources below.
    const cap = page.locator('[data-testid="coverage-capacity"] tbody tr');
    await cap.first().waitFor();
    assert.equal(await cap.count(), api.capacity.rows.length);
    assert.equal(numberIn(await cap.first().locator('[data-cap="points"]').innerText()), api.capacity.rows[0].samplingPoints.present);
    assert.equal(await page.locator('[data-testid="coverage-capacity"] .sources li').count(), api.capacity.sources.length);
    lap('figures checked against the API');

    // Placement, K = 3 (the default): three picks, each adding residents, numbered 1–3 on the map.
    assert.equal(await page.getByTestId('coverage-k').inputValue(), '3');
    await page.getByTestId('coverage-place').click();
    const picks = page.locator('[data-testid="coverage-picks"] li');
    await picks.nth(2).waitFor({ timeout: 120_000 });
    assert.equal(await picks.count(), 3);
    const added = await picks.locator('[data-added]').allInnerTexts();
    assert.ok(added.every((a) => numberIn(a) > 0), `residents added: ${added.join(' ')}`);
    const numbers = await untilRendered(page, 'coverage-picks-number', (p) => new Set(p.map((x) => x.rank)).size === 3);
    assert.deepEqual([...new Set(numbers.map((x) => Number(x.rank)))].sort(), [1, 2, 3], 'picks numbered on the map');
    console.log(`picks: ${(await picks.allInnerTexts()).map((t) => t.replaceAll('\n', ' ')).join(' | ')}`);
    lap('placement');
    await idle(page);
    await page.screenshot({ path: join(SHOTS, 'coverage-plan-1920x1080.png') });

    // A click on the map: the route to the nearest testing site, with its minutes and metres.
    const start = routeStart(api);
    await page.evaluate((c) => (window as unknown as WithMap).__map.jumpTo({ center: c, zoom: 14 }), start);
    await idle(page);
    const box = (await page.locator('.plan-map canvas.maplibregl-canvas').boundingBox())!;
    const at = await page.evaluate((c) => (window as unknown as WithMap).__map.project(c), start);
    lap('zoomed to the start');
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.locator('[data-testid="coverage-route"][data-found="true"]').waitFor({ timeout: 60_000 });
    lap('route answered');
    const summary = await page.locator('[data-route="summary"]').innerText();
    assert.match(summary, /\d+(\.\d)? 分钟 · [\d,.]+ (米|千米)/, summary);
    const line = await untilRendered(page, 'coverage-route-line', (p) => p.length > 0);
    assert.ok(line.length > 0, 'the route is drawn');
    console.log(`route from ${start.map((v) => v.toFixed(5)).join(',')}: ${summary}`);
    await idle(page);
    await page.screenshot({ path: join(SHOTS, 'coverage-route-1920x1080.png') });
    lap('route');
    assert.deepEqual(errors, []);
  });

  it('fits a planner’s laptop at 1366×768', { timeout: 400_000 }, async () => {
    const lap = laps('coverage 1366');
    const ctx = await launchChromium({ width: 1366, height: 768 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openCoverage(page, server.url, api, lap);
    await idle(page);
    await page.screenshot({ path: join(SHOTS, 'coverage-open-1366x768.png') });
    await page.getByTestId('coverage-place').click();
    await page.locator('[data-testid="coverage-picks"] li').nth(2).waitFor({ timeout: 120_000 });
    await untilRendered(page, 'coverage-picks-number', (p) => new Set(p.map((x) => x.rank)).size === 3);
    await idle(page);
    await page.screenshot({ path: join(SHOTS, 'coverage-plan-1366x768.png') });
    // The side panel scrolled to the placement and capacity blocks.
    await page.getByTestId('coverage-capacity').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'coverage-capacity-1366x768.png') });
    await page.getByTestId('coverage-forecast').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'coverage-sources-1366x768.png') });
    await page.getByTestId('coverage-checkpoints').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOTS, 'coverage-checkpoints-1366x768.png') });
    // Every word in English too (the same blocks, longer words).
    await page.locator('button.lang__btn[lang="en"]').click();
    await page.getByTestId('coverage-panel').getByText('Capacity vs need').waitFor();
    await page.getByTestId('coverage-summary').scrollIntoViewIfNeeded();
    await idle(page);
    await page.screenshot({ path: join(SHOTS, 'coverage-en-1366x768.png') });
    lap('screenshots');
    assert.deepEqual(errors, []);
  });
});

// /plan in a real browser against the real server (issue 4 item 8): as the commander at
// 1920×1080, draw a polygon over field1's team area with real mouse events (terra-draw), watch the
// impact numbers arrive, save it and publish it with a reason, drag a corner to edit it (first
// refused with 409 because someone else saved a version meanwhile, then redone after a reload);
// then as field1 on a 390×844 phone find the zone on the field map. A planner's view at 1366×768 (proposals, replay of a
// past day) is screenshotted too. Screenshots go to .shots/plan-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import { bbox } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import type { BrowserContext } from 'playwright-core';
import { launchChromium, login, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';
import { fieldTeamPoint, idle, laps, mapReady, numberIn, openPlan, rendered, shot, type WithMap } from './plan-page.ts';

describe('/plan in Chromium', () => {
  let server: RunningServer;
  /** Closed after each test even when it failed: a Chromium left open keeps the run from exiting. */
  const contexts: BrowserContext[] = [];
  before(async () => { mkdirSync(SHOT_DIR, { recursive: true }); server = await startServer(); }, { timeout: 200_000 });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined))); });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('draws a zone over a field team’s area, shows its impact, publishes it, and the field member sees it', { timeout: 300_000 }, async () => {
    const lap = laps('commander');
    const target = await fieldTeamPoint(server.url);
    const ctx = await launchChromium({ width: 1920, height: 1080 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openPlan(page, server.url, 'commander');
    await page.getByTestId('profile-card').getByText(/封控区/).first().waitFor();
    lap('signed in, map ready');

    // Zoom to street level over the team's area, then draw a square there with the mouse.
    await page.evaluate((c) => (window as unknown as WithMap).__map.jumpTo({ center: c, zoom: 16 }), target.point);
    await idle(page);
    lap('zoomed to the team area');
    await page.getByTestId('draw-zone').click();
    const box = (await page.locator('.plan-map canvas.maplibregl-canvas').boundingBox())!;
    const centre = await page.evaluate((c) => (window as unknown as WithMap).__map.project(c), target.point);
    const corners = [[-90, -70], [90, -70], [90, 70], [-90, 70]].map(([dx, dy]) => ({ x: box.x + centre.x + dx, y: box.y + centre.y + dy }));
    for (const c of [...corners, corners[0]]) {
      await page.mouse.move(c.x, c.y, { steps: 4 });
      await page.mouse.click(c.x, c.y);
      await page.waitForTimeout(150); // two clicks never read as a double click
    }
    await page.getByTestId('zone-form').waitFor();
    lap('polygon drawn with the mouse');

    // The impact arrives for the closed polygon: people live there.
    const residents = page.locator('[data-impact="residents"] dd');
    await page.waitForFunction(() => {
      const el = document.querySelector('[data-impact="residents"] dd');
      return !!el && !document.querySelector('[data-testid="impact-card"][aria-busy="true"]') && /[1-9]/.test(el.textContent ?? '');
    }, null, { timeout: 30_000 });
    const people = numberIn(await residents.innerText());
    const households = numberIn(await page.locator('[data-impact="households"] dd').innerText());
    assert.ok(people > 0 && households > 0, `impact numbers: ${people} residents, ${households} households`);
    lap('impact shown');
    const zoneName = `e2e 封控区 ${Date.now() % 100000}`;
    await page.getByTestId('zone-name').fill(zoneName);
    await page.getByTestId('zone-kind').selectOption('sealed');
    await idle(page);
    await shot(page, 'draw-1920x1080');
    lap('screenshot');

    const created = page.waitForResponse((r) => r.url().endsWith('/api/v1/zones') && r.request().method() === 'POST');
    await page.getByTestId('save-zone').click();
    assert.equal((await created).status(), 201, 'the zone is stored');
    const { id: zoneId, current } = (await (await created).json()) as { id: number; current: Feature<Polygon> };
    const row = page.locator(`[data-zone-id="${zoneId}"]`);
    await row.waitFor();
    assert.match(await row.innerText(), /待审定/);
    lap('saved as proposed');

    await page.getByTestId('zone-publish').click();
    await page.getByTestId('reason-input').fill('e2e：流调确认，按程序发布');
    const published = page.waitForResponse((r) => r.url().endsWith(`/api/v1/zones/${zoneId}/publish`));
    await page.getByTestId('reason-confirm').click();
    assert.equal((await published).status(), 200, 'the commander publishes it');
    await page.locator(`[data-zone-id="${zoneId}"] [data-testid="zone-status"]`, { hasText: '生效中' }).waitFor();
    await page.locator('[data-testid="zone-versions"] li').nth(1).waitFor();
    lap('published');
    assert.ok((await rendered(page, 'plan-zones-fill')).some((p) => p.zoneId === zoneId), 'the published zone is on the plan map');
    await idle(page);
    await shot(page, 'published-1920x1080');

    // Edit the boundary by dragging a corner (terra-draw's select mode). Meanwhile someone else
    // saves a new version: ours answers 409, the page offers to reload, and the edit is redone.
    const session = await (await page.request.get(`${server.url}/api/v1/session`)).json() as { csrfToken: string };
    const finalName = `${zoneName}（改）`;
    await page.getByTestId('zone-edit').click();
    await page.getByTestId('zone-form').waitFor();
    const other = await page.request.put(`${server.url}/api/v1/zones/${zoneId}`,
      { headers: { 'x-csrf-token': session.csrfToken }, data: { baseVersion: 2, name: finalName, reason: 'e2e：另一位指挥员改名' } });
    assert.equal(other.status(), 200, 'the other user’s change is stored');
    const dragCorner = async () => {
      const [corner, opposite] = [current.geometry.coordinates[0][0], current.geometry.coordinates[0][2]];
      const [a, b] = await page.evaluate(([c, o]) => [c, o].map((p) => (window as unknown as WithMap).__map.project(p)), [corner, opposite]);
      const from = { x: box.x + a.x, y: box.y + a.y };
      const to = { x: from.x + Math.sign(a.x - b.x) * 50, y: from.y + Math.sign(a.y - b.y) * 40 }; // outward
      const impactAgain = page.waitForResponse((r) => r.url().endsWith('/api/v1/impact'));
      await page.mouse.move(from.x, from.y, { steps: 3 });
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 8 });
      await page.mouse.up();
      assert.equal((await impactAgain).status(), 200, 'the impact follows the edit');
    };
    await dragCorner();
    await page.locator('[data-testid="zone-form"] textarea[name="reason"]').fill('e2e：按院墙外扩');
    const refused = page.waitForResponse((r) => r.url().endsWith(`/api/v1/zones/${zoneId}`) && r.request().method() === 'PUT');
    await page.getByTestId('save-zone').click();
    assert.equal((await refused).status(), 409, 'an edit of an outdated version is refused');
    await page.getByTestId('reload-zone').waitFor();
    await shot(page, 'conflict-1920x1080');
    await page.getByTestId('reload-zone').click();
    await page.waitForFunction((n) => (document.querySelector('[data-testid="zone-name"]') as HTMLInputElement | null)?.value === n, finalName);
    assert.equal(await page.getByTestId('zone-name').inputValue(), finalName, 'the editor holds the other user’s version');
    await dragCorner();
    await page.locator('[data-testid="zone-form"] textarea[name="reason"]').fill('e2e：按院墙外扩');
    const edited = page.waitForResponse((r) => r.url().endsWith(`/api/v1/zones/${zoneId}`) && r.request().method() === 'PUT');
    await page.getByTestId('save-zone').click();
    assert.equal((await edited).status(), 200, 'the edit is saved as a new version');
    await page.locator(`[data-zone-id="${zoneId}"]`, { hasText: /第 4 版/ }).waitFor();
    lap('edited by dragging a corner (after a 409 and a reload)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, [], 'no uncaught page errors');
    await ctx.close();
    lap(`done: zone ${zoneId}, ${people} residents`);

    // field1 on a phone: the zone is in their zones layer and drawn on their map.
    const fieldLap = laps('field1');
    const phone = await launchChromium({ width: 390, height: 844 });
    contexts.push(phone);
    const fieldPage = phone.pages()[0] ?? (await phone.newPage());
    const zonesLayer = fieldPage.waitForResponse((r) => r.url().includes('/api/v1/layers/zones'));
    await login(fieldPage, server.url, 'field1');
    const layer = await (await zonesLayer).json() as FeatureCollection;
    assert.ok(layer.features.some((f) => f.properties?.name === finalName), 'the zone is in field1’s zones layer');
    await mapReady(fieldPage);
    fieldLap('signed in, zone in the layer, map ready');
    await fieldPage.locator('[data-test="tab-map"]').click();
    await idle(fieldPage);
    const names = (await rendered(fieldPage, 'zones-fill')).map((p) => p.name);
    assert.ok(names.includes(finalName), `the zone is drawn on field1’s map (rendered: ${names.join(', ')})`);
    // Closer, for the screenshot: the new zone fills the phone's map with its label.
    const zone = layer.features.find((f) => f.properties?.name === finalName)!;
    await fieldPage.evaluate((b) => (window as unknown as { __map: { fitBounds(b: number[], o: object): void } }).__map
      .fitBounds(b, { padding: 60, duration: 0, maxZoom: 16 }), bbox(zone));
    await idle(fieldPage);
    await fieldPage.screenshot({ path: join(SHOT_DIR, 'plan-field-zone-390x844.png') });
    await phone.close();
    fieldLap('zone rendered, screenshot');
  });

  it('lays out proposals and a replayed day for a planner at 1366×768', { timeout: 180_000 }, async () => {
    const lap = laps('planner');
    const ctx = await launchChromium({ width: 1366, height: 768 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await openPlan(page, server.url, 'planner', '?tab=proposals');
    lap('signed in, map ready');
    // Proposals are drawn for the latest case report by default (the demo's cases end in June 2022).
    assert.match(await page.getByTestId('proposals-as-of').inputValue(), /^2022-06-\d\d$/);
    const proposed = page.waitForResponse((r) => r.url().endsWith('/api/v1/zones/proposals'));
    await page.getByTestId('generate-proposals').click();
    assert.equal((await proposed).status(), 200);
    const items = page.locator('[data-proposal-key]');
    await items.first().waitFor();
    assert.ok(await items.count() > 1, 'the demo’s cases call for several zones');
    await items.first().locator('button').first().click();
    await page.locator('[data-impact="residents"]').waitFor({ timeout: 30_000 });
    await idle(page);
    await shot(page, 'proposals-1366x768');
    lap('proposals shown');
    // Accepting one stores it as a proposed zone; a planner cannot publish it.
    const accepted = page.waitForResponse((r) => r.url().endsWith('/api/v1/zones') && r.request().method() === 'POST');
    await items.nth(1).getByTestId('accept-proposal').click();
    assert.equal((await accepted).status(), 201);
    const acceptedId = ((await (await accepted).json()) as { id: number }).id;
    await page.locator('[data-tab="zones"]').click();
    await page.locator(`[data-zone-id="${acceptedId}"]`).click();
    await page.getByTestId('zone-detail').waitFor();
    assert.equal(await page.getByTestId('zone-publish').count(), 0, 'a planner cannot publish');
    assert.equal(await page.getByTestId('zone-edit').count(), 1, 'a planner can edit');
    lap('accepted a proposal');

    // Replay the day the demo's sealing began: the zones as they stood then, read-only.
    const replayed = page.waitForResponse((r) => r.url().includes('/api/v1/zones?at=2022-06-10'));
    await page.getByTestId('replay-day').fill('2022-06-10');
    assert.equal((await replayed).status(), 200);
    await page.getByText('回放中（只读）').waitFor();
    await page.locator('[data-zone-id]').first().click();
    await page.getByTestId('zone-detail').waitFor();
    assert.equal(await page.getByTestId('zone-edit').count(), 0, 'read-only while replaying');
    await page.locator('[data-tab="draw"]').click();
    await page.getByText('回放模式下不能绘制').waitFor();
    await page.locator('[data-tab="zones"]').click();
    await idle(page);
    await shot(page, 'replay-1366x768');
    lap('replayed 2022-06-10');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
    assert.deepEqual(errors, [], 'no uncaught page errors');
    await ctx.close();
  });
});

// The administrator's page in a real browser at 1366×768: create a field member and see the
// one-time password; give a new team two grids by clicking the map and one polygon drawn with
// terra-draw by real mouse events; save, reload, find the three areas; find the change in the
// audit log and verify the hash chain. Screenshots of every tab go to .shots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FeatureCollection } from 'geojson';
import type { Page } from 'playwright-core';
import { fitMap, idle, inside, mapReady, toScreen } from './admin-map.ts';
import { ADMIN_PASSWORD, launchChromium, login, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOT_DIR, `${name}.png`) });
const areaRows = (page: Page) => page.locator('[data-testid="area-list"] li[data-area-key]');

describe('the admin page in Chromium', () => {
  let server: RunningServer;
  before(async () => {
    mkdirSync(SHOT_DIR, { recursive: true });
    server = await startServer();
  }, { timeout: 200_000 });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('manages users, team areas on the map and the audit log at 1366×768', { timeout: 240_000 }, async () => {
    const ctx = await launchChromium({ width: 1366, height: 768 });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, server.url, 'admin', ADMIN_PASSWORD);
    // Not yet the admin's landing page: the first GET /session's 401 rewrites ?next= to '/'
    // (router.ts onUnauthenticated runs before the first navigation ends), so go there directly.
    if (new URL(page.url()).pathname !== '/admin') await page.goto(`${server.url}/admin`);
    await page.waitForURL((u) => u.pathname === '/admin');

    // Users: create a field member; the generated password is shown once.
    await page.locator('tr[data-username="admin"]').waitFor();
    await page.getByTestId('new-user').click();
    const username = 'wangwg07';
    await page.locator('input[name="username"]').fill(username);
    await page.locator('input[name="displayName"]').fill('王网格');
    await page.locator('select[name="role"]').selectOption('fieldMember');
    await page.locator('select[name="teamId"]').selectOption({ index: 1 });
    await page.locator('button[form="user-form"]').click();
    const password = await page.getByTestId('one-time-password').inputValue();
    assert.ok(password.length >= 12, `a generated password is shown: ${password}`);
    await shot(page, 'admin-password-1366x768');
    await page.getByRole('button', { name: '我已记下，关闭' }).click();
    const row = page.locator(`tr[data-username="${username}"]`);
    assert.match(await row.innerText(), /王网格[\s\S]*网格员\/现场队员/);
    await shot(page, 'admin-users-1366x768');

    await page.locator('[data-tab="roles"]').click();
    await page.getByTestId('policy-matrix').waitFor();
    assert.match(await page.getByTestId('policy-matrix').innerText(), /审计日志[\s\S]*查看/);
    await shot(page, 'admin-roles-1366x768');

    // Teams: a new team opens in the area editor; the map is ready once its layers are drawn.
    await page.locator('[data-tab="teams"]').click();
    await mapReady(page);
    await page.locator('input[name="teamName"]').fill('第九网格工作队');
    await page.getByTestId('new-team').locator('button[type="submit"]').click();
    const team = page.locator('li[data-team-id].is-open');
    await team.waitFor();
    assert.match(await team.innerText(), /第九网格工作队/);
    const teamId = await team.getAttribute('data-team-id');

    // Two grids of one village, clicked at their label points after fitting the map to them.
    const grids = await page.evaluate(async () => (await (await fetch('/api/v1/layers/grids?limit=10000')).json()) as FeatureCollection);
    const clickable = grids.features.filter((f) => inside(f));
    const first = clickable[0];
    const second = clickable.find((f) => f.id !== first.id && f.properties?.adminUnitId === first.properties?.adminUnitId)
      ?? clickable[1];
    const points = [first, second].map((f) => inside(f)!);
    const lngs = points.map((p) => p[0]);
    const lats = points.map((p) => p[1]);
    await fitMap(page, [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)]);
    for (const [i, p] of points.entries()) {
      const at = await toScreen(page, p);
      await page.mouse.click(at.x, at.y);
      await page.waitForFunction((n) => document.querySelectorAll('[data-testid="area-list"] li[data-area-key]').length === n, i + 1);
    }
    assert.deepEqual(await areaRows(page).evaluateAll((els) => els.map((e) => e.getAttribute('data-area-key'))),
      [`grid:${first.id}`, `grid:${second.id}`]);
    // Village picking toggles the village around the first grid in, then out again.
    await page.locator('[data-pick-mode="village"]').click();
    const firstAt = await toScreen(page, points[0]);
    await page.mouse.click(firstAt.x, firstAt.y);
    await page.locator(`li[data-area-key="unit:${first.properties?.adminUnitId}"]`).waitFor();
    await page.mouse.click(firstAt.x, firstAt.y);
    await page.locator(`li[data-area-key="unit:${first.properties?.adminUnitId}"]`).waitFor({ state: 'detached' });
    await page.locator('[data-pick-mode="grid"]').click();

    // A polygon drawn with terra-draw: four clicks, then the first vertex again closes the ring.
    await page.getByTestId('draw-polygon').click();
    const box = (await page.locator('.team-map canvas.maplibregl-canvas').boundingBox())!;
    const corners = [[0.1, 0.12], [0.3, 0.1], [0.32, 0.3], [0.12, 0.32]].map(([fx, fy]) => ({ x: box.x + fx * box.width, y: box.y + fy * box.height }));
    for (const c of [...corners, corners[0]]) {
      await page.mouse.move(c.x, c.y, { steps: 4 });
      await page.mouse.click(c.x, c.y);
      await page.waitForTimeout(150); // two clicks never read as a double click
    }
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="area-list"] li[data-area-key]').length === 3);
    assert.equal(await areaRows(page).nth(2).getAttribute('data-area-key'), 'drawn:new-1');
    await idle(page);
    await shot(page, 'admin-teams-edit-1366x768');

    const saved = page.waitForResponse((r) => r.url().endsWith(`/api/v1/teams/${teamId}/areas`) && r.request().method() === 'PUT');
    await page.getByTestId('save-areas').click();
    assert.equal((await saved).status(), 200);
    await page.getByText('责任区已保存').waitFor();

    await page.reload();
    await page.locator(`li[data-team-id="${teamId}"]`).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="area-list"] li[data-area-key]').length === 3, null, { timeout: 20_000 });
    assert.match(await page.locator(`li[data-team-id="${teamId}"]`).innerText(), /3 个责任区/);
    await mapReady(page);
    await idle(page);
    await shot(page, 'admin-teams-saved-1366x768');

    // Audit: the team's update is in the log; the hash chain verifies.
    await page.locator('[data-tab="audit"]').click();
    await page.locator('input[name="entity"]').fill('teams');
    await page.locator('input[name="entityId"]').fill(String(teamId));
    await page.getByTestId('audit-form').locator('button[type="submit"]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="audit-table"] tr[data-audit-id]').length > 0);
    const entries = await page.locator('[data-testid="audit-table"] tr[data-audit-id]').allInnerTexts();
    assert.ok(entries.some((e) => /admin/.test(e) && /teams/.test(e)), `the team's changes are logged: ${entries.join('\n')}`);
    await page.getByTestId('verify-chain').click();
    await page.locator('.verdict').waitFor();
    assert.match(await page.locator('.verdict').innerText(), /哈希链完整/);
    await shot(page, 'admin-audit-1366x768');
    assert.deepEqual(errors, [], 'no uncaught page errors');
    await ctx.close();
  });

  it('lays the teams tab out at 1920×1080', { timeout: 120_000 }, async () => {
    const ctx = await launchChromium({ width: 1920, height: 1080 });
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await login(page, server.url, 'admin', ADMIN_PASSWORD);
    await page.goto(`${server.url}/admin?tab=teams`);
    await mapReady(page);
    await page.locator('li[data-team-id]').first().click();
    await idle(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await shot(page, 'admin-teams-1920x1080');
    await ctx.close();
  });
});

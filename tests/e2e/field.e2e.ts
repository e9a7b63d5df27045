// The field view on a 390×844 phone against the real server: login as field1, the team's area
// outlined and its tasks listed, a status update with a note, an update made offline kept as
// "pending" and sent exactly once when the network returns, and logout. Screenshots in .shots/.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import { launchChromium, login, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';

type MapHandle = { once(e: string, f: () => void): void; triggerRepaint(): void;
  queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[] };
const PHONE = { width: 390, height: 844 };

async function mapIdle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.mapReady === '1', null, { timeout: 60_000 });
  await page.evaluate(() => new Promise<void>((r) => {
    const m = (window as unknown as { __map: MapHandle }).__map;
    m.once('idle', () => r());
    m.triggerRepaint();
  }));
}

const rendered = (page: Page, layer: string) => page.evaluate((l) =>
  (window as unknown as { __map: MapHandle }).__map.queryRenderedFeatures({ layers: [l] }).map((f) => f.properties), layer);

/**
 * Text smaller than 16 px or touch targets under 44 px in the app's own UI (not MapLibre's).
 * No named helpers inside: tsx would wrap them in a `__name` call the page does not have.
 */
const tooSmall = (page: Page) => page.evaluate(() => {
  const problems: string[] = [];
  for (const e of document.querySelectorAll('.bar *, .panel *, .tabs *, .banner *')) {
    const box = e.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    const size = parseFloat(getComputedStyle(e).fontSize);
    const ownText = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent!.trim() !== '');
    if (ownText && size < 16) problems.push(`text .${e.className}: ${size}px`);
    if (e.matches('a, button, textarea, input') && box.height < 44) problems.push(`target ${e.tagName} .${e.className}: ${box.height}px`);
  }
  return problems;
});

const historyRow = (page: Page, note: string) => page.locator('[data-test="history"] li', { hasText: note });

async function report(page: Page, note: string): Promise<void> {
  const form = page.locator('[data-test="update-form"]');
  await form.locator('[role="radio"]').first().click();
  await form.locator('textarea').fill(note);
  await form.locator('[data-test="update-submit"]').click();
}

describe('the field view on a phone', () => {
  let server: RunningServer;
  before(async () => { server = await startServer(); mkdirSync(SHOT_DIR, { recursive: true }); }, { timeout: 200_000 });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('sends an anonymous visitor of /field to the login page', { timeout: 60_000 }, async () => {
    const ctx = await launchChromium(PHONE);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await page.goto(`${server.url}/field`);
    await page.waitForURL((u) => u.pathname === '/login', { timeout: 30_000 });
    assert.equal(new URL(page.url()).searchParams.get('next'), '/field');
    await page.locator('form[data-test="login-form"]').waitFor();
    await page.locator('#login-username').fill('field1');
    await page.locator('#login-password').fill('not-the-password');
    await page.locator('form[data-test="login-form"] button[type="submit"]').click();
    const error = page.locator('[data-test="login-error"]');
    await error.waitFor();
    assert.match(await error.innerText(), /密码/, 'the server’s own zh-CN message');
    assert.equal(new URL(page.url()).pathname, '/login');
    await page.screenshot({ path: join(SHOT_DIR, 'login-390x844.png') });

    // Five failures lock an account (server/auth/throttle.ts); the sixth, through the form, says until when.
    for (let i = 0; i < 5; i++) {
      await page.request.post(`${server.url}/api/v1/session`, { data: { username: 'wall', password: 'wrong-password' } });
    }
    await page.locator('#login-username').fill('wall');
    await page.locator('form[data-test="login-form"] button[type="submit"]').click();
    await page.locator('[data-test="login-error"]', { hasText: /请于 \d{2}:\d{2} 后再试/ }).waitFor();
    assert.ok(await page.locator('form[data-test="login-form"] button[type="submit"]').isDisabled(), 'no retry before then');
    await page.screenshot({ path: join(SHOT_DIR, 'login-429-390x844.png') });
    await ctx.close();
  });

  it('lists and maps the team’s tasks, posts updates online and offline, each exactly once', { timeout: 240_000 }, async () => {
    const ctx = await launchChromium(PHONE);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const landed = await login(page, server.url, 'field1');
    assert.equal(new URL(landed).pathname, '/field', 'a field member lands on /field');

    await mapIdle(page);
    assert.ok((await rendered(page, 'team-areas-line')).length > 0, 'the team area is outlined');
    const items = page.locator('[data-test="task-item"]');
    await items.first().waitFor();
    assert.ok((await items.count()) > 0, 'field1 has open tasks');
    assert.deepEqual(await tooSmall(page), [], 'task list legible without zoom');
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), 'no sideways scrolling');
    await page.screenshot({ path: join(SHOT_DIR, 'field-tasks-390x844.png') });

    await page.locator('[data-test="tab-map"]').click();
    await mapIdle(page);
    assert.ok((await rendered(page, 'tasks-circle')).length + (await rendered(page, 'tasks-fill')).length > 0, 'tasks on the map');
    await page.screenshot({ path: join(SHOT_DIR, 'field-map-390x844.png') });
    await page.locator('[data-test="tab-tasks"]').click();

    await items.first().click();
    await page.waitForURL(/\/field\/tasks\/\d+$/);
    const taskId = Number(new URL(page.url()).pathname.split('/').pop());
    await page.locator('[data-test="task-detail"]').waitFor();
    assert.match(await page.locator('[data-test="navigate"]').getAttribute('href') ?? '', /^geo:-?\d+\.\d{6},-?\d+\.\d{6}/);

    const onlineNote = `e2e 在线更新 ${Date.now()}`;
    await report(page, onlineNote);
    await historyRow(page, onlineNote).and(page.locator('[data-pending="0"]')).waitFor({ timeout: 20_000 });
    assert.deepEqual(await tooSmall(page), [], 'task detail legible without zoom');
    await page.screenshot({ path: join(SHOT_DIR, 'field-task-detail-390x844.png'), fullPage: true });

    await ctx.setOffline(true);
    const offlineNote = `e2e 离线更新 ${Date.now()}`;
    await report(page, offlineNote);
    const pendingRow = historyRow(page, offlineNote);
    await pendingRow.and(page.locator('[data-pending="1"]')).waitFor();
    await page.locator('[data-test="offline"]').waitFor();
    const clientId = await pendingRow.getAttribute('data-client-id');
    assert.ok(clientId, 'the pending row carries its clientId');
    await page.waitForTimeout(2_500); // a retry timer firing while offline must not lose or duplicate it
    await pendingRow.scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SHOT_DIR, 'field-offline-pending-390x844.png') });

    await ctx.setOffline(false);
    await historyRow(page, offlineNote).and(page.locator('[data-pending="0"]')).waitFor({ timeout: 30_000 });
    await page.locator('[data-test="pending-count"]').waitFor({ state: 'detached' });
    const detail = await (await page.request.get(`${server.url}/api/v1/tasks/${taskId}`)).json() as
      { updates: { clientId: string; note: string | null }[] };
    assert.equal(detail.updates.filter((u) => u.clientId === clientId).length, 1, 'the offline update stored exactly once');
    assert.equal(detail.updates.filter((u) => u.note === onlineNote).length, 1, 'the online update stored exactly once');

    await page.locator('[data-test="show-on-map"]').click();
    await mapIdle(page);
    const selected = [...await rendered(page, 'tasks-circle'), ...await rendered(page, 'tasks-fill')].filter((p) => p.selected === true);
    assert.equal(selected.length > 0 ? Number(selected[0].id) : null, taskId, 'our map centres on the task');

    await page.locator('[data-test="user-menu"]').click();
    await page.locator('[data-test="logout"]').click();
    await page.waitForURL((u) => u.pathname === '/login');
    assert.equal((await page.request.get(`${server.url}/api/v1/session`)).status(), 401, 'the session ended');
    assert.deepEqual(errors, [], 'no uncaught page errors');
    await ctx.close();
  });
});

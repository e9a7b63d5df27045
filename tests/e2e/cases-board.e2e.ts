// The closed-loop board and the quarantine rooms of /cases in a real browser against the real
// server (issue 5 items 2 and 4): as the demo case officer, open the board, see the KPI strip and
// the overdue loops, refuse to complete a test step without its result, see a server refusal in
// the dialog, release a person from quarantine, and see the board's column and the rooms' occupancy
// change without a page reload (the completion refreshes the board, KPIs and occupancy together);
// preview a room allocation; download the board as CSV. Screenshots go to .shots/cases-board-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchChromium, login, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';

const numberIn = (text: string) => Number((/[\d,]+/.exec(text)?.[0] ?? 'NaN').replaceAll(',', ''));
const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOT_DIR, `cases-board-${name}.png`) });
const count = async (page: Page, step: string) => numberIn(await page.locator(`.col[data-step="${step}"] [data-testid="column-count"]`).innerText());

async function openTab(page: Page, url: string, tab: 'board' | 'rooms'): Promise<void> {
  await page.goto(`${url}/cases?tab=${tab}`);
  await page.locator(tab === 'board' ? '[data-testid="loop-board"] .card' : '[data-testid="rooms-panel"] .site').first().waitFor({ timeout: 60_000 });
}

describe('/cases board and rooms in Chromium', () => {
  let server: RunningServer;
  const contexts: BrowserContext[] = [];
  before(async () => { mkdirSync(SHOT_DIR, { recursive: true }); server = await startServer(); }, { timeout: 200_000 });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined))); });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('completes steps on the board and the occupancy follows without a reload', { timeout: 300_000 }, async () => {
    const ctx = await launchChromium({ width: 1440, height: 900 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await login(page, server.url, 'officer', DEMO_PASSWORD);

    // The rooms tab first: the free rooms before anyone is released.
    await openTab(page, server.url, 'rooms');
    const freeBefore = numberIn(await page.getByTestId('rooms-free').innerText());
    assert.ok(freeBefore > 0, 'the demo has free rooms');
    await shot(page, 'rooms-1440x900');

    await page.getByRole('tab', { name: '闭环看板' }).click();
    await page.locator('[data-testid="loop-board"] .card').first().waitFor();
    assert.match(await page.getByTestId('loop-kpis').innerText(), /12 小时内转运率/);
    assert.ok(numberIn(await page.getByTestId('kpi-overdue').innerText()) > 0, 'the demo has overdue loops');
    const firstLate = page.locator('.col[data-step="released"] .card').first();
    assert.match(await firstLate.innerText(), /超时 \d+/, 'overdue loops come first in their column');
    await shot(page, 'board-1440x900');

    // A test step needs its result: the dialog says so and sends nothing.
    const navigations: string[] = [];
    page.on('framenavigated', (f) => { if (f === page.mainFrame()) navigations.push(f.url()); });
    await page.locator('.col[data-step="tested"] [data-testid="complete-step"]').first().click();
    const dialog = page.getByTestId('step-complete-dialog');
    await dialog.getByTestId('complete-confirm').click();
    await dialog.getByText('请选择检测结果').waitFor();
    // A refusal from the server is shown in its own words, and the dialog stays open.
    await page.route('**/api/v1/loops/steps/*/complete', (route) => route.fulfill({ status: 409, contentType: 'application/problem+json',
      body: JSON.stringify({ type: 'about:blank', title: 'Conflict', status: 409, code: 'loop_step_not_next',
        message: { 'zh-CN': '该环节不是此人的当前环节', en: 'Not the current step' } }) }));
    await dialog.getByTestId('result-negative').check();
    await dialog.getByTestId('complete-confirm').click();
    assert.match(await dialog.getByTestId('complete-error').innerText(), /该环节不是此人的当前环节/);
    await page.unroute('**/api/v1/loops/steps/*/complete');
    await dialog.getByRole('button', { name: '取消' }).click();

    // Release someone who holds a room: the board and the occupancy both refresh at once.
    const releasedBefore = await count(page, 'released');
    const cards = page.locator('.col[data-step="released"] .card');
    let personId = 0;
    for (let i = 0; i < 10 && !personId; i++) {
      const id = Number(await cards.nth(i).getAttribute('data-person-id'));
      const person = await (await page.request.get(`${server.url}/api/v1/people/${id}`)).json() as { room: unknown };
      if (person.room) personId = id;
    }
    assert.ok(personId, 'one of the first released-step people holds a room');
    const card = page.locator(`.col[data-step="released"] .card[data-person-id="${personId}"]`);
    await card.getByTestId('complete-step').click();
    const occupancy = page.waitForResponse((r) => r.url().endsWith('/api/v1/rooms/occupancy') && r.ok());
    const completed = page.waitForResponse((r) => r.url().includes('/complete') && r.request().method() === 'POST');
    await dialog.getByTestId('complete-confirm').click();
    assert.equal((await completed).status(), 200, 'the step is completed');
    await occupancy; // refreshed by the completion itself, while the board tab is showing
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction((n) => Number(document.querySelector('.col[data-step="released"] [data-testid="column-count"]')?.textContent?.replace(/,/g, '')) === n - 1,
      releasedBefore, { timeout: 10_000 });
    assert.equal(await card.count(), 0, 'the released person left the column');

    await page.getByRole('tab', { name: '隔离房间' }).click();
    await page.locator('[data-testid="rooms-panel"] .site').first().waitFor();
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="rooms-free"]')?.textContent?.replace(/,/g, '')) === n + 1,
      freeBefore, { timeout: 10_000 });

    // Allocation: preview for whoever waits for a room (nothing is written by a preview).
    await page.getByTestId('allocate-open').click();
    const alloc = page.getByTestId('allocate-dialog');
    await alloc.locator('input[data-person-id]').first().check();
    await alloc.getByTestId('allocate-preview-btn').click();
    await alloc.getByTestId('allocate-preview').waitFor();
    await shot(page, 'allocate-1440x900');
    await alloc.getByRole('button', { name: '取消' }).click();

    assert.equal(navigations.filter((u) => !u.includes('/cases')).length, 0, 'no reload or navigation away');
    assert.deepEqual(errors, []);
  });

  it('downloads the board as CSV at 1920×1080', { timeout: 180_000 }, async () => {
    const ctx = await launchChromium({ width: 1920, height: 1080 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await login(page, server.url, 'officer', DEMO_PASSWORD);
    await openTab(page, server.url, 'board');
    const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/loops/board?overdueOnly=true') && r.ok());
    await page.getByTestId('board-overdue').check();
    await filtered;
    // Only overdue loops remain: home monitoring (never overdue in the demo) empties, every card says how late.
    await page.waitForFunction(() => document.querySelector('.col[data-step="homeMonitoring"] [data-testid="column-count"]')?.textContent === '0',
      null, { timeout: 20_000 });
    const onTime = await page.locator('.card').evaluateAll((cards) => cards.filter((c) => !/超时/.test(c.textContent ?? '')).map((c) => c.textContent));
    assert.deepEqual(onTime, []);
    await shot(page, 'overdue-1920x1080');
    const download = page.waitForEvent('download');
    await page.getByTestId('board-export-csv').click();
    const file = await download;
    assert.match(file.suggestedFilename(), /\.csv$/);
  });
});

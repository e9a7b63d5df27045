// /cases in a real browser against the real server (issue 5 item 1): the demo case officer signs
// in and lands on the registry, filters it (category, then overdue), opens a case whose exposure
// trajectory is drawn on the map with their home, registers a contact of that case and reads the
// schedule the server computed from the rule profile, then opens the chains: the graph, the date
// range narrowed with the keyboard, a click on a node opening that person, the chains on the map.
// Screenshots at 1440×900 and 1920×1080 go to .shots/cases-*.png.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import type { FeatureCollection } from 'geojson';
import type { BrowserContext, Page } from 'playwright-core';
import { idCheckChar } from '../../domain/people/id-number.ts';
import { launchChromium, login, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';
import { idle, laps, mapReady, rendered } from './plan-page.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOT_DIR, `cases-${name}.png`) });
type Graph = { getOption(): { series: { data: { id: string; x: number; y: number; symbolSize: number }[] }[] };
  convertToPixel(f: object, v: number[]): number[] };

async function bothSizes(page: Page, name: string): Promise<void> {
  await idle(page);
  await shot(page, `${name}-1440x900`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.waitForTimeout(300); // the graph and the map follow their panels' new size
  await idle(page);
  await shot(page, `${name}-1920x1080`);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.waitForTimeout(300);
}

const personInUrl = (page: Page) => Number(new URL(page.url()).searchParams.get('person'));

describe('/cases in Chromium', () => {
  let server: RunningServer;
  const contexts: BrowserContext[] = [];
  before(async () => { mkdirSync(SHOT_DIR, { recursive: true }); server = await startServer(); }, { timeout: 400_000 });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined))); });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('filters the registry, opens a case with its trajectory, adds a contact, and follows the chain', { timeout: 400_000 }, async () => {
    const lap = laps('officer');
    const ctx = await launchChromium({ width: 1440, height: 900 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));

    const landed = await login(page, server.url, 'officer');
    assert.equal(new URL(landed).pathname, '/cases', 'the case officer’s home is the registry');
    await page.locator('[data-testid="registry"] tbody tr').first().waitFor();
    await mapReady(page);
    lap('signed in, registry and map ready');

    // Filter: confirmed cases only; every row is one, names masked as the server sent them.
    const filtered = page.waitForResponse((r) => r.url().includes('/api/v1/people?') && r.url().includes('category=confirmed'));
    await page.getByTestId('filter-category').selectOption('confirmed');
    assert.equal((await filtered).status(), 200);
    await page.waitForFunction(() => {
      const cats = [...document.querySelectorAll('[data-testid="registry"] tbody tr [data-category]')].map((e) => e.getAttribute('data-category'));
      return cats.length > 0 && cats.every((c) => c === 'confirmed');
    });
    const names = await page.locator('[data-testid="registry"] tbody tr td:nth-child(2)').allInnerTexts();
    assert.ok(names.length > 0 && names.every((n) => n.includes('*')), `masked names: ${names.slice(0, 3).join(' ')}`);
    const overdue = page.waitForResponse((r) => r.url().includes('/api/v1/people?') && r.url().includes('overdue=true'));
    await page.getByTestId('filter-overdue').check();
    assert.equal((await overdue).status(), 200, 'the overdue filter is asked of the server');
    const back = page.waitForResponse((r) => r.url().includes('/api/v1/people?') && !r.url().includes('overdue=true'));
    await page.getByTestId('filter-overdue').uncheck();
    await back;
    await page.waitForFunction(() => document.querySelector('[data-testid="registry"]')?.getAttribute('aria-busy') === 'false');
    lap('filtered');

    // Open the first confirmed case listed: the detail, and its trajectory on the map.
    const row = page.locator('[data-testid="registry"] tbody tr').first();
    await row.waitFor();
    const personId = Number(await row.getAttribute('data-person-id'));
    const detailRes = page.waitForResponse((r) => r.url().endsWith(`/api/v1/people/${personId}`));
    await row.click();
    assert.equal((await detailRes).status(), 200);
    assert.equal(personInUrl(page), personId, 'the open person is in the URL');
    await page.locator(`[data-testid="person-detail"][data-person-id="${personId}"] [data-testid="detail-steps"] li`).first().waitFor();
    await page.locator('[data-testid="detail-exposures"] li').first().waitFor();
    await page.waitForFunction(() => (window as unknown as { __map: { getSource(id: string): unknown } }).__map.getSource('cases-trajectory'));
    await idle(page);
    const home = await rendered(page, 'cases-trajectory-home');
    const places = await rendered(page, 'cases-trajectory-place');
    assert.equal(home.length, 1, 'the home is on the map');
    assert.ok(places.length >= 1, `the exposure places are on the map (${places.length})`);
    lap(`person ${personId} open, ${places.length} places on the map`);
    await bothSizes(page, 'registry');

    // A contact of this case: the server decides close contact and computes the schedule.
    const cookie = (await ctx.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
    const points = await (await fetch(`${server.url}/api/v1/layers/address-points?bbox=114.19,36.40,114.22,36.43&limit=5`, { headers: { cookie } })).json() as FeatureCollection;
    const address = String(points.features[0]?.properties?.address ?? '');
    assert.ok(address, 'a demo address to live at');
    const first17 = `13040619900${String(Date.now() % 1_000_000).padStart(6, '0')}`;
    await page.getByTestId('add-contact').click();
    const form = page.getByTestId('contact-form');
    await form.locator('input[name="name"]').fill('测试接触');
    await form.locator('input[name="idNumber"]').fill(first17 + idCheckChar(first17));
    await form.locator('input[name="phone"]').fill('13912345678');
    await form.locator('input[name="age"]').fill('36');
    await form.locator('input[name="homeAddress"]').fill(address);
    await form.locator('select[name="contactType"]').selectOption('work');
    const created = page.waitForResponse((r) => r.url().endsWith(`/api/v1/people/${personId}/contacts`));
    await page.getByTestId('contact-submit').click();
    const answer = await created;
    assert.equal(answer.status(), 201, `the contact is registered: ${await answer.text()}`);
    const body = await answer.json() as { id: number; category: string; schedule: { centralDays: number } | null };
    assert.equal(body.category, 'closeContact');
    await page.getByTestId('contact-schedule').waitFor();
    if (body.schedule && body.schedule.centralDays > 0) await page.getByTestId('schedule-central').waitFor();
    await page.locator(`[data-testid="detail-contacts"] [data-open-person="${body.id}"]`).waitFor();
    await page.getByTestId('contact-schedule').scrollIntoViewIfNeeded();
    await shot(page, 'contact-1440x900');
    lap(`contact #${body.id} registered with its schedule`);

    // The chains: the graph, narrowed by date, a node opens its person, the map shows links.
    await page.locator('[data-tab="chain"]').click();
    assert.equal(new URL(page.url()).searchParams.get('tab'), 'chain');
    const graph = page.getByTestId('chain-graph');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid="chain-graph"]')?.getAttribute('data-nodes')) > 0);
    const all = Number(await graph.getAttribute('data-nodes'));
    await page.getByTestId('chain-range-lo').focus();
    for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((n) => Number(document.querySelector('[data-testid="chain-graph"]')?.getAttribute('data-nodes')) < n, all);
    const narrowed = Number(await graph.getAttribute('data-nodes'));
    assert.ok(narrowed > 0 && narrowed < all, `the date range narrows the chains (${all} → ${narrowed})`);
    lap(`chains ${all} → ${narrowed} persons`);

    await page.waitForTimeout(300);
    // Click a case (drawn larger) in the middle of the list; rings of contacts may overlap it, so
    // whoever is under the pointer opens — it must be a person of the graph.
    const before = personInUrl(page);
    const target = await page.evaluate(() => {
      const g = (window as unknown as { __chainGraph: Graph }).__chainGraph;
      const data = g.getOption().series[0].data.filter((d) => d.symbolSize >= 12);
      const n = data[Math.floor(data.length / 2)];
      const [x, y] = g.convertToPixel({ seriesIndex: 0 }, [n.x, n.y]);
      return { id: Number(n.id), x, y, ids: g.getOption().series[0].data.map((d) => Number(d.id)) };
    });
    const box = (await page.locator('[data-testid="chain-graph"] canvas').first().boundingBox())!;
    await page.mouse.click(box.x + target.x, box.y + target.y);
    await page.waitForFunction((b) => new URL(location.href).searchParams.get('person') !== String(b), before);
    const opened = personInUrl(page);
    assert.ok(target.ids.includes(opened), `a person of the graph opens (${opened}; aimed at ${target.id})`);
    await page.locator(`[data-testid="person-detail"][data-person-id="${opened}"] [data-testid="detail-steps"]`).waitFor();
    await page.mouse.move(box.x + 5, box.y + box.height - 5); // no hover highlight in the screenshots
    await idle(page);
    const links = await rendered(page, 'cases-chain-link');
    const persons = await rendered(page, 'cases-chain-person');
    assert.ok(persons.length > 0 && links.length > 0, `the chains are on the map (${persons.length} persons, ${links.length} links)`);
    lap(`node ${opened} opened from the graph`);
    await bothSizes(page, 'chain');

    // The map page links here for the officer.
    await page.goto(`${server.url}/`);
    await page.locator('[data-test="nav-cases"]').waitFor();
    assert.deepEqual(errors, [], 'no page errors');
  });
});

// Issue 5's "done when", in a real browser against the real server: a case officer (a newcomer:
// no saved mapping) imports a sheet of 200 cases with messy addresses (tests/e2e/import-sheet.ts,
// made from the demo's own address points), sees the suggested mapping, the check with its error
// rows, fixes the review queue — one row by picking a candidate, one by clicking the map, the rest
// skipped — commits the ready rows as an explicit partial import, and finds the new people on the
// loop board. A second, small CSV in GCJ-02 coordinates shows the coordinate-system question.
// Screenshots of every step at 1440×900 go to .shots/import-*.png.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, before, describe, it } from 'node:test';
import gcoord from 'gcoord';
import type { FeatureCollection, Point } from 'geojson';
import type { BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD, launchChromium, login, SHOT_DIR, scanBrowserResponses, startServer, type RunningServer } from './harness.ts';
import { makeIdNumber } from '../../geodata/people/id-number.ts';
import { mobileNumber, personName } from '../../geodata/people/names.ts';
import { Rng } from '../../geodata/prng.ts';
import { BAD_ROWS, HOPELESS, makeSheet, ROWS, sheetXlsx } from './import-sheet.ts';
import { idle, laps, mapReady, type WithMap } from './plan-page.ts';

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOT_DIR, `import-${name}.png`) });
const count = async (page: Page, key: string) => Number(await page.locator(`[data-count="${key}"] dd`).first().innerText());

async function signIn(url: string, username: string): Promise<string> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  assert.equal(res.status, 200, `${username} signs in`);
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

/** The demo's address points over a 4×4 grid of the district (up to 400 from each cell), as the officer reads them. */
async function demoAddresses(url: string, cookie: string): Promise<{ address: string; point: [number, number] }[]> {
  const [w, s, e, n] = [114.047, 36.342, 114.31, 36.574];
  const out: { address: string; point: [number, number] }[] = [];
  for (let i = 0; i < 4; i++) {
    for (let j = 0; j < 4; j++) {
      const bbox = [w + (e - w) * i / 4, s + (n - s) * j / 4, w + (e - w) * (i + 1) / 4, s + (n - s) * (j + 1) / 4].map((v) => v.toFixed(5));
      const res = await fetch(`${url}/api/v1/layers/address-points?bbox=${bbox.join(',')}&limit=400`, { headers: { cookie } });
      assert.equal(res.status, 200, 'the officer reads address points');
      for (const f of ((await res.json()) as FeatureCollection<Point>).features) {
        out.push({ address: String(f.properties?.address), point: f.geometry.coordinates as [number, number] });
      }
    }
  }
  return out;
}

async function openImport(page: Page, url: string): Promise<void> {
  await login(page, url, 'officer', DEMO_PASSWORD, '/cases?tab=import');
  if (!page.url().includes('tab=import')) await page.goto(`${url}/cases?tab=import`);
  await page.getByTestId('import-upload').waitFor();
}

describe('/cases import in Chromium', () => {
  let server: RunningServer;
  let points: { address: string; point: [number, number] }[] = [];
  const contexts: BrowserContext[] = [];
  before(async () => { mkdirSync(SHOT_DIR, { recursive: true }); server = await startServer(); }, { timeout: 400_000 });
  afterEach(async () => { await Promise.all(contexts.splice(0).map((c) => c.close().catch(() => undefined))); });
  after(async () => { await server?.stop(); await scanBrowserResponses(); });

  it('imports 200 messy cases, fixes the review queue by candidate and by map click, commits, and shows them on the board',
    { timeout: 600_000 }, async () => {
      const lap = laps('import');
      const cookie = await signIn(server.url, 'officer');
      points = await demoAddresses(server.url, cookie);
      assert.ok(points.length >= ROWS, `enough demo addresses (${points.length})`);
      const sheet = makeSheet(points.map((p) => p.address));
      const file = join(mkdtempSync(join(tmpdir(), 'shouwang-import-')), '病例名单-e2e.xlsx');
      writeFileSync(file, await sheetXlsx(sheet));
      lap(`sheet of ${sheet.rows.length} rows written`);

      const ctx = await launchChromium({ width: 1440, height: 900 });
      contexts.push(ctx);
      const page = ctx.pages()[0] ?? (await ctx.newPage());
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await openImport(page, server.url);

      // 1 upload
      await page.getByTestId('import-source').fill('e2e 区疾控流调组');
      await page.getByTestId('import-file').setInputFiles(file);
      await shot(page, '1-upload');
      await page.getByTestId('import-upload-submit').click();
      await page.getByTestId('import-mapping').waitFor();
      lap('uploaded');

      // 2 mapping: suggested from the headers, no coordinates so no CRS question
      assert.equal(await page.getByTestId('import-map-homeAddress').inputValue(), '现住址');
      assert.equal(await page.getByTestId('import-map-idNumber').inputValue(), '身份证号');
      assert.equal(await page.getByTestId('import-crs').count(), 0, 'no CRS question without coordinates');
      await shot(page, '2-mapping');
      await page.getByTestId('import-check').click();
      await page.getByTestId('import-check-step').waitFor({ timeout: 180_000 });
      lap('checked and geocoded');

      // 3 check
      const [ok, review, error] = [await count(page, 'ok'), await count(page, 'review'), await count(page, 'error')];
      console.log(`import: ${ok} ok, ${review} review, ${error} error of ${ROWS}`);
      assert.equal(ok + review + error, ROWS);
      assert.equal(error, BAD_ROWS, 'the bad ID number and the short phone are errors');
      assert.ok(review >= 2 && review <= HOPELESS + 15, `a few rows wait for review (${review})`);
      assert.equal(await page.locator('[data-testid="import-errors"] tbody tr').count(), BAD_ROWS);
      await shot(page, '3-check');

      // 4 review: pick a candidate for one row, click the map for the next, skip the rest
      await page.getByTestId('import-to-review').click();
      await page.getByTestId('import-review').waitFor();
      await mapReady(page);
      const rows = page.getByTestId('review-row');
      let withCandidate = -1;
      for (let i = 0; i < (await rows.count()) && withCandidate < 0; i++) {
        await rows.nth(i).locator('.queue__head').click();
        if (await page.getByTestId('review-pick-0').count()) withCandidate = i;
      }
      assert.ok(withCandidate >= 0, 'a review row has candidates');
      await idle(page);
      await shot(page, '4-review');
      const picked = await rows.nth(withCandidate).getAttribute('data-row');
      await page.getByTestId('review-pick-0').click();
      await page.locator(`[data-testid="review-row"][data-row="${picked}"][data-status="resolved"]`).waitFor();
      lap('row placed on a candidate');

      // the queue moves on to the next waiting row after the pick lands: wait for it, not for the pick
      const open = page.locator('[data-testid="review-row"].is-open[data-status="review"]');
      await open.waitFor();
      const clickedRow = await open.getAttribute('data-row');
      assert.notEqual(clickedRow, picked, 'the next waiting row opens');
      await idle(page);
      const box = (await page.locator('.review-map canvas.maplibregl-canvas').boundingBox())!;
      await page.mouse.click(box.x + box.width / 2 + 15, box.y + box.height / 2 + 10);
      await page.getByTestId('review-use-point').waitFor({ state: 'visible' });
      assert.equal(await page.getByTestId('review-use-point').isEnabled(), true, 'the clicked point can be used');
      // the point is drawn on the map's next frame, not at once: poll the rendered features (≤ 10 s)
      const drawn = await page.waitForFunction(() => (window as unknown as WithMap).__map.queryRenderedFeatures({ layers: ['import-review-circle'] })
        .some((f) => f.properties.kind === 'clicked'), undefined, { timeout: 10_000 }).then(() => true, () => false);
      assert.ok(drawn, 'the clicked point is drawn');
      await shot(page, '4-review-clicked');
      await page.getByTestId('review-use-point').click();
      await page.locator(`[data-testid="review-row"][data-row="${clickedRow}"][data-status="resolved"]`).waitFor();
      lap('row placed by a map click');
      if (await page.getByTestId('review-skip-rest').count()) await page.getByTestId('review-skip-rest').click();
      await page.getByTestId('review-done').waitFor();
      await shot(page, '4-review-done');

      // 5 commit: all-or-nothing is refused with the reason (the error rows), a confirmed partial goes through
      await page.getByTestId('review-next').click();
      await page.getByTestId('import-commit-step').waitFor();
      assert.equal(await page.getByTestId('commit-all').isDisabled(), true);
      assert.match(await page.getByTestId('commit-blocked').innerText(), /2 行错误/);
      await page.getByTestId('commit-confirm-partial').check();
      await shot(page, '5-commit');
      const committed = page.waitForResponse((r) => r.url().endsWith('/commit') && r.request().method() === 'POST');
      await page.getByTestId('commit-partial').click();
      const answer = await (await committed).json() as { report: { committed: number; rows: { outcome: string; personId: number | null }[] } };
      assert.equal(answer.report.committed, ok + 2, 'the ready rows and the two placed by hand are written');
      await page.getByTestId('import-report').waitFor();
      await shot(page, '6-report');
      lap('committed');

      // the board: the new people are open loops at their first step
      const newIds = new Set(answer.report.rows.filter((r) => r.outcome === 'committed').map((r) => r.personId));
      const res = await fetch(`${server.url}/api/v1/loops/board`, { headers: { cookie } });
      assert.equal(res.status, 200);
      const boardText = await res.text();
      const onBoard = [...newIds].filter((id) => new RegExp(`"id":${id}[,}]`).test(boardText)).length;
      assert.equal(onBoard, newIds.size, 'every imported person has an open loop on the board');
      await page.getByTestId('import-to-board').click();
      await page.waitForURL((u) => u.searchParams.get('tab') === 'board');
      await page.getByTestId('loop-board').waitFor();
      await page.locator('[data-person-id]').first().waitFor({ timeout: 30_000 });
      const shown = await page.locator('[data-person-id]').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-person-id'))));
      assert.ok(shown.some((id) => newIds.has(id)), 'the board shows imported people');
      await shot(page, '7-board');
      lap('on the board');
      assert.deepEqual(errors, [], 'no page errors');
    });

  it('asks for the coordinate system of a sheet with coordinates (GCJ-02 here) and places its rows from them', { timeout: 300_000 }, async () => {
    assert.ok(points.length > 0, 'the first test read the address points');
    const r = new Rng(7);
    const lines = ['姓名,身份证号,手机,性别,年龄,类别,经度,纬度'];
    for (const p of r.shuffle([...points]).slice(0, 12)) {
      const [lng, lat] = gcoord.transform(p.point, gcoord.WGS84, gcoord.GCJ02) as [number, number];
      const year = r.int(1950, 2010);
      lines.push([personName(r, 'female', year), makeIdNumber('130406', `${year}0${r.int(1, 9)}1${r.int(0, 9)}`, r.int(1, 499) * 2),
        mobileNumber(r), '女', 2022 - year, '无症状', lng.toFixed(6), lat.toFixed(6)].join(','));
    }
    const file = join(mkdtempSync(join(tmpdir(), 'shouwang-import-')), '高德坐标-e2e.csv');
    writeFileSync(file, `${lines.join('\r\n')}\r\n`);
    const ctx = await launchChromium({ width: 1440, height: 900 });
    contexts.push(ctx);
    const page = ctx.pages()[0] ?? (await ctx.newPage());
    await openImport(page, server.url);
    await page.getByTestId('import-source').fill('e2e 高德坐标表');
    await page.getByTestId('import-file').setInputFiles(file);
    await page.getByTestId('import-upload-submit').click();
    await page.getByTestId('import-crs').waitFor();
    assert.equal(await page.getByTestId('import-check').isDisabled(), true, 'the check waits for the coordinate system');
    await page.getByTestId('import-crs-GCJ02').check();
    await shot(page, '2-mapping-crs');
    await page.getByTestId('import-check').click();
    await page.getByTestId('import-check-step').waitFor({ timeout: 120_000 });
    assert.equal(await count(page, 'ok'), 12, 'every row placed from its converted coordinates');
    assert.equal(await count(page, 'review') + await count(page, 'error'), 0);
  });
});

// Driving /plan's coverage mode from the browser test: the API's own answers to the default
// question (signed in as the planner through fetch) to compare the page's figures with, and
// polling until a coverage layer renders what is wanted.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { CapacityOut, CoverageSummaryOut, ServiceAreasOut, UncoveredOut } from '../../domain/coverage/types.ts';
import { DEMO_PASSWORD } from './harness.ts';
import type { WithMap } from './plan-page.ts';

/** The default question of the page (web/stores/plan-coverage.ts DEFAULT_QUERY). */
export const DEFAULT_QS = 'facility=testingSites&mode=walk&minutes=15&avoidSealed=true';

export interface ApiAnswers { summary: CoverageSummaryOut; areas: ServiceAreasOut; capacity: CapacityOut; uncovered: UncoveredOut }

export async function apiAnswers(url: string, username = 'planner'): Promise<ApiAnswers> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
  assert.equal(res.status, 200, `${username} signs in`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const get = async <T>(path: string): Promise<T> => {
    const r = await fetch(`${url}/api/v1/coverage/${path}`, { headers: { cookie } });
    assert.equal(r.status, 200, `GET /coverage/${path}: ${r.status} ${await r.clone().text()}`);
    return (await r.json()) as T;
  };
  return { summary: await get(`summary?${DEFAULT_QS}`), areas: await get(`service-areas?${DEFAULT_QS.replace('minutes=15', 'minutes=5,10,15')}`),
    capacity: await get('capacity'), uncovered: await get(`uncovered?${DEFAULT_QS}`) };
}

/** The properties of what `layer` rendered now, after the map went idle. (No named function
 * inside the evaluated code: tsx would wrap it in a `__name` helper the page does not have.) */
export async function renderedProps(page: Page, layer: string): Promise<Record<string, unknown>[]> {
  await page.evaluate(() => new Promise<void>((r) => {
    const m = (window as unknown as WithMap).__map;
    const t = setTimeout(r, 5_000);
    m.once('idle', () => { clearTimeout(t); r(); });
    m.triggerRepaint();
  }));
  return page.evaluate((l) => (window as unknown as WithMap).__map.queryRenderedFeatures({ layers: [l] }).map((f) => f.properties), layer);
}

/** Polls until `accept` takes what `layer` renders (or `limitMs` passes); returns the last rendering. */
export async function untilRendered(page: Page, layer: string, accept: (props: Record<string, unknown>[]) => boolean,
  limitMs = 60_000): Promise<Record<string, unknown>[]> {
  let got: Record<string, unknown>[] = [];
  for (const until = Date.now() + limitMs; Date.now() <= until; await new Promise((r) => setTimeout(r, 300))) {
    got = await renderedProps(page, layer);
    if (accept(got)) break;
  }
  return got;
}

// Driving /plan from the browser tests: wait for the map, read what it rendered, sign in and open
// the page, find a point inside field1's team area, and log how long each phase took.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { booleanPointInPolygon, centroid, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, login, SHOT_DIR } from './harness.ts';

export type MapHandle = { once(e: string, f: () => void): void; triggerRepaint(): void; project(c: number[]): { x: number; y: number };
  jumpTo(o: object): void; queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[] };
export type WithMap = { __map: MapHandle };

export const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOT_DIR, `plan-${name}.png`) });
export const mapReady = (page: Page) => page.waitForFunction(
  () => document.body.dataset.mapReady === '1' && !!(window as unknown as Partial<WithMap>).__map, null, { timeout: 90_000 });
export const idle = (page: Page) => page.evaluate(() => new Promise<void>((r) => {
  const m = (window as unknown as WithMap).__map;
  m.once('idle', () => r());
  m.triggerRepaint();
}));
export const rendered = (page: Page, layer: string) => page.evaluate((l) =>
  (window as unknown as WithMap).__map.queryRenderedFeatures({ layers: [l] }).map((f) => f.properties), layer);
/** The first number in a text such as "1,234 人". */
export const numberIn = (text: string) => Number((/[\d,]+(\.\d+)?/.exec(text)?.[0] ?? 'NaN').replaceAll(',', ''));

/** Seconds since `t0`, per phase, so a slow step shows in the log (SwiftShader renders on the CPU). */
export function laps(name: string): (phase: string) => void {
  const t0 = Date.now();
  let last = t0;
  return (phase) => {
    const now = Date.now();
    console.log(`${name}: ${phase} ${((now - last) / 1000).toFixed(1)} s (total ${((now - t0) / 1000).toFixed(1)} s)`);
    last = now;
  };
}

/** Signs in through the form and opens /plan (the first 401 may have rewritten `next` to '/'). */
export async function openPlan(page: Page, url: string, username: string, query = ''): Promise<void> {
  await login(page, url, username, DEMO_PASSWORD, `/plan${query}`);
  if (new URL(page.url()).pathname !== '/plan') await page.goto(`${url}/plan${query}`);
  await mapReady(page);
}

/** field1's team and a point well inside its first area, read through the API as field1. */
export async function fieldTeamPoint(url: string): Promise<{ teamId: number; point: Position }> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'field1', password: DEMO_PASSWORD }) });
  assert.equal(res.status, 200, 'field1 signs in');
  const me = await res.json() as { user: { teamId: number } };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const areas = await (await fetch(`${url}/api/v1/teams/${me.user.teamId}/areas`, { headers: { cookie } })).json() as FeatureCollection;
  const area = areas.features[0] as Feature<Polygon | MultiPolygon>;
  assert.ok(area, 'field1’s team has an area');
  const c = centroid(area).geometry.coordinates;
  return { teamId: me.user.teamId, point: booleanPointInPolygon(c, area) ? c : pointOnFeature(area).geometry.coordinates };
}

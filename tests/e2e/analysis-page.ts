// Driving the analysis layers from the browser tests: the newest analyses as the API serves them
// (polled until the server's backfill has reached the newest complete day), and the distinct
// features a map layer rendered (a GeoJSON polygon comes back once per tile it crosses).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import type { Polygon } from 'geojson';
import type { AnalysisLatest, ScanClusterOut } from '../../domain/analysis/types.ts';
import { DEMO_PASSWORD } from './harness.ts';

/** The newest analyses once the run of the server's last complete day is stored; `limitMs` for the backfill. */
export async function latestAnalyses(url: string, limitMs: number): Promise<AnalysisLatest> {
  const res = await fetch(`${url}/api/v1/session`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url },
    body: JSON.stringify({ username: 'commander', password: DEMO_PASSWORD }) });
  assert.equal(res.status, 200, 'the commander signs in');
  const { serverTime } = (await res.json()) as { serverTime: string };
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  // The last complete Asia/Shanghai day at the server's now: the day the backfill ends with.
  const lastDay = new Date(Date.parse(serverTime) + 8 * 3_600_000 - 86_400_000).toISOString().slice(0, 10);
  const t0 = Date.now();
  for (let latest: AnalysisLatest | null = null; ; await new Promise((r) => setTimeout(r, 2_000))) {
    const r = await fetch(`${url}/api/v1/analysis/latest`, { headers: { cookie } });
    assert.equal(r.status, 200, `GET /analysis/latest: ${r.status}`);
    latest = (await r.json()) as AnalysisLatest;
    if (latest.day === lastDay && latest.stDbscan && latest.scan && latest.hotspots) {
      console.log(`analyses of ${lastDay} stored after ${((Date.now() - t0) / 1000).toFixed(1)} s of polling`);
      return latest;
    }
    if (Date.now() - t0 > limitMs) throw new Error(`no analyses of ${lastDay} after ${limitMs} ms (newest: ${latest.day})`);
  }
}

/** The distinct values of `prop` among the features `layer` rendered on screen now. */
export const renderedIds = (page: Page, layer: string, prop: string): Promise<number[]> => page.evaluate(([l, p]) => {
  const map = (window as unknown as { __map: { queryRenderedFeatures(o: { layers: string[] }): { properties: Record<string, unknown> }[] } }).__map;
  return [...new Set(map.queryRenderedFeatures({ layers: [l] }).map((f) => Number(f.properties[p])))].sort((a, b) => a - b);
}, [layer, prop] as const);

/** Polls (after an idle frame each time) until `layer` renders exactly `want` (sorted ids), or what
 * `accept` takes (labels: some, as collisions hide the others), or `limitMs` passes. */
export async function waitRendered(page: Page, layer: string, prop: string, want: number[], limitMs = 30_000,
  accept?: (got: number[]) => boolean): Promise<number[]> {
  const sorted = [...want].sort((a, b) => a - b);
  let got: number[] = [];
  for (const until = Date.now() + limitMs; Date.now() <= until; await new Promise((r) => setTimeout(r, 250))) {
    await page.evaluate(() => new Promise<void>((r) => {
      const m = (window as unknown as { __map: { once(e: string, f: () => void): void; triggerRepaint(): void } }).__map;
      const t = setTimeout(r, 5_000);
      m.once('idle', () => { clearTimeout(t); r(); });
      m.triggerRepaint();
    }));
    got = await renderedIds(page, layer, prop);
    if (accept ? accept(got) : got.join() === sorted.join()) break;
  }
  return got;
}

/** What the map will draw of an answer: every cluster, scan clusters from RI 100 days, cells that are not 'none'. */
export function expected(latest: AnalysisLatest) {
  return {
    st: latest.stDbscan?.clusters.map((c) => c.id) ?? [],
    scan: latest.scan?.clusters.filter((c) => c.recurrenceDays >= 100).map((c) => c.rank) ?? [],
    cells: latest.hotspots?.cells.filter((c) => c.class !== 'none').map((c) => c.gridId) ?? [],
  };
}

/** A circle of `radiusMeters` around `c` (32 vertices, local equirectangular: fine at a few km). */
function circle(c: [number, number], radiusMeters: number): Polygon {
  const dLat = radiusMeters / 111_320;
  const dLng = dLat / Math.cos((c[1] * Math.PI) / 180);
  const ring = Array.from({ length: 32 }, (_, i) => [c[0] + dLng * Math.cos((i / 32) * 2 * Math.PI), c[1] + dLat * Math.sin((i / 32) * 2 * Math.PI)]);
  return { type: 'Polygon', coordinates: [[...ring, ring[0]]] };
}

/**
 * The demo's newest run may hold no scan cluster worth drawing (the scan reports p < 0.05 only).
 * Then the browser is answered the server's real analyses plus two scan clusters built on the
 * two largest ST-DBSCAN clusters — one new (RI 1000 days), one ongoing (RI 200) — so the rings
 * and their labels are still drawn and seen. Returns the answer the browser will get.
 */
export async function withScanClusters(page: Page, latest: AnalysisLatest): Promise<AnalysisLatest> {
  if (expected(latest).scan.length > 0 || !latest.scan || !latest.stDbscan || latest.stDbscan.clusters.length < 2) return latest;
  const [a, b] = latest.stDbscan.clusters;
  const cluster = (rank: number, c: typeof a, status: 'new' | 'ongoing', recurrenceDays: number): ScanClusterOut => ({
    rank, locationIds: [rank], centre: c.centroid, radiusMeters: 900, startDay: c.firstDay, endDay: latest.scan!.day, observed: c.count,
    expected: c.count / 5, relativeRisk: 5, llr: 12, pValue: 1 / recurrenceDays, recurrenceDays, status, circle: circle(c.centroid, 900), memberIds: [] });
  const augmented: AnalysisLatest = { ...latest, scan: { ...latest.scan, clusters: [cluster(1, a, 'new', 1000), cluster(2, b, 'ongoing', 200)] } };
  await page.route('**/api/v1/analysis/latest', async (route) => {
    const real = (await (await route.fetch()).json()) as AnalysisLatest;
    await route.fulfill({ json: real.day === latest.day ? augmented : real });
  });
  console.log('the newest run has no scan cluster to draw: two synthetic scan clusters are added to its answer in the browser');
  return augmented;
}

// Driving the admin page's team map from a browser test: wait for it, fit it, find where a
// lng/lat is on the page, and a point inside a grid to click on.
import { booleanPointInPolygon, centroid } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Page } from 'playwright-core';

// window.__map as far as these helpers use it (map.e2e.ts declares its own global view of it).
type MapHandle = { once(e: string, f: () => void): void; triggerRepaint(): void;
  project(c: number[]): { x: number; y: number }; fitBounds(b: number[], o: object): void };
type WithMap = { __map: MapHandle };

export const idle = (page: Page) => page.evaluate(() => new Promise<void>((r) => {
  const m = (window as unknown as WithMap).__map;
  m.once('idle', () => r());
  m.triggerRepaint();
}));
export const mapReady = (page: Page) => page.waitForFunction(
  () => document.body.dataset.mapReady === '1' && !!(window as unknown as Partial<WithMap>).__map, null, { timeout: 60_000 });
/** A grid's centroid when it lies inside the grid (true of most), so a click there hits it. */
export const inside = (f: Feature) => {
  const c = centroid(f as Feature<Polygon | MultiPolygon>).geometry.coordinates;
  return booleanPointInPolygon(c, f as Feature<Polygon | MultiPolygon>) ? c : null;
};

/** Screen position of a lng/lat on the page (map projection + the canvas's offset). */
export async function toScreen(page: Page, lngLat: number[]): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.team-map canvas.maplibregl-canvas').boundingBox())!;
  const p = await page.evaluate((c) => (window as unknown as WithMap).__map.project(c), lngLat);
  return { x: box.x + p.x, y: box.y + p.y };
}

/** Moves the camera to [w, s, e, n] with room around it, and waits until it has drawn there. */
export async function fitMap(page: Page, bounds: number[]): Promise<void> {
  await page.evaluate((b) => (window as unknown as WithMap).__map.fitBounds(b, { padding: 160, duration: 0, maxZoom: 15 }), bounds);
  await idle(page);
}

// What tests/e2e/wall.e2e.ts checks on the wall page: the legibility floors (issue 6 item 2: no
// label under 20 px and no KPI figure under 48 px at 1920×1080), the privacy of what it shows and
// receives, and the two figures that must follow a change — the "new cases today" KPI and the
// cases on the map (the clustered GeoJSON source's own data: clusters hide single points).
import type { Page, Response } from 'playwright-core';
import { findPii } from '../support/pii-scan.ts';

export interface Offender { text: string; px: number; where: string }

/** Every visible DOM text node whose rendered font size is under `minPx` (SVG text counts its scale). */
export const smallText = (page: Page, minPx: number): Promise<Offender[]> => page.evaluate((min) => {
  const out: { text: string; px: number; where: string }[] = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? '').trim();
    const el: Element | null = n.parentElement;
    if (!text || !el || el.closest('script,style,noscript,template')) continue;
    if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    const onScreen = [...range.getClientRects()].some((r) => r.width > 0 && r.height > 0 && r.right > 0 && r.bottom > 0
      && r.left < innerWidth && r.top < innerHeight);
    if (!onScreen) continue;
    let px = parseFloat(getComputedStyle(el).fontSize);
    if (el instanceof SVGGraphicsElement) { const m = el.getScreenCTM(); if (m) px *= Math.hypot(m.a, m.b); }
    const cls = typeof el.className === 'string' ? el.className : '';
    if (px < min - 0.05) out.push({ text: text.slice(0, 40), px: Math.round(px * 10) / 10, where: `${el.tagName.toLowerCase()}.${cls.split(' ')[0]}` });
  }
  return out;
}, minPx);

/** KPI figures ([data-kpi], KpiFigure.vue's number) whose font size is under `minPx`, and how many there are. */
export const smallFigures = (page: Page, minPx: number) => page.evaluate((min) => {
  const all = [...document.querySelectorAll<HTMLElement>('[data-kpi]')];
  return { count: all.length, small: all.map((el) => ({ kpi: el.dataset.kpi ?? '', px: parseFloat(getComputedStyle(el).fontSize) })).filter((f) => f.px < min) };
}, minPx);

/** A KPI tile's footnote line (KpiTile.vue), as shown. */
export const tileFoot = (page: Page, tile: string) => page.evaluate((t) => document.querySelector(`[data-testid="kpi-${t}"] .ktile__foot`)?.textContent?.trim() ?? null, tile);

export const kpiValue = (page: Page, kpi: string) => page.evaluate((k) => {
  const v = document.querySelector<HTMLElement>(`[data-kpi="${k}"]`)?.dataset.value;
  return v === undefined || v === '' ? null : Number(v);
}, kpi);

type PointSource = { getData?(): Promise<{ features?: { geometry?: { type: string; coordinates: number[] } }[] }> };
type WatchMap = { getSource(id: string): PointSource | undefined; on(e: 'sourcedata', f: (e: { sourceId?: string }) => void): void };
interface Seen { kpi?: { at: number; value: number }; map?: { at: number } }
declare global { interface Window { __wallSeen?: Seen } }

/** Whether the wall's cases source holds a point within ~1 m of `at` (its data, not what the clusters render). */
export const mapHasPointAt = (page: Page, source: string, at: [number, number]) => page.evaluate(async ([id, [lng, lat]]) => {
  const data = await (window as unknown as { __map?: WatchMap }).__map?.getSource(id)?.getData?.();
  return (data?.features ?? []).some((f) => f.geometry?.type === 'Point' && Math.abs(f.geometry.coordinates[0] - lng) < 1e-5 && Math.abs(f.geometry.coordinates[1] - lat) < 1e-5);
}, [source, at] as const);

/**
 * Watches, in the page, for the KPI `kpi` to change (a MutationObserver: the moment Vue patched it)
 * and for the map source `source` to take data holding a point at `at` (MapLibre's sourcedata
 * event, confirmed by the source's data): Date.now() of each, in window.__wallSeen. In-page, so
 * the test's own polling over the DevTools protocol (slow while SwiftShader draws a 4K frame)
 * does not add to what it measures.
 */
export const watchChanges = (page: Page, kpi: string, source: string, at: [number, number]) => page.evaluate(([k, id, [lng, lat]]) => {
  const seen: Seen = {};
  window.__wallSeen = seen;
  // No named helpers in here: tsx would wrap them in a __name() the page does not have.
  const sel = `[data-kpi="${k}"]`;
  const before = document.querySelector<HTMLElement>(sel)?.dataset.value ?? '';
  new MutationObserver(() => {
    const v = document.querySelector<HTMLElement>(sel)?.dataset.value ?? '';
    if (!seen.kpi && v !== '' && v !== before) seen.kpi = { at: Date.now(), value: Number(v) };
  }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-value'] });
  const map = (window as unknown as { __map: WatchMap }).__map;
  map.on('sourcedata', (e) => {
    if (seen.map || e.sourceId !== id) return;
    const t = Date.now();
    void map.getSource(id)?.getData?.().then((data) => {
      const hit = (data.features ?? []).some((f) => f.geometry?.type === 'Point' && Math.abs(f.geometry.coordinates[0] - lng) < 1e-5
        && Math.abs(f.geometry.coordinates[1] - lat) < 1e-5);
      if (hit && !seen.map) seen.map = { at: t };
    });
  });
}, [kpi, source, at] as const);

export const seenChanges = (page: Page): Promise<Seen> => page.evaluate(() => ({ ...window.__wallSeen }));

/** Polls `check` every 100 ms until it is true or `limitMs` passes; returns whether it came true. */
export async function within(check: () => Promise<boolean>, limitMs: number): Promise<boolean> {
  for (const until = Date.now() + limitMs; Date.now() <= until;) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}

/** The JSON answers a page receives, bodies read as they arrive. */
export function recordJson(page: Page): { path: string; body: string }[] {
  const got: { path: string; body: string }[] = [];
  page.on('response', (res: Response) => {
    if (!(res.headers()['content-type'] ?? '').includes('json')) return;
    res.text().then((body) => got.push({ path: new URL(res.url()).pathname, body }), () => undefined);
  });
  return got;
}

// A masked name as other screens show one ("王**"): the wall shows none at all.
const MASKED_NAME = /[\u4e00-\u9fff][*＊]{1,3}/;

/** Personal data in a text: clear IDs and phones, masked names, or any of the given clear values. */
export function personalIn(text: string, clear: string[]): string[] {
  return [...findPii(text).map((h) => `${h.kind} ${h.value}`), ...(MASKED_NAME.test(text) ? [`masked name ${MASKED_NAME.exec(text)![0]}`] : []),
    ...clear.filter((v) => text.includes(v)).map((v) => `clear value ${v}`)];
}

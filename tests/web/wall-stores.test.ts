// The wall's data stores: the summary and the map's operational layers are fetched from the API
// (layers at the server's now), and a failed refetch keeps what is on screen — a wall runs for
// days through server restarts and network drops.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useWallLayers, WALL_LAYERS, LAYER_RESOURCES } from '../../web/stores/wall-layers.ts';
import { useWallSummary, WALL_SUMMARY_URL } from '../../web/stores/wall-summary.ts';
import { syncServerClock } from '../../web/server-clock.ts';
import { SUMMARY_RESOURCES } from '../../web/components/wall/use-wall-refresh.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';
import { wallSummary } from './wall-fixtures.ts';

let calls: Call[];
let fail: boolean;
let cases: number;
beforeEach(() => {
  fail = false;
  cases = 166;
  calls = fakeFetch((call) => {
    if (fail) return problem(503, 'unavailable', '服务暂不可用');
    if (call.url === WALL_SUMMARY_URL) return json(wallSummary({ cases: { today: 2, last7: [], total: cases, active: 92 } }));
    return json({ type: 'FeatureCollection', features: [{ type: 'Feature', geometry: { type: 'Point', coordinates: [114.2, 36.4] },
      properties: { category: 'confirmed', status: 'active' } }], next: null });
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); syncServerClock(new Date().toISOString()); });

describe('wall summary store', () => {
  it('loads GET /api/v1/wall/summary', async () => {
    const store = useWallSummary();
    await store.load();
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/wall/summary']);
    expect(store.summary?.cases.total).toBe(166);
    expect(store.error).toBeNull();
    expect(store.loadedAtMs).not.toBeNull();
  });

  it('keeps the last summary on screen when a refresh fails, and takes the next good one', async () => {
    const store = useWallSummary();
    await store.load();
    fail = true;
    await store.load();
    expect(store.summary?.cases.total).toBe(166);
    expect(store.error).toMatchObject({ status: 503 });
    fail = false;
    cases = 167;
    await store.load();
    expect(store.summary?.cases.total).toBe(167);
    expect(store.error).toBeNull();
  });
});

describe('wall layers store', () => {
  it('fetches the five operational layers as they stand at the server’s now', async () => {
    syncServerClock('2022-06-18T02:00:00.000Z');
    const layers = useWallLayers();
    await layers.load();
    expect(calls).toHaveLength(WALL_LAYERS.length);
    for (const c of calls) expect(c.url).toMatch(/^\/api\/v1\/layers\/(zones|cases|checkpoints|quarantine-sites|testing-sites)\?at=2022-06-18T02%3A00%3A0\d/);
    expect(Object.keys(layers.collections).sort()).toEqual([...WALL_LAYERS].sort());
  });

  it('refetches only the layers asked for and keeps the old features when that fails', async () => {
    const layers = useWallLayers();
    await layers.load();
    fail = true;
    await layers.load(['cases']);
    expect(calls.at(-1)?.url).toMatch(/^\/api\/v1\/layers\/cases\?/);
    expect(layers.collections.cases?.features).toHaveLength(1);
    expect(layers.errors.cases).toMatchObject({ status: 503 });
    fail = false;
    await layers.load(['cases']);
    expect(layers.errors.cases).toBeUndefined();
  });

  it('listens to the resources that change each layer and everything the summary counts', () => {
    expect(LAYER_RESOURCES['quarantine-sites']).toEqual(expect.arrayContaining(['quarantineSites', 'rooms']));
    expect(SUMMARY_RESOURCES).toEqual(expect.arrayContaining(['cases', 'contacts', 'loops', 'rooms', 'zones', 'tasks', 'dashboard',
      'checkpoints', 'quarantineSites', 'testingSites']));
  });
});

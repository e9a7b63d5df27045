// The analysis store against a fake API and a fake live stream: it loads GET /analysis/latest and
// serves the map's collections and counts, keeps the last answer when a refresh fails, toggles
// the /plan layers, and (useAnalysisFeed) loads again when a new run arrives on the stream.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope } from 'vue';
import { ANALYSIS_LATEST_URL, useAnalysis, useAnalysisFeed } from '../../web/stores/analysis.ts';
import { useLive } from '../../web/stores/live.ts';
import { FakeEventSource } from './live-fixtures.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';
import { analysisLatest } from './analysis-fixtures.ts';

let calls: Call[];
let fail: boolean;
beforeEach(() => {
  fail = false;
  calls = fakeFetch((call) => {
    if (call.url !== ANALYSIS_LATEST_URL) return problem(404, 'not_found', '无');
    return fail ? problem(503, 'unavailable', '服务暂不可用') : json(analysisLatest());
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

describe('analysis store', () => {
  it('loads GET /api/v1/analysis/latest into the map collections and the legend counts', async () => {
    const store = useAnalysis();
    expect(store.counts).toEqual({ hotspots: 0, stClusters: 0, scan: 0 });
    await store.load();
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/analysis/latest']);
    expect(store.day).toBe('2022-05-30');
    expect(store.counts).toEqual({ hotspots: 6, stClusters: 2, scan: 2 });
    expect(store.collections.stClusters.features).toHaveLength(4); // hulls and their label points
    expect(store.error).toBeNull();
  });

  it('keeps the last analyses on screen when a refresh fails', async () => {
    const store = useAnalysis();
    await store.load();
    fail = true;
    await store.load();
    expect(store.error).not.toBeNull();
    expect(store.counts.scan).toBe(2);
    fail = false;
    await store.load();
    expect(store.error).toBeNull();
  });

  it('shows every layer until toggled off', () => {
    const store = useAnalysis();
    expect(store.visible).toEqual({ hotspots: true, stClusters: true, scan: true });
    store.toggle('hotspots');
    expect(store.visible).toEqual({ hotspots: false, stClusters: true, scan: true });
    store.toggle('hotspots');
    expect(store.visible.hotspots).toBe(true);
  });
});

describe('useAnalysisFeed', () => {
  it('loads at once and again 300 ms after an analysis change on the live stream, not after others', async () => {
    vi.useFakeTimers();
    FakeEventSource.reset();
    vi.stubGlobal('EventSource', FakeEventSource);
    const live = useLive();
    live.start();
    FakeEventSource.last.hello(1);
    const scope = effectScope();
    scope.run(() => useAnalysisFeed());
    await vi.advanceTimersByTimeAsync(0);
    const loads = () => calls.filter((c) => c.url === ANALYSIS_LATEST_URL).length;
    expect(loads()).toBe(1);
    FakeEventSource.last.change(2, 'cases', [1]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loads()).toBe(1);
    FakeEventSource.last.change(3, 'analysis', [42]);
    await vi.advanceTimersByTimeAsync(300);
    expect(loads()).toBe(2);
    scope.stop();
    FakeEventSource.last.change(4, 'analysis', [43]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(loads()).toBe(2);
  });
});

// The impact panel's requests: one POST /impact after a 250 ms pause in drawing (not one per
// mouse move), an older answer never overwrites a newer shape's, a ring with fewer than three
// corners asks nothing, and a stored zone's impact comes from GET /zones/{id}/impact.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { enclosesArea, IMPACT_DEBOUNCE_MS, usePlanImpact } from '../../web/stores/plan-impact.ts';
import { fakeFetch, json, problem, square, type Call } from './plan-fixtures.ts';

const result = (residents: number) => ({ areaSquareMeters: 1, residents, households: 1, buildings: 1, over65: 0, openLoopItems: 0,
  crossings: [], testing: { samplingPointsMin: 1, samplingPointsMax: 1, samplers: 1, completionHours: 24 },
  supplies: { perHouseholdPerDay: {}, totalPerDay: {} } });

let calls: Call[];
let aborted: number;
beforeEach(() => {
  vi.useFakeTimers();
  aborted = 0;
  calls = fakeFetch((call, signal) => {
    signal?.addEventListener('abort', () => { aborted++; });
    if (call.url.endsWith('/impact') && call.method === 'GET') return json(result(99));
    const body = call.body as { geometry: { coordinates: number[][][] } };
    if (body.geometry.coordinates[0][0][0] === 0) return problem(422, 'self_intersection', '边界自相交');
    return json(result(Math.round(body.geometry.coordinates[0][0][0])));
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

describe('plan impact', () => {
  it('asks once after the pen pauses, for the latest shape', async () => {
    const impact = usePlanImpact();
    impact.ofGeometry('draft', square(100, 36));
    await vi.advanceTimersByTimeAsync(100);
    impact.ofGeometry('draft', square(110, 36));
    await vi.advanceTimersByTimeAsync(100);
    impact.ofGeometry('draft', square(120, 36));
    expect(impact.loading).toBe(true);
    expect(calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(IMPACT_DEBOUNCE_MS);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['POST /api/v1/impact']);
    expect(impact.result?.residents).toBe(120);
    expect(impact.loading).toBe(false);
  });

  it('aborts the request in flight when the shape changes again', async () => {
    const impact = usePlanImpact();
    impact.ofGeometry('draft', square(100, 36), 0);
    await vi.advanceTimersByTimeAsync(0);
    impact.ofGeometry('draft', square(130, 36), 0);
    await vi.advanceTimersByTimeAsync(0);
    await vi.runAllTimersAsync();
    expect(impact.result?.residents).toBe(130);
  });

  it('asks nothing for a ring without three corners and clears the panel', async () => {
    const impact = usePlanImpact();
    const line = { type: 'Polygon' as const, coordinates: [[[1, 1], [2, 2], [1, 1], [1, 1]]] };
    expect(enclosesArea(line)).toBe(false);
    expect(enclosesArea(square(1, 1))).toBe(true);
    impact.ofGeometry('draft', line);
    await vi.runAllTimersAsync();
    expect(calls).toEqual([]);
    expect(impact.subject).toBeNull();
  });

  it('shows the server’s reason when the shape is refused', async () => {
    const impact = usePlanImpact();
    impact.ofGeometry('draft', square(0, 36), 0);
    await vi.runAllTimersAsync();
    expect(impact.result).toBeNull();
    expect((impact.error as { code: string }).code).toBe('self_intersection');
  });

  it('reads a stored zone’s impact from its own route', async () => {
    const impact = usePlanImpact();
    await impact.ofZone(5);
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual(['GET /api/v1/zones/5/impact']);
    expect(impact.subject).toBe('zone:5');
    expect(impact.result?.residents).toBe(99);
    expect(aborted).toBe(0);
  });
});

// The loop KPIs: the last 14 Shanghai days up to the server's today (not the browser's: the demo
// server runs on the scenario's clock), N from the server, and the newest day with a percentage.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { DailyKpi } from '../../domain/loop/kpi.ts';
import { kpisUrl, kpiWindow, latestPct, useLoopKpis } from '../../web/stores/loop-kpis.ts';
import { syncServerClock } from '../../web/server-clock.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';

const day = (date: string, transferredPct: number | null): DailyKpi =>
  ({ date, identified: 10, notifiedWithin2h: 9, transferredWithinN: 7, transferredPct, medianHoursToTransfer: 6.5, overdueOpen: 2 });

let calls: Call[];
let fail: boolean;
beforeEach(() => {
  fail = false;
  calls = fakeFetch(() => (fail ? problem(500, 'internal', '服务器错误')
    : json({ from: '2022-06-05', to: '2022-06-18', withinHours: 12, items: [day('2022-06-16', 80), day('2022-06-17', 92.5), day('2022-06-18', null)] })));
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); syncServerClock(new Date().toISOString()); });

describe('loop KPIs', () => {
  it('asks for the 14 days up to the server’s today', async () => {
    syncServerClock('2022-06-18T03:00:00.000Z'); // 11:00 in Shanghai on the demo's day
    const kpis = useLoopKpis();
    await kpis.load();
    expect(calls[0].url).toBe('/api/v1/loops/kpis?from=2022-06-05&to=2022-06-18');
    expect(kpis.withinHours).toBe(12);
    expect(kpis.days.map((d) => d.date)).toEqual(['2022-06-16', '2022-06-17', '2022-06-18']);
  });

  it('counts days on the Shanghai calendar: 20:00 UTC is already tomorrow there', async () => {
    syncServerClock('2022-06-17T20:00:00.000Z');
    await useLoopKpis().load();
    expect(calls[0].url).toBe(kpisUrl({ from: '2022-06-05', to: '2022-06-18' }));
    expect(kpiWindow('2022-03-01', 3)).toEqual({ from: '2022-02-27', to: '2022-03-01' });
  });

  it('shows the newest finished day that has a percentage (not today’s, still running)', async () => {
    const kpis = useLoopKpis();
    await kpis.load('2022-06-18');
    expect(kpis.latest?.date).toBe('2022-06-17');
    expect(kpis.latest?.transferredPct).toBe(92.5);
    expect(latestPct([day('2022-06-17', null), day('2022-06-18', 40)], '2022-06-18')).toBeNull();
    expect(latestPct([day('2022-06-16', 75), day('2022-06-17', 88)], '2022-06-18')?.date).toBe('2022-06-17');
  });

  it('keeps the last answer and reports the error when a reload fails', async () => {
    const kpis = useLoopKpis();
    await kpis.load('2022-06-18');
    fail = true;
    await kpis.load('2022-06-18');
    expect(kpis.error).toMatchObject({ status: 500 });
    expect(kpis.days).toHaveLength(3);
    expect(kpis.loading).toBe(false);
  });
});

// The playback store against a fake API: start opens on the last day, play advances one day per
// step and stops at the last day, a mode switch changes what shows, stop returns to the live view;
// while open, a change of zones on the live stream reloads it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { LiveEvent } from '../../web/live/frames.ts';
import { useLive } from '../../web/stores/live.ts';
import { PLAYBACK_URL, usePlayback } from '../../web/stores/playback.ts';
import { PLAYBACK } from './playback-fixtures.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';

let calls: Call[];
let body: unknown;
beforeEach(() => {
  body = PLAYBACK;
  calls = fakeFetch(() => (body === null ? problem(403, 'forbidden', '无权访问') : json(body)));
  setActivePinia(createPinia());
});
afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

describe('usePlayback', () => {
  it('starts on the last day with the day’s figures, loading once', async () => {
    const p = usePlayback();
    expect(p.active).toBe(false);
    await p.start();
    expect(calls.map((c) => c.url)).toEqual([PLAYBACK_URL]);
    expect(p.active).toBe(true);
    expect(p.dayIndex).toBe(4);
    expect(p.day).toBe('2022-06-05');
    expect(p.counts?.cases.state[p.dayIndex]).toBe(1);
    expect(p.view?.zones.map((z) => z.id)).toEqual([2]);
    p.cumulative = true;
    expect(p.mode).toBe('cumulative');
    expect(p.view?.zones).toHaveLength(4);
  });

  it('plays one day per step from the first day and stops at the last', async () => {
    vi.useFakeTimers();
    const p = usePlayback();
    await p.start();
    p.stepMs = 500;
    p.play();
    expect(p.dayIndex).toBe(0); // at the last day, play starts over
    expect(p.playing).toBe(true);
    vi.advanceTimersByTime(499);
    expect(p.dayIndex).toBe(0);
    vi.advanceTimersByTime(1);
    expect(p.dayIndex).toBe(1);
    p.pause();
    vi.advanceTimersByTime(5000);
    expect(p.dayIndex).toBe(1);
    p.play();
    vi.advanceTimersByTime(10_000);
    expect(p.dayIndex).toBe(4);
    expect(p.playing).toBe(false);
  });

  it('keeps a picked day inside the incident and stops back to the live view', async () => {
    vi.useFakeTimers();
    const p = usePlayback();
    await p.start();
    p.setDay(-2);
    expect(p.dayIndex).toBe(0);
    p.setDay(42);
    expect(p.dayIndex).toBe(4);
    p.setDay(1);
    p.play();
    p.stop();
    vi.advanceTimersByTime(5000);
    expect(p.active).toBe(false);
    expect(p.playing).toBe(false);
    expect(p.dayIndex).toBe(1);
  });

  it('refreshes on a later start, following today when on the last day', async () => {
    const p = usePlayback();
    await p.start();
    p.stop();
    body = { ...PLAYBACK, days: [...PLAYBACK.days, '2022-06-06'] };
    await p.start();
    await vi.waitFor(() => expect(p.dayIndex).toBe(5));
    expect(calls).toHaveLength(2);
  });

  it('reloads on a live change of what it replays while open, not while closed or for other resources', async () => {
    vi.useFakeTimers();
    let hear: (e: LiveEvent) => void = () => undefined;
    vi.spyOn(useLive(), 'subscribe').mockImplementation((listener) => { hear = listener; return () => undefined; });
    const p = usePlayback();
    const change = (resource: 'zones' | 'tasks') => hear({ type: 'change', change: { seq: 1, resource, ids: [1], at: '2022-06-05T02:00:00Z' } });
    change('zones');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(0); // closed: the next start() loads
    await p.start();
    change('tasks');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(1);
    change('zones');
    await vi.advanceTimersByTimeAsync(2000);
    expect(calls).toHaveLength(2);
  });

  it('keeps the error of a refused load', async () => {
    body = null;
    const p = usePlayback();
    await p.start();
    expect(p.data).toBeNull();
    expect((p.error as { status: number }).status).toBe(403);
    p.play(); // nothing to play
    expect(p.playing).toBe(false);
  });
});

// The live store and onLiveChange against a fake EventSource: the store mirrors the client's state
// and asks the session when the server says bye or refuses the stream; onLiveChange refreshes on
// the resources it names (trailing 300 ms debounce, at most 1.5 s late under a steady stream, one
// refresh at a time), on a reset and after a reconnect that followed a drop, and stops with its scope.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { effectScope } from 'vue';
import { onLiveChange, touchesIds } from '../../web/live/on-live-change.ts';
import { useLive } from '../../web/stores/live.ts';
import { FakeEventSource } from './live-fixtures.ts';
import { fakeFetch, json, problem, type Call } from './plan-fixtures.ts';

const ME = { user: { id: 1, username: 'zhang', displayName: '张', role: 'commander', teamId: null, teamName: null },
  csrfToken: 't', idleExpiresAt: '2022-06-18T05:00:00.000Z', expiresAt: '2022-06-18T12:00:00.000Z' };
let calls: Call[];
let signedIn: boolean;

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.reset();
  vi.stubGlobal('EventSource', FakeEventSource);
  signedIn = false;
  calls = fakeFetch((call) => (call.url === '/api/v1/session' && signedIn ? json(ME) : problem(401, 'unauthenticated', '请登录')));
  setActivePinia(createPinia());
});
afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

/** A started store with an open stream at `head`. */
function openLive(head = 1) {
  const live = useLive();
  live.start();
  FakeEventSource.last.hello(head);
  return live;
}

describe('live store', () => {
  it('opens /api/v1/live once, mirrors the state, and stops', () => {
    const live = useLive();
    expect(live.status).toBe('idle');
    live.start();
    live.start();
    expect(FakeEventSource.all.map((e) => e.url)).toEqual(['/api/v1/live']);
    expect(live.status).toBe('connecting');
    FakeEventSource.last.hello(5, 10_000, '2022-06-18T04:00:00.000Z');
    expect(live.status).toBe('open');
    expect(live.asOf).toBe('2022-06-18T04:00:00.000Z');
    expect(live.head).toBe(5);
    expect(live.heartbeatMs).toBe(10_000);
    expect(live.lastFrameAt).toBe(Date.now());
    vi.advanceTimersByTime(25_000);
    expect(live.status).toBe('stale');
    live.stop();
    expect(live.status).toBe('idle');
    expect(live.asOf).toBeNull();
  });

  it('on bye asks the server about the session and stays down when it ended', async () => {
    const live = openLive();
    FakeEventSource.last.send('bye', { reason: 'session_ended' });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/session']);
    expect(live.status).toBe('down');
    expect(FakeEventSource.all).toHaveLength(1);
  });

  it('picks the stream up again after bye when the session is still there', async () => {
    signedIn = true;
    openLive(3);
    FakeEventSource.last.send('bye', { reason: 'session_ended' });
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeEventSource.last.url).toBe('/api/v1/live?lastEventId=3');
  });

  it('checks the session when the stream is refused (an expired session answers 401)', async () => {
    openLive();
    FakeEventSource.last.fail(true);
    await vi.advanceTimersByTimeAsync(0);
    expect(calls.map((c) => c.url)).toEqual(['/api/v1/session']);
  });

  it('without EventSource stays down and the page still works', () => {
    vi.stubGlobal('EventSource', undefined);
    const live = useLive();
    live.start();
    expect(live.status).toBe('down');
  });
});

describe('onLiveChange', () => {
  it('refreshes once, 300 ms after the last of a burst of changes of its resources', async () => {
    openLive();
    const refresh = vi.fn();
    onLiveChange(['zones', 'cases'], refresh);
    const es = FakeEventSource.last;
    es.change(2, 'zones', [1]);
    await vi.advanceTimersByTimeAsync(100);
    es.change(3, 'cases', [4]);
    await vi.advanceTimersByTimeAsync(100);
    es.change(4, 'users', [9]); // not ours: the wait still counts from the change before
    await vi.advanceTimersByTimeAsync(199);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
    es.change(5, 'tasks', [1]);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('takes its debounce from the options and narrows by ids with touchesIds', async () => {
    openLive();
    const refresh = vi.fn();
    onLiveChange(['zones'], refresh, { debounceMs: 50, match: touchesIds(() => [7]) });
    FakeEventSource.last.change(2, 'zones', [1, 2]);
    await vi.advanceTimersByTimeAsync(100);
    expect(refresh).not.toHaveBeenCalled();
    FakeEventSource.last.change(3, 'zones', [7]);
    await vi.advanceTimersByTimeAsync(50);
    expect(refresh).toHaveBeenCalledTimes(1);
    FakeEventSource.last.change(4, 'zones', null); // "many": could be ours
    await vi.advanceTimersByTimeAsync(50);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('does not wait forever under a steady stream: at most 1.5 s after the first change', async () => {
    openLive();
    const refresh = vi.fn();
    onLiveChange(['cases'], refresh);
    for (let i = 0; i < 30; i++) { FakeEventSource.last.change(10 + i, 'cases', [i]); await vi.advanceTimersByTimeAsync(100); } // 10/s for 3 s
    expect(refresh).toHaveBeenCalledTimes(2); // at 1.5 s and 3 s, not once at the end
  });

  it('refreshes on a reset, whatever its resources', () => {
    openLive();
    const refresh = vi.fn();
    onLiveChange(['teams'], refresh);
    FakeEventSource.last.send('reset', { head: 50 }, 50);
    FakeEventSource.last.hello(50);
    vi.advanceTimersByTime(300);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('refreshes after a reconnect that followed a drop, not after the first connection', () => {
    openLive();
    const refresh = vi.fn();
    onLiveChange(['teams'], refresh);
    vi.advanceTimersByTime(1_000);
    expect(refresh).not.toHaveBeenCalled();
    FakeEventSource.last.fail(true);
    vi.advanceTimersByTime(1_000);
    FakeEventSource.last.hello(2);
    vi.advanceTimersByTime(300);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('runs one refresh at a time and one more after it when changes came in meanwhile', async () => {
    openLive();
    let finish: () => void = () => {};
    const refresh = vi.fn(() => new Promise<void>((r) => { finish = r; }));
    onLiveChange(['loops'], refresh);
    FakeEventSource.last.change(2, 'loops', [1]);
    await vi.advanceTimersByTimeAsync(300);
    FakeEventSource.last.change(3, 'loops', [1]);
    await vi.advanceTimersByTimeAsync(300);
    FakeEventSource.last.change(4, 'loops', [1]);
    await vi.advanceTimersByTimeAsync(300);
    expect(refresh).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(2);
  });

  it('keeps listening after a refresh that failed', async () => {
    openLive();
    const refresh = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(undefined);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    onLiveChange(['zones'], refresh);
    FakeEventSource.last.change(2, 'zones', [1]);
    await vi.advanceTimersByTimeAsync(300);
    FakeEventSource.last.change(3, 'zones', [1]);
    await vi.advanceTimersByTimeAsync(300);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('stops with the scope it was called in (a component unmounted)', () => {
    openLive();
    const refresh = vi.fn();
    const scope = effectScope();
    scope.run(() => onLiveChange(['zones'], refresh));
    FakeEventSource.last.change(2, 'zones', [1]);
    scope.stop();
    vi.advanceTimersByTime(1_000);
    FakeEventSource.last.change(3, 'zones', [1]);
    vi.advanceTimersByTime(1_000);
    expect(refresh).not.toHaveBeenCalled();
  });
});

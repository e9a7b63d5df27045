// The live stream's browser client against a fake EventSource (contract-issue6.md, "SSE wire
// format"): frames update the state, the last event id is tracked for the replay, a silent
// stream turns stale after 2.5 heartbeats and is reopened, reconnects back off 1 s → 30 s, a
// reset and a reconnect after a drop tell the subscribers to refetch, and bye hands over.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveEvent } from '../../web/live/frames.ts';
import { eventId, parseFrame } from '../../web/live/frames.ts';
import { LiveClient, type LiveSnapshot } from '../../web/live/live-client.ts';
import { backoffMs, BACKOFF_MAX_MS, staleAfterMs } from '../../web/live/timing.ts';
import { FakeEventSource } from './live-fixtures.ts';

let states: LiveSnapshot[];
let events: LiveEvent[];
let byes: string[];
let closedCount: number;

function client(): LiveClient {
  return new LiveClient({
    state: (s) => states.push(s), event: (e) => events.push(e), bye: (r) => byes.push(r), closed: () => { closedCount++; },
  }, { open: (url) => new FakeEventSource(url), random: () => 0 });
}
const last = () => states[states.length - 1];

beforeEach(() => {
  vi.useFakeTimers();
  FakeEventSource.reset();
  states = [];
  events = [];
  byes = [];
  closedCount = 0;
});
afterEach(() => { vi.useRealTimers(); });

describe('frames', () => {
  it('parses the five frames of the contract and drops anything else', () => {
    expect(parseFrame('hello', '{"head":4,"at":"2022-06-18T04:00:00Z","heartbeatMs":15000}')).toEqual({ type: 'hello', head: 4, at: '2022-06-18T04:00:00Z', heartbeatMs: 15000 });
    expect(parseFrame('change', '{"seq":5,"resource":"zones","ids":[1,2],"at":"2022-06-18T04:00:00Z"}')).toMatchObject({ seq: 5, resource: 'zones', ids: [1, 2] });
    expect(parseFrame('change', '{"seq":5,"resource":"zones","ids":null,"at":"2022-06-18T04:00:00Z"}')).toMatchObject({ ids: null });
    expect(parseFrame('ping', '{"head":5,"at":"2022-06-18T04:00:00Z"}')).toMatchObject({ type: 'ping', head: 5 });
    expect(parseFrame('reset', '{"head":9}')).toEqual({ type: 'reset', head: 9 });
    expect(parseFrame('bye', '{"reason":"session_ended"}')).toEqual({ type: 'bye', reason: 'session_ended' });
    expect(parseFrame('change', '{"seq":-1,"resource":"zones","ids":null,"at":"2022-06-18T04:00:00Z"}')).toBeNull();
    expect(parseFrame('change', '{"seq":1,"resource":"zones","ids":["x"],"at":"2022-06-18T04:00:00Z"}')).toBeNull();
    expect(parseFrame('hello', 'not json')).toBeNull();
    expect(parseFrame('other', '{}')).toBeNull();
    expect([eventId('12'), eventId(''), eventId('x1'), eventId(undefined)]).toEqual([12, null, null, null]);
  });
});

describe('live client', () => {
  it('opens the stream, and hello, change and ping update the state; changes reach the subscriber', () => {
    const c = client();
    c.start();
    expect(FakeEventSource.last.url).toBe('/api/v1/live');
    expect(last().status).toBe('connecting');
    FakeEventSource.last.hello(10, 15_000, '2022-06-18T04:00:00.000Z');
    expect(last()).toMatchObject({ status: 'open', head: 10, lastEventId: 10, asOf: '2022-06-18T04:00:00.000Z', heartbeatMs: 15_000 });
    expect(last().lastFrameAt).toBe(Date.now());
    FakeEventSource.last.change(11, 'zones', [3], '2022-06-18T04:00:05.000Z');
    expect(last()).toMatchObject({ head: 11, lastEventId: 11, asOf: '2022-06-18T04:00:05.000Z' });
    expect(events).toEqual([{ type: 'change', change: { seq: 11, resource: 'zones', ids: [3], at: '2022-06-18T04:00:05.000Z' } }]);
    FakeEventSource.last.ping(14, '2022-06-18T04:00:20.000Z');
    expect(last()).toMatchObject({ head: 14, lastEventId: 11, asOf: '2022-06-18T04:00:20.000Z' }); // a ping has no id
    expect(events).toHaveLength(1); // the first hello is not a resync
  });

  it('reconnects after a refused connection with ?lastEventId= of the last change and resyncs after the replay', () => {
    const c = client();
    c.start();
    const first = FakeEventSource.last;
    first.hello(10);
    first.change(11, 'cases', [7]);
    first.change(12, 'loops', [7]);
    first.fail(true);
    expect(last().status).toBe('down');
    expect(closedCount).toBe(1);
    vi.advanceTimersByTime(999);
    expect(FakeEventSource.all).toHaveLength(1);
    vi.advanceTimersByTime(1);
    const second = FakeEventSource.last;
    expect(second.url).toBe('/api/v1/live?lastEventId=12');
    second.change(13, 'zones', [2]); // the replay comes first, then hello
    second.hello(13);
    expect(last()).toMatchObject({ status: 'open', lastEventId: 13 });
    expect(events.map((e) => e.type)).toEqual(['change', 'change', 'change', 'resync']);
  });

  it('lets the browser retry a dropped connection by itself and resyncs when it is back', () => {
    const c = client();
    c.start();
    const es = FakeEventSource.last;
    es.hello(3);
    es.fail(false);
    expect(last().status).toBe('connecting');
    expect(es.closed).toBe(false);
    vi.advanceTimersByTime(2_000);
    expect(FakeEventSource.all).toHaveLength(1); // no second source: the browser's own retry
    es.hello(5);
    expect(last().status).toBe('open');
    expect(events).toEqual([{ type: 'resync' }]);
  });

  it('turns stale after 2.5 heartbeats without a frame, then reopens from the last id', () => {
    const c = client();
    c.start();
    const es = FakeEventSource.last;
    es.hello(20, 1_000);
    expect(staleAfterMs(1_000)).toBe(2_500);
    vi.advanceTimersByTime(2_000);
    es.ping(20); // a frame restarts the clock
    vi.advanceTimersByTime(2_499);
    expect(last().status).toBe('open');
    vi.advanceTimersByTime(1);
    expect(last().status).toBe('stale');
    expect(es.closed).toBe(true);
    vi.advanceTimersByTime(1_000); // first backoff step
    expect(FakeEventSource.last.url).toBe('/api/v1/live?lastEventId=20');
    FakeEventSource.last.hello(21, 1_000);
    expect(last().status).toBe('open');
    expect(events).toEqual([{ type: 'resync' }]);
  });

  it('backs off 1, 2, 4, 8, 16, 30, 30 s while the server refuses, and starts over after a hello', () => {
    const c = client();
    c.start();
    const delays: number[] = [];
    for (let i = 0; i < 7; i++) {
      FakeEventSource.last.fail(true);
      const before = FakeEventSource.all.length;
      let waited = 0;
      while (FakeEventSource.all.length === before) { vi.advanceTimersByTime(100); waited += 100; }
      delays.push(waited);
    }
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
    FakeEventSource.last.hello(1);
    FakeEventSource.last.fail(true);
    vi.advanceTimersByTime(1_000);
    expect(FakeEventSource.all).toHaveLength(9);
  });

  it('takes up to a fifth off each delay at random, never more than 30 s', () => {
    expect([0, 1, 2, 5, 9].map((n) => backoffMs(n, () => 0))).toEqual([1_000, 2_000, 4_000, 30_000, 30_000]);
    expect(backoffMs(0, () => 1)).toBe(800);
    expect(backoffMs(20, () => 0.5)).toBe(27_000);
    for (let i = 0; i < 50; i++) expect(backoffMs(i % 8)).toBeLessThanOrEqual(BACKOFF_MAX_MS);
  });

  it('passes a reset on (refetch everything) and replays from its head next time', () => {
    const c = client();
    c.start();
    FakeEventSource.last.send('reset', { head: 40 }, 40);
    FakeEventSource.last.hello(40);
    expect(events).toEqual([{ type: 'reset' }]);
    FakeEventSource.last.fail(true);
    vi.advanceTimersByTime(1_000);
    expect(FakeEventSource.last.url).toBe('/api/v1/live?lastEventId=40');
  });

  it('on bye closes the stream and waits: the owner checks the session, then may reconnect', () => {
    const c = client();
    c.start();
    const es = FakeEventSource.last;
    es.hello(7);
    es.change(8, 'users', [1]);
    es.send('bye', { reason: 'session_ended' });
    expect(byes).toEqual(['session_ended']);
    expect(es.closed).toBe(true);
    expect(last().status).toBe('down');
    vi.advanceTimersByTime(120_000);
    expect(FakeEventSource.all).toHaveLength(1);
    c.reconnect();
    expect(FakeEventSource.last.url).toBe('/api/v1/live?lastEventId=8');
  });

  it('ignores a frame that does not parse and frames of a source it already left', () => {
    const c = client();
    c.start();
    const es = FakeEventSource.last;
    es.send('change', '{"seq":"x"}');
    expect(events).toEqual([]);
    es.fail(true);
    vi.advanceTimersByTime(1_000);
    es.change(99, 'zones'); // the old, closed source
    expect(events).toEqual([]);
  });

  it('stops: the source closes, the state is idle, no timer reopens it', () => {
    const c = client();
    c.start();
    FakeEventSource.last.hello(1, 1_000);
    c.stop();
    expect(FakeEventSource.last.closed).toBe(true);
    expect(last()).toMatchObject({ status: 'idle', asOf: null, head: null, lastEventId: null });
    vi.advanceTimersByTime(60_000);
    expect(FakeEventSource.all).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import {
  backoffMs, BACKOFF_MAX_MS, classifyFailure, clearDropped, drain, due, EMPTY_OUTBOX, enqueue, parseOutbox, settle, wake,
  type OutboxItem, type OutboxState, type SendOutcome,
} from '../../web/stores/outbox-queue.ts';

const msg = { 'zh-CN': '任务不存在', en: 'No such task' };
const update = (clientId: string, taskId = 7) =>
  ({ clientId, taskId, status: 'inProgress' as const, note: `note ${clientId}`, at: '2022-04-01T08:00:00.000Z' });
const queue = (...ids: string[]): OutboxState => ids.reduce((s, id) => enqueue(s, update(id)), EMPTY_OUTBOX);
const ids = (s: OutboxState) => s.items.map((i) => i.clientId);

/** A fake server answering each clientId from a script of outcomes (the last one repeats). */
function fakeSend(script: Record<string, SendOutcome[]>) {
  const calls: string[] = [];
  const send = async (item: OutboxItem): Promise<SendOutcome> => {
    calls.push(item.clientId);
    const outcomes = script[item.clientId] ?? [{ kind: 'sent' }];
    return outcomes.length > 1 ? outcomes.shift()! : outcomes[0];
  };
  return { send, calls };
}

/** Runs drain over a mutable box, as the store does. */
async function run(start: OutboxState, send: (i: OutboxItem) => Promise<SendOutcome>, nowMs = 1_000) {
  let state = start;
  await drain(() => state, (s) => { state = s; }, send, () => nowMs);
  return state;
}

describe('outbox queue', () => {
  it('keeps items in the order they were made and ignores a repeated clientId', () => {
    const s = enqueue(queue('a', 'b'), update('a'));
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.items[0]).toMatchObject({ attempts: 0, nextAttemptAtMs: 0, note: 'note a' });
  });

  it('sends everything in order when the server accepts', async () => {
    const { send, calls } = fakeSend({});
    const s = await run(queue('a', 'b', 'c'), send);
    expect(calls).toEqual(['a', 'b', 'c']);
    expect(s.items).toEqual([]);
  });

  it('stops at a network error or 5xx and keeps the order, with backoff on the head', async () => {
    const { send, calls } = fakeSend({ b: [{ kind: 'retry' }] });
    const s = await run(queue('a', 'b', 'c'), send, 10_000);
    expect(calls).toEqual(['a', 'b']);
    expect(ids(s)).toEqual(['b', 'c']);
    expect(s.items[0]).toMatchObject({ attempts: 1, nextAttemptAtMs: 10_000 + backoffMs(1) });
    expect(due(s, 10_000)).toBeNull();
    expect(due(s, 10_000 + backoffMs(1))?.clientId).toBe('b');
  });

  it('backs off exponentially up to a cap, and honours a longer Retry-After', () => {
    expect([1, 2, 3, 4].map(backoffMs)).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(backoffMs(30)).toBe(BACKOFF_MAX_MS);
    let s = queue('a');
    for (let n = 0; n < 3; n++) s = settle(s, 'a', { kind: 'retry' }, 0);
    expect(s.items[0]).toMatchObject({ attempts: 3, nextAttemptAtMs: 8_000 });
    s = settle(s, 'a', { kind: 'retry', retryAfterSeconds: 120 }, 0);
    expect(s.items[0].nextAttemptAtMs).toBe(120_000);
  });

  it('after a retry the same clientId is resent, so the server can tell it is the same update', async () => {
    const { send, calls } = fakeSend({ a: [{ kind: 'retry' }, { kind: 'sent' }] });
    let s = await run(queue('a', 'b'), send, 0);
    s = await run(s, send, backoffMs(1));
    expect(calls).toEqual(['a', 'a', 'b']);
    expect(s.items).toEqual([]);
  });

  it('drops an item the server refuses with a 4xx, remembers why, and goes on with the next', async () => {
    const { send, calls } = fakeSend({ a: [{ kind: 'drop', code: 'not_found', message: msg }] });
    const s = await run(queue('a', 'b'), send);
    expect(calls).toEqual(['a', 'b']);
    expect(s.items).toEqual([]);
    expect(s.dropped).toEqual([expect.objectContaining({ clientId: 'a', code: 'not_found', message: msg })]);
    expect(clearDropped(s).dropped).toEqual([]);
  });

  it('holds everything on 401 (session ended) without counting an attempt', async () => {
    const { send, calls } = fakeSend({ a: [{ kind: 'hold' }] });
    const s = await run(queue('a', 'b'), send);
    expect(calls).toEqual(['a']);
    expect(ids(s)).toEqual(['a', 'b']);
    expect(s.items[0].attempts).toBe(0);
  });

  it('classifies failures: network/5xx/429 retry, 401 holds, other 4xx drop', () => {
    expect(classifyFailure(0, 'network', msg)).toEqual({ kind: 'retry' });
    expect(classifyFailure(503, 'unavailable', msg, 5)).toEqual({ kind: 'retry', retryAfterSeconds: 5 });
    expect(classifyFailure(429, 'too_many_attempts', msg, 30)).toEqual({ kind: 'retry', retryAfterSeconds: 30 });
    expect(classifyFailure(401, 'unauthenticated', msg)).toEqual({ kind: 'hold' });
    expect(classifyFailure(403, 'csrf_failed', msg)).toEqual({ kind: 'retry' }); // stale token: refreshed, sent again
    expect(classifyFailure(403, 'forbidden', msg)).toMatchObject({ kind: 'drop', code: 'forbidden' });
    for (const status of [400, 403, 404, 409, 422]) expect(classifyFailure(status, 'x', msg).kind).toBe('drop');
  });

  it('keeps items enqueued while a send is in flight', async () => {
    let state = queue('a');
    const send = async (): Promise<SendOutcome> => { state = enqueue(state, update('late')); return { kind: 'retry' }; };
    await drain(() => state, (s) => { state = s; }, send, () => 0);
    expect(ids(state)).toEqual(['a', 'late']);
  });

  it('wakes the head when the network returns', () => {
    const s = wake(settle(queue('a', 'b'), 'a', { kind: 'retry' }, 5_000));
    expect(due(s, 0)?.clientId).toBe('a');
    expect(s.items[0].attempts).toBe(1);
  });

  it('round-trips through its persisted JSON and survives garbage', () => {
    const s = settle(queue('a', 'b'), 'a', { kind: 'retry' }, 0);
    expect(parseOutbox(JSON.stringify(s))).toEqual(s);
    expect(parseOutbox(null)).toEqual(EMPTY_OUTBOX);
    expect(parseOutbox('{not json')).toEqual(EMPTY_OUTBOX);
    expect(parseOutbox(JSON.stringify({ version: 2, items: [] }))).toEqual(EMPTY_OUTBOX);
    expect(parseOutbox(JSON.stringify({ version: 1, items: [{ junk: true }, s.items[1]] })).items).toEqual([s.items[1]]);
  });
});

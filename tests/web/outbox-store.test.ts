// The outbox store with a fake localStorage, fake fetch and fake timers: what a phone sees
// across a reload and a lost network.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { useOutbox } from '../../web/stores/outbox.ts';

class MemoryStorage {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
  removeItem(k: string) { this.data.delete(k); }
}

const json = (body: unknown, status: number) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let storage: MemoryStorage;
let answer: (body: { clientId: string }) => Response | Promise<Response>;
let posted: { url: string; body: { clientId: string; status: string; note?: string } }[];

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  storage = new MemoryStorage();
  posted = [];
  answer = (b) => json({ id: posted.length, taskId: 7, clientId: b.clientId }, 201);
  vi.stubGlobal('localStorage', storage);
  vi.stubGlobal('navigator', { onLine: true });
  vi.stubGlobal('fetch', async (url: string, init: RequestInit) => {
    const body = JSON.parse(String(init.body));
    posted.push({ url, body });
    return answer(body);
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.useRealTimers(); vi.unstubAllGlobals(); });

const settle = () => vi.advanceTimersByTimeAsync(0);

describe('outbox store', () => {
  it('posts an update with its clientId and forgets it once accepted', async () => {
    const outbox = useOutbox();
    outbox.start(3);
    const id = outbox.add(7, 'done', '  已完成入户  ');
    await settle();
    expect(posted).toEqual([{ url: '/api/v1/tasks/7/updates',
      body: { clientId: id, status: 'done', note: '已完成入户', at: expect.any(String) } }]);
    expect(outbox.items).toEqual([]);
  });

  it('keeps updates made offline across a reload and sends them in order when back online', async () => {
    vi.stubGlobal('navigator', { onLine: false });
    const first = useOutbox();
    first.start(3);
    const a = first.add(7, 'inProgress', 'a');
    const b = first.add(7, 'done', 'b');
    await settle();
    expect(posted).toEqual([]);
    expect(first.items.map((i) => i.clientId)).toEqual([a, b]);

    setActivePinia(createPinia()); // the page is reloaded: a fresh store reads localStorage
    vi.stubGlobal('navigator', { onLine: true });
    const second = useOutbox();
    second.start(3);
    await settle();
    expect(posted.map((p) => p.body.clientId)).toEqual([a, b]);
    expect(second.items).toEqual([]);
  });

  it('retries a 5xx with backoff and resends the same clientId', async () => {
    let failures = 1;
    answer = (b) => (failures-- > 0 ? json({ code: 'internal', status: 503, title: 'x' }, 503)
      : json({ id: 1, taskId: 7, clientId: b.clientId }, 200));
    const outbox = useOutbox();
    outbox.start(3);
    const id = outbox.add(7, 'inProgress', '');
    await settle();
    expect(outbox.items).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(posted.map((p) => p.body.clientId)).toEqual([id, id]);
    expect(outbox.items).toEqual([]);
  });

  it('drops a 4xx with the server message and keeps each user’s queue apart', async () => {
    answer = () => json({ code: 'not_found', status: 404, title: 'Not found', message: { 'zh-CN': '不存在', en: 'Not found' } }, 404);
    const outbox = useOutbox();
    outbox.start(3);
    outbox.add(99, 'done', '');
    await settle();
    expect(outbox.items).toEqual([]);
    expect(outbox.dropped[0]).toMatchObject({ taskId: 99, code: 'not_found', message: { 'zh-CN': '不存在' } });
    outbox.start(4);
    expect(outbox.dropped).toEqual([]);
  });

  it('holds the queue on 401 instead of retrying in a loop', async () => {
    answer = () => json({ code: 'unauthenticated', status: 401, title: 'x' }, 401);
    const outbox = useOutbox();
    outbox.start(3);
    outbox.add(7, 'done', '');
    await vi.advanceTimersByTimeAsync(120_000);
    expect(posted).toHaveLength(1);
    expect(outbox.items).toHaveLength(1);
  });
});

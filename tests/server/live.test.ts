// GET /live over real HTTP (issue 6 item 1, reliability.md L5): the frames the contract names in
// their order (retry, replay or reset, hello, live), replay after a reconnect with no gap and no
// duplicate — from the in-memory ring and, for longer gaps, from the table — by Last-Event-ID or
// ?lastEventId= (the header wins), reset when the id is pruned or beyond the head, heartbeats, the
// response headers, and clean-up on abort; retention prunes a prefix of seq, never the newest
// dispatched event, and nothing while a replay reads the table, whose live events wait behind its
// hello. Scoping: live-scope.test.ts; slow clients: live-slow.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emitChanges, type Change } from '../../server/live/emit.ts';
import { DIALECTS } from '../support/dialects.ts';
import { openLive, type LiveClient } from '../support/live-client.ts';
import { liveTestApp, until, type LiveTestApp } from '../support/live-app.ts';

const profile = (id: number): Change => ({ resource: 'profiles', ids: [id] });
/** 25 h before the test clock's now. */
const DAY_AGO = new Date('2022-06-11T03:00:00.000Z');
const seqsOf = (c: LiveClient) => c.changes().map((d) => d.seq);
/** ~760-byte change frames: 100 six-digit ids each (the most an event lists). */
const bulky = (n: number): Change => ({ resource: 'zones', ids: Array.from({ length: 100 }, (_, i) => 100_000 + n * 100 + i) });
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** The events of a stream up to and including its hello, as `event#id`. */
const opening = (c: LiveClient) => c.events.slice(0, c.events.findIndex((e) => e.event === 'hello') + 1).map((e) => `${e.event}#${e.id}`);
/** Reads an in-process event stream up to the frame with id `lastId`, then cancels it; the frames' event and id. */
async function readFrames(body: ReadableStream<Uint8Array>, lastId: string): Promise<{ event: string; id: string | null }[]> {
  const reader = body.getReader(), decoder = new TextDecoder(), chunks: string[] = [];
  let recent = ''; // the last few frames: testing the whole text after each chunk would be quadratic
  while (!(recent.includes(`id: ${lastId}\n`) && recent.endsWith('\n\n'))) {
    const r = await reader.read();
    if (r.done) break;
    const chunk = decoder.decode(r.value, { stream: true });
    chunks.push(chunk);
    recent = (recent + chunk).slice(-4096);
  }
  await reader.cancel();
  return chunks.join('').split('\n\n').filter((b) => b.includes('event: ')).map((b) => ({
    event: /^event: (.*)$/m.exec(b)![1], id: /^id: (.*)$/m.exec(b)?.[1] ?? null }));
}

describe.each(DIALECTS)('live stream on $name', (dialect) => {
  let L: LiveTestApp;
  beforeAll(async () => { L = await liveTestApp(dialect, { live: { retention: { hours: 24, count: 40 } } }); });
  afterAll(async () => { await L.close(); });
  const dispatched = (seq: number) => until(() => L.hub.stats().head >= seq, `the hub dispatched seq ${seq}`);
  /** Makes the events up to `seq` 25 h old (past the 24 h retention) by the test clock. */
  const ageAll = (seq: number) => L.t.db.kysely.updateTable('events').set({ at: DAY_AGO.toISOString() }).where('seq', '<=', seq).execute();

  it('answers text/event-stream, uncompressed, not cached, not proxy-buffered; 401 without a session', async () => {
    const c = await L.open('commander', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(c.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(c.headers['cache-control']).toBe('no-store');
    expect(c.headers['x-accel-buffering']).toBe('no');
    expect(c.headers['content-encoding']).toBeUndefined();
    expect(c.retryMs).toBe(2000);
    const hello = JSON.parse(c.events[0].data) as { head: number; at: string; heartbeatMs: number };
    expect(c.events[0]).toMatchObject({ event: 'hello', id: String(hello.head) });
    expect(hello).toEqual({ head: await L.newest(), at: '2022-06-12T04:00:00.000Z', heartbeatMs: 200 });
    c.close();
    const anonymous = await openLive(L.liveUrl());
    await anonymous.waitForClose();
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.text)).toMatchObject({ code: 'unauthenticated' });
  });

  it('replays exactly the missed events after a reconnect with Last-Event-ID, then goes live with no gap', async () => {
    const first = await L.open('commander');
    await L.emit([profile(1), profile(2), profile(3)]);
    const seen = await first.waitFor((e) => e.event === 'change' && JSON.parse(e.data).ids[0] === 3);
    first.close();
    const last = Number(seen.id);
    for (let i = 0; i < 5; i++) await L.emit(profile(10 + i)); // five writes while the client is away
    await dispatched(last + 5); // (a reconnect before the hub has read them gets them live instead: same frames)
    const again = await L.open('commander', { lastEventId: last });
    expect(opening(again)).toEqual([...range(last + 1, last + 5).map((s) => `change#${s}`), `hello#${last + 5}`]);
    expect(again.changes().map((d) => d.ids)).toEqual([[10], [11], [12], [13], [14]]);
    await L.emit([profile(20), profile(21)]);
    await again.waitFor((e) => e.id === String(last + 7));
    expect(seqsOf(again)).toEqual(range(last + 1, last + 7)); // no gap, no duplicate
  });

  it('replays from the table when the gap is longer than the in-memory ring (50 here)', async () => {
    const from = await L.newest();
    await L.emit(Array.from({ length: 120 }, (_, i) => profile(100 + i)));
    await dispatched(from + 120);
    const c = await L.open('commander', { lastEventId: from });
    expect(seqsOf(c)).toEqual(range(from + 1, from + 120));
    expect(opening(c).at(-1)).toBe(`hello#${from + 120}`);
  });

  it('takes ?lastEventId= when there is no header, and the header when there are both', async () => {
    const from = await L.newest();
    await L.emit([profile(30), profile(31), profile(32)]);
    await dispatched(from + 3);
    expect(seqsOf(await L.open('commander', { query: `lastEventId=${from}` }))).toEqual(range(from + 1, from + 3));
    expect(seqsOf(await L.open('commander', { query: `lastEventId=${from}`, lastEventId: from + 2 }))).toEqual([from + 3]);
    const bad = await openLive(L.liveUrl('lastEventId=-1'), { cookie: (await L.t.signIn('commander')).cookie });
    await bad.waitForClose();
    expect(bad.status).toBe(400);
  });

  it('sends reset (then hello) for an id beyond the head, an unreadable id, or one older than the retained events', async () => {
    const head = await L.newest();
    for (const id of [head + 1000, 'abc']) {
      const c = await L.open('commander', { lastEventId: id });
      expect(opening(c)).toEqual([`reset#${head}`, `hello#${head}`]);
      expect(JSON.parse(c.events[0].data)).toEqual({ head });
    }
    // Retention here: the newest 40 (the hub's default: a day and 100,000).
    await L.emit(Array.from({ length: 60 }, (_, i) => profile(300 + i)));
    await dispatched(head + 60);
    expect(await L.hub.prune()).toBeGreaterThan(0);
    const oldest = Number((await L.t.db.kysely.selectFrom('events').select((eb) => eb.fn.min('seq').as('m')).executeTakeFirstOrThrow()).m);
    const gone = await L.open('commander', { lastEventId: oldest - 2 });
    expect(opening(gone)).toEqual([`reset#${head + 60}`, `hello#${head + 60}`]);
    const kept = await L.open('commander', { lastEventId: oldest - 1 });
    expect(seqsOf(kept)).toEqual(range(oldest, head + 60));
  });

  it('prunes events older than 24 h by the server clock: a prefix of seq, only ones already dispatched', async () => {
    const before = await L.newest();
    await L.emit(profile(400), DAY_AGO);
    await L.emit(profile(401));
    await L.emit(profile(402), DAY_AGO); // old, but after a young one: it stays (a replay must find no hole)
    await dispatched(before + 3);
    await ageAll(before);
    await L.hub.prune();
    const left = await L.t.db.kysely.selectFrom('events').select('seq').orderBy('seq').execute();
    expect(left.map((r) => Number(r.seq))).toEqual([before + 2, before + 3]);
  });

  it('keeps the newest dispatched event when every event is past retention, so seq never restarts below the head', async () => {
    // SQLite's seq is a rowid: on an empty table it would start again at 1, below the tail's head.
    const c = await L.open('commander');
    const head = await L.newest();
    await dispatched(head);
    await ageAll(head);
    await L.hub.prune();
    expect(await L.newest()).toBe(head);
    await L.emit(profile(450));
    await c.waitFor((e) => e.id === String(head + 1));
    expect(seqsOf(c)).toEqual([head + 1]);
  });

  it('sends a ping every heartbeatMs (200 ms here), without an id', async () => {
    const c = await L.open('wall');
    const t0 = Date.now();
    await c.waitFor((e) => e.event === 'ping');
    await until(() => c.events.filter((e) => e.event === 'ping').length >= 3, 'three pings', 2_000);
    expect(Date.now() - t0).toBeLessThan(1_500);
    const ping = c.events.find((e) => e.event === 'ping')!;
    expect(ping.id).toBeNull();
    expect(JSON.parse(ping.data)).toEqual({ head: expect.any(Number), at: '2022-06-12T04:00:00.000Z' });
  });

  // PostgreSQL takes identity values at insert; an emit holds the audit-chain lock until its
  // transaction ends, so a later seq cannot commit before an earlier one — only a rollback leaves a hole.
  it.runIf(dialect.name === 'postgres')('hands out seqs in commit order (a second emit waits for the first), and moves past a rolled-back one after ~2 s', async () => {
    const c = await L.open('commander');
    const base = L.hub.stats().head;
    let release!: () => void, inserted!: () => void;
    const held = new Promise<void>((r) => { release = r; });
    const didInsert = new Promise<void>((r) => { inserted = r; });
    const slow = L.t.db.transaction(async (tx) => { await emitChanges(tx, '2022-06-12T04:00:00.000Z', [profile(500)]); inserted(); await held; });
    await didInsert;
    const second = L.emit(profile(501)); // waits for the lock the first transaction holds
    await new Promise((r) => setTimeout(r, 500)); // five polls: nothing has committed
    expect(c.changes().filter((d) => d.seq > base)).toEqual([]);
    expect(await L.newest()).toBe(base);
    release();
    await Promise.all([slow, second]);
    await c.waitFor((e) => e.id === String(base + 2));
    expect(c.changes().filter((d) => d.seq > base).map((d) => [d.seq, d.ids])).toEqual([[base + 1, [500]], [base + 2, [501]]]);
    const t0 = performance.now();
    await L.t.db.transaction(async (tx) => { await emitChanges(tx, '2022-06-12T04:00:00.000Z', [profile(600)]); throw new Error('rolled back'); }).catch(() => {});
    await L.emit(profile(601)); // seq base+4: base+3 never comes
    await c.waitFor((e) => e.id === String(base + 4));
    const waitedMs = Math.round(performance.now() - t0);
    console.log(`live tail on postgres: moved past a rolled-back seq after ${waitedMs} ms`);
    expect(waitedMs).toBeGreaterThanOrEqual(1_900);
    expect(waitedMs).toBeLessThan(4_000);
  });

  it('holds live events back behind a table replay paced by its reader, and prunes nothing while one reads', async () => {
    await L.open('commander'); // the hub runs (on its own, this test would open the first stream)
    const from = await L.newest();
    // more rows than one read of the table takes (1000), far more bytes than a stream queues (64 KiB)
    await L.emit(Array.from({ length: 1100 }, (_, i) => bulky(i)));
    await dispatched(from + 1100);
    // in-process: nothing reads the body until the test does, so the replay stops at the 64 KiB cap
    const res = await L.t.as('commander')('/api/v1/live', 'GET', undefined, { 'last-event-id': String(from) });
    await L.emit(Array.from({ length: 20 }, (_, i) => profile(700 + i)));
    await dispatched(from + 1120);
    const pruned = await L.hub.prune(); // retention keeps 40 here: it would delete what the replay has yet to read
    const frames = await readFrames(res.body!, String(from + 1120));
    expect(pruned).toBe(0);
    expect(frames.filter((f) => f.event === 'change').map((f) => Number(f.id))).toEqual(range(from + 1, from + 1120));
    const hello = frames.findIndex((f) => f.event === 'hello');
    expect(frames.slice(hello - 1, hello + 2).map((f) => `${f.event}#${f.id}`)).toEqual([`change#${from + 1100}`, `hello#${from + 1100}`, `change#${from + 1101}`]);
    expect(await L.hub.prune()).toBeGreaterThan(0); // the replay is over
  });

  it('forgets a stream when its client goes away (the client count returns to 0)', async () => {
    await Promise.all(['commander', 'planner', 'officer', 'fieldA', 'wall'].map((u) => L.open(u)));
    expect(L.hub.stats().clients).toBeGreaterThanOrEqual(5);
    for (const c of L.closeAll()) await c.waitForClose(); // these and every stream of the tests above
    await until(() => L.hub.stats().clients === 0, 'no clients left');
  });
});

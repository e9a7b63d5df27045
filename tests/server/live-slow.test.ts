// The slow-client drop (issue 6 item 1, reliability.md L7): a client that stops reading is closed
// once its unsent frames pass the buffer cap (64 KiB in this test app, 1 MiB by default), while a
// client that keeps reading receives every event of the same run, gap-free; the hub counts the drop
// and forgets both streams when they are gone. Socket buffers (kernel, Node) take their share first,
// so the test emits until the hub reports the drop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../server/live/emit.ts';
import { DIALECTS } from '../support/dialects.ts';
import { liveTestApp, until, type LiveTestApp } from '../support/live-app.ts';

/** ~760-byte change frames: 100 six-digit ids each (the most an event lists). */
const bulky = (n: number): Change => ({ resource: 'zones', ids: Array.from({ length: 100 }, (_, i) => 100_000 + n * 100 + i) });

describe.each(DIALECTS)('slow live clients on $name', (dialect) => {
  let L: LiveTestApp;
  beforeAll(async () => { L = await liveTestApp(dialect); });
  afterAll(async () => { await L.close(); });

  it('drops a client that stops reading beyond the cap; a reading client gets every event', async () => {
    const normal = await L.open('commander');
    const slow = await L.open('commander');
    const start = await L.newest();
    slow.pause();
    let emitted = 0;
    const t0 = performance.now();
    // Batches of 200 (~150 KB of frames), each dispatched before the next, until the hub drops the slow one.
    while (L.hub.stats().dropped === 0 && emitted < 40_000) {
      await L.emit(Array.from({ length: 200 }, (_, i) => bulky(emitted + i)));
      emitted += 200;
      await until(() => L.hub.stats().head >= start + emitted, 'batch dispatched');
    }
    const dropMs = Math.round(performance.now() - t0);
    expect(L.hub.stats().dropped).toBe(1);
    await L.emit({ resource: 'profiles', ids: [1] }); // after the drop: the reader still gets it
    emitted += 1;
    await normal.waitFor((e) => e.id === String(start + emitted), 10_000);
    const seqs = normal.changes().map((d) => d.seq);
    expect(seqs).toEqual(Array.from({ length: emitted }, (_, i) => start + 1 + i));
    // The slow client, reading again, finds its connection cut after what had been sent before the drop.
    slow.resume();
    await slow.waitForClose();
    expect(slow.endedCleanly).toBe(false);
    expect(slow.changes().length).toBeLessThan(emitted - 1);
    console.log(`slow client on ${dialect.name}: dropped after ${emitted - 1} events (${Math.round(normal.bytes / 1024)} KB of frames) in ${dropMs} ms `
      + `(the slow client had received ${Math.round(slow.bytes / 1024)} KB); the reader got all ${emitted} events in order`);
    normal.close();
    await until(() => L.hub.stats().clients === 0, 'both streams forgotten');
  }, 60_000);
});

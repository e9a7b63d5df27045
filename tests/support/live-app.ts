// The live-stream test bench: a test app (tests/support/app.ts) served over real HTTP, with a hub
// tuned for tests (200 ms heartbeat, 64 KiB slow-client cap, a 50-event ring so longer replays
// read the table, pruning only when a test asks), streams opened as a signed-in user with the SSE
// client of live-client.ts, and events emitted the way writes do (emitChanges in a transaction).
import { hashPassword } from '../../server/auth/passwords.ts';
import { insertUser } from '../../server/db/users.ts';
import type { Role } from '../../domain/auth/policy.ts';
import { emitChanges, type Change } from '../../server/live/emit.ts';
import type { LiveOptions } from '../../server/live/hub.ts';
import { seqBounds } from '../../server/live/tail.ts';
import { FIXED_NOW, serveHttp, TEST_PASSWORD, testApp } from './app.ts';
import type { TestDialect } from './dialects.ts';
import { openLive, type LiveClient, type LiveClientOptions } from './live-client.ts';
import { recordResponse } from './pii-scan.ts';

export const LIVE_TEST_OPTIONS: LiveOptions = { heartbeatMs: 200, bufferBytes: 64 * 1024, ringSize: 50, pruneEveryMs: 3_600_000 };

/** Polls `cond` every 20 ms; resolves with the ms it took, rejects after timeoutMs. */
export async function until(cond: () => boolean | Promise<boolean>, what: string, timeoutMs = 5_000): Promise<number> {
  const t0 = performance.now();
  while (!(await cond())) {
    if (performance.now() - t0 > timeoutMs) throw new Error(`not within ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  return performance.now() - t0;
}

export async function liveTestApp(dialect: TestDialect, opts: { live?: LiveOptions; now?: () => Date } = {}) {
  const now = opts.now ?? (() => FIXED_NOW);
  const t = await testApp(dialect, { now, live: { ...LIVE_TEST_OPTIONS, ...opts.live } });
  const server = await serveHttp(t.app);
  const clients: LiveClient[] = [], opened: LiveClient[] = [];
  const liveUrl = (query?: string) => `${server.url}/api/v1/live${query ? `?${query}` : ''}`;

  /** Signs `user` in afresh and opens a stream; resolves once `hello` arrived. */
  async function open(user: string, o: LiveClientOptions & { query?: string } = {}) {
    const s = await t.signIn(user);
    const c = await openLive(liveUrl(o.query), { cookie: s.cookie, ...o });
    clients.push(c);
    opened.push(c);
    if (c.status !== 200) throw new Error(`GET /live as ${user}: ${c.status} ${c.text}`);
    await c.waitFor((e) => e.event === 'hello');
    return Object.assign(c, { session: s });
  }

  /** Records changes in the outbox as a write would, at the server clock's now unless `at` is given. */
  const emit = (changes: Change | Change[], at = now()) =>
    t.db.transaction((tx) => emitChanges(tx, at.toISOString(), Array.isArray(changes) ? changes : [changes]));
  /** The newest seq in the outbox. */
  const newest = async () => (await seqBounds(t.db)).newest;

  async function addUser(username: string, role: Role, teamId: number | null): Promise<number> {
    return insertUser(t.db, { username, displayName: username, role, teamId, passwordHash: await hashPassword(TEST_PASSWORD) }, now().toISOString());
  }

  /** Hangs up every stream opened so far; returns them. */
  const closeAll = () => { for (const c of clients) c.close(); return clients.splice(0); };
  async function close() {
    closeAll();
    // Every payload the streams carried joins the run's PII scan (reliability.md P1: SSE payloads too).
    for (const c of opened) await recordResponse('GET', '/api/v1/live', new Response(c.events.map((e) => `${e.event} ${e.data}`).join('\n'), { status: c.status }));
    await server.close();
    await t.close();
  }
  return { t, hub: t.live, url: server.url, liveUrl, open, emit, newest, addUser, closeAll, close };
}

export type LiveTestApp = Awaited<ReturnType<typeof liveTestApp>>;

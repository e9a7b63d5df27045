// A test app over a fresh database of one dialect, loaded with the tiny district, with one
// account per role (field members of two teams: A = 南头村, B = 大社社区). `t.as(user)` signs in
// through the real POST /session and sends the cookie and CSRF token like a browser would;
// `t.json` is anonymous. Every answer is recorded for the run's PII scan (pii-scan.ts).
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from '../../server/app.ts';
import { createLiveHub, type LiveOptions } from '../../server/live/hub.ts';
import { hashPassword } from '../../server/auth/passwords.ts';
import type { Db } from '../../server/db/database.ts';
import { loadRows } from '../../server/db/seed.ts';
import { insertUser } from '../../server/db/users.ts';
import type { Role } from '../../domain/auth/policy.ts';
import { tinyDistrict } from '../fixtures/tiny-district.ts';
import type { TestDialect } from './dialects.ts';
import { recordApp } from './pii-scan.ts';

export const FIXED_NOW = new Date('2022-06-12T04:00:00.000Z');
export const TEST_PASSWORD = 'correct-horse-battery-9';
export const SESSION = { idleMinutes: 30, absoluteHours: 12 };

/** username → [role, team id] */
export const TEST_USERS = {
  admin: ['admin', null], commander: ['commander', null], planner: ['planner', null], officer: ['caseOfficer', null],
  wall: ['wall', null], fieldA: ['fieldMember', 1], fieldB: ['fieldMember', 2],
} as const satisfies Record<string, [Role, number | null]>;
export type TestUser = keyof typeof TEST_USERS;

export type Send = (path: string, method?: string, body?: unknown, headers?: Record<string, string>) => Promise<Response>;

/** `live`: options of the app's live hub (t.live), e.g. a short heartbeat or a small buffer cap. */
export async function testApp(dialect: TestDialect, opts: { bodyLimitBytes?: number; importMaxBytes?: number; now?: () => Date; live?: LiveOptions } = {}) {
  const db: Db = await dialect.open();
  await loadRows(db, tinyDistrict());
  const passwordHash = await hashPassword(TEST_PASSWORD);
  for (const [username, [role, teamId]] of Object.entries(TEST_USERS)) {
    await insertUser(db, { username, displayName: username, role, teamId, passwordHash }, FIXED_NOW.toISOString());
  }
  const silent = { error: () => {} };
  const now = opts.now ?? (() => FIXED_NOW);
  const live = createLiveHub({ db, now, session: SESSION, log: silent }, opts.live);
  const app = recordApp(createApp({ db, bodyLimitBytes: opts.bodyLimitBytes ?? 1_048_576, importMaxBytes: opts.importMaxBytes, now, log: silent,
    session: SESSION, trustProxy: true, live }));
  // A Blob goes as it is, with its type (a file upload, POST /imports); anything else as JSON.
  const request = (path: string, method: string, body: unknown, headers: Record<string, string>) =>
    app.request(path, { method, headers: { ...(body === undefined ? {} : { 'content-type': body instanceof Blob ? body.type : 'application/json' }), ...headers },
      body: body === undefined ? undefined : body instanceof Blob ? body : JSON.stringify(body) });
  const json: Send = async (path, method = 'GET', body, headers = {}) => request(path, method, body, headers);

  const signedIn = new Map<string, Send>();
  /** Signs in once per user and test app; every later call reuses the session. */
  async function signIn(username: string): Promise<{ cookie: string; csrf: string; send: Send }> {
    const res = await json('/api/v1/session', 'POST', { username, password: TEST_PASSWORD });
    if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const { csrfToken } = (await res.json()) as { csrfToken: string };
    const send: Send = async (path, method = 'GET', body, headers = {}) =>
      request(path, method, body, { cookie, 'x-csrf-token': csrfToken, ...headers });
    return { cookie, csrf: csrfToken, send };
  }
  const as = (username: TestUser): Send => async (path, method, body, headers) => {
    let send = signedIn.get(username);
    if (!send) { send = (await signIn(username)).send; signedIn.set(username, send); }
    return send(path, method, body, headers);
  };
  // The hub stops before the database closes: no stream outlives its test, no poll hits a closed pool.
  return { db, app, live, json, as, signIn, close: async () => { await live.stop(); await db.close(); } };
}

/** Serves an app over real HTTP on an ephemeral local port (what streams need: sockets, backpressure). */
export async function serveHttp(app: { fetch: (req: Request, env?: unknown) => Response | Promise<Response> }): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => {
          server.close(() => done());
          (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        }),
      });
    });
  });
}

// The one place that reads process.env: parsed once with zod, frozen.
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('127.0.0.1'),
  SHOUWANG_DB_FILE: z.string().default('./data/shouwang.sqlite'),
  SHOUWANG_DB_URL: z.string().url().optional(),
  SHOUWANG_DEMO: z.enum(['0', '1']).default('1'),
  SHOUWANG_DEMO_SEED: z.coerce.number().int().default(20220607),
  SHOUWANG_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),
  SHOUWANG_SERVE_WEB: z.enum(['0', '1']).default('1'),
  SHOUWANG_BUILD_WEB: z.enum(['0', '1']).default('1'),
  SHOUWANG_SESSION_IDLE_MINUTES: z.coerce.number().positive().default(30),
  SHOUWANG_SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  SHOUWANG_KIOSK_SESSION_HOURS: z.coerce.number().positive().default(168),
  SHOUWANG_LIVE_HEARTBEAT_MS: z.coerce.number().int().min(100).default(15_000),
  SHOUWANG_LIVE_BUFFER_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  SHOUWANG_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  SHOUWANG_ADMIN_PASSWORD: z.string().optional(),
  SHOUWANG_DEMO_PASSWORD: z.string().optional(),
  SHOUWANG_CLOCK_START: z.union([z.literal('real'), z.string().datetime({ offset: true })]).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SHOUWANG_IMPORT_MAX_BYTES: z.coerce.number().int().positive().default(20 * 1024 * 1024),
  SHOUWANG_ANALYSIS_BACKFILL_DAYS: z.coerce.number().int().min(0).max(730).default(60),
});

export interface Config {
  port: number;
  host: string;
  /** SQLite file, used unless `dbUrl` names a PostgreSQL server. */
  dbFile: string;
  dbUrl: string | undefined;
  /** Seed the synthetic demo district when the database is empty. */
  demo: boolean;
  demoSeed: number;
  bodyLimitBytes: number;
  serveWeb: boolean;
  buildWeb: boolean;
  /** Session lifetime: idle (minutes) and absolute (hours), ASVS 7.3 L2: 30 min / 12 h; the wall's
   * kiosk sessions: no idle limit, `kioskHours` absolute (reliability.md §7 item 12). */
  session: { idleMinutes: number; absoluteHours: number; kioskHours: number };
  /** The live stream (server/live/): heartbeat period and the unsent bytes after which a client that
   * does not read is dropped (reliability.md L7). */
  live: { heartbeatMs: number; bufferBytes: number };
  /** Behind a reverse proxy: trust X-Forwarded-For/-Proto/-Host for client address and HTTPS. */
  trustProxy: boolean;
  /** The first start's admin password; generated and printed once when unset. */
  adminPassword: string | undefined;
  /** The demo accounts' password (demo mode only); generated and printed once when unset. */
  demoPassword: string | undefined;
  /** Where the server's clock starts (server/clock.ts): an ISO instant, 'real', or unset (demo: the scenario's now). */
  clockStart: string | undefined;
  logLevel: z.infer<typeof Env>['LOG_LEVEL'];
  /** Cap on an uploaded case/contact sheet (POST /imports), which bypasses the JSON body cap. */
  importMaxBytes: number;
  /** Issue 7: how many past complete days the daily analyses fill in at start (0: none). */
  analysisBackfillDays: number;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Readonly<Config> {
  const e = Env.parse(env);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    dbFile: e.SHOUWANG_DB_FILE,
    dbUrl: e.SHOUWANG_DB_URL,
    demo: e.SHOUWANG_DEMO === '1',
    demoSeed: e.SHOUWANG_DEMO_SEED,
    bodyLimitBytes: e.SHOUWANG_BODY_LIMIT_BYTES,
    serveWeb: e.SHOUWANG_SERVE_WEB === '1',
    buildWeb: e.SHOUWANG_BUILD_WEB === '1',
    session: Object.freeze({ idleMinutes: e.SHOUWANG_SESSION_IDLE_MINUTES, absoluteHours: e.SHOUWANG_SESSION_ABSOLUTE_HOURS,
      kioskHours: e.SHOUWANG_KIOSK_SESSION_HOURS }),
    live: Object.freeze({ heartbeatMs: e.SHOUWANG_LIVE_HEARTBEAT_MS, bufferBytes: e.SHOUWANG_LIVE_BUFFER_BYTES }),
    trustProxy: e.SHOUWANG_TRUST_PROXY === '1',
    adminPassword: e.SHOUWANG_ADMIN_PASSWORD,
    demoPassword: e.SHOUWANG_DEMO_PASSWORD,
    clockStart: e.SHOUWANG_CLOCK_START,
    logLevel: e.LOG_LEVEL,
    importMaxBytes: e.SHOUWANG_IMPORT_MAX_BYTES,
    analysisBackfillDays: e.SHOUWANG_ANALYSIS_BACKFILL_DAYS,
  });
}

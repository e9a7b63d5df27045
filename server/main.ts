// Start-up: config → database (verified) → migrations → demo seed when empty → web build → serve.
import { serve } from '@hono/node-server';
import { relative, resolve } from 'node:path';
import pino from 'pino';
import { generateDemo } from '../geodata/generate.ts';
import { ensureDemoAccounts, ensureFirstAdmin } from './accounts.ts';
import { createApp } from './app.ts';
import { serverClock } from './clock.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { gazetteerFor } from './db/gazetteer-source.ts';
import { runAlertRules } from './db/alert-rules.ts';
import { escalateOverdue } from './db/loop-escalation.ts';
import { startAnalysisScheduler } from './analysis/scheduler.ts';
import { wallCoverage } from './db/wall-coverage.ts';
import { migrateToLatest } from './db/migrations/index.ts';
import { ensureBundledProfiles } from './db/profiles.ts';
import { isEmpty, loadRows } from './db/seed.ts';
import { rebuildZoneTeams } from './db/zone-teams.ts';
import { createLiveHub } from './live/hub.ts';
import { buildWebIfStale, webAssets } from './web-assets.ts';

const root = resolve(import.meta.dirname, '..');
const config = loadConfig();
const log = pino({ level: config.logLevel });

const db = openDatabase({ file: config.dbFile, url: config.dbUrl });
const applied = await migrateToLatest(db.kysely as never);
if (applied.length) log.info({ applied }, 'migrations applied');
// Migration 004 adds the zones' team scope but cannot compute it (the exact polygon test is app
// code): a database that just got it fills it here once; later writes keep it current.
if (applied.includes('004-zones')) await db.transaction((tx) => rebuildZoneTeams(tx, null));
if (config.demo && (await isEmpty(db))) {
  const t0 = performance.now();
  const counts = await loadRows(db, generateDemo({ seed: config.demoSeed, scale: 'demo' }));
  log.info({ counts, ms: Math.round(performance.now() - t0) }, 'demo district seeded (synthetic geometry)');
}
// Profiles shipped since this database was seeded (e.g. the generic norovirus one) join it, and
// shipped versions stored by an older build are brought up to the files.
const upsertedProfiles = await ensureBundledProfiles(db);
if (upsertedProfiles) log.info({ upsertedProfiles }, 'bundled rule profiles inserted or updated');
const clock = await serverClock(db, config);
if (clock.start) log.info({ clockStart: clock.start }, 'the server clock starts at the demo scenario\'s now and runs forward');
// Printed once, to the console only (not the JSON log): the operator copies it and changes nothing else.
const adminPassword = await ensureFirstAdmin(db, clock.now(), config.adminPassword);
if (adminPassword) console.log(`\n  首次启动：已创建管理员 admin，密码（只显示这一次）/ first start: admin password (shown once): ${adminPassword}\n`);
if (config.demo) {
  const demoPassword = await ensureDemoAccounts(db, clock.now(), config.demoPassword);
  if (demoPassword) console.log(`  演示账号 / demo accounts commander planner officer wall field1 field2, 密码 / password: ${demoPassword}\n`);
}
if (config.serveWeb && config.buildWeb) buildWebIfStale(root, log);

const live = createLiveHub({ db, now: clock.now, session: config.session, log }, config.live);
const app = createApp({
  db,
  live,
  bodyLimitBytes: config.bodyLimitBytes,
  importMaxBytes: config.importMaxBytes,
  session: config.session,
  trustProxy: config.trustProxy,
  now: clock.now,
  log,
  web: config.serveWeb ? webAssets(relative(process.cwd(), resolve(root, 'dist')) || '.') : undefined,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info({ url: `http://${config.host}:${info.port}`, db: config.dbUrl ? 'postgres' : config.dbFile }, 'Shouwang is serving');
});

// Overdue loop steps raise and escalate their alerts every minute (issue 5 item 2), on the server
// clock; the board computes the same levels live from due times and writes nothing.
const escalation = setInterval(() => {
  escalateOverdue(db, clock.now().toISOString()).catch((err: unknown) => log.error({ err }, 'loop escalation failed'));
  // Issue 7: the state alert rules and the escalation of unacknowledged alerts, on the same minute.
  runAlertRules(db, clock.now().toISOString()).catch((err: unknown) => log.error({ err }, 'alert rules failed'));
}, 60_000);
escalation.unref();

// Issue 7: the daily analyses (clusters, scan, hot spots, EARS) for every complete day not yet
// analysed, the last `analysisBackfillDays` first; their alerts carry the day they were found.
const analyses = startAnalysisScheduler({ db, now: clock.now, log, backfillDays: config.analysisBackfillDays, intervalMs: 10 * 60_000 });

// The address gazetteer (161k address points in the demo) takes seconds to read and build, and
// better-sqlite3 reads synchronously: pay it once right after start, not during an officer's first import.
setTimeout(() => { gazetteerFor(db).catch((err: unknown) => log.error({ err }, 'address gazetteer failed to build')); }, 1_000).unref();
// Issue 8: the same for the routing graph and the households it serves (seconds on the demo), so
// the wall's first coverage KPI and a planner's first coverage question do not wait for them.
setTimeout(() => { wallCoverage(db, clock.now().toISOString()).catch((err: unknown) => log.error({ err }, 'coverage warm-up failed')); }, 2_000).unref();

// The live streams end first (EventSource reconnects to the next server with Last-Event-ID),
// otherwise server.close() would wait for them forever.
const shutdown = () => {
  clearInterval(escalation);
  void Promise.all([live.stop(), analyses.stop()]).then(() => {
    server.close();
    return db.close();
  }).then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

// Start-up: config → database (verified) → migrations → demo seed when empty → web build → serve.
import { serve } from '@hono/node-server';
import { relative, resolve } from 'node:path';
import pino from 'pino';
import { generateDemo } from '../geodata/generate.ts';
import { ensureDemoAccounts, ensureFirstAdmin } from './accounts.ts';
import { createApp } from './app.ts';
import { loadConfig } from './config.ts';
import { openDatabase } from './db/database.ts';
import { migrateToLatest } from './db/migrations/index.ts';
import { isEmpty, loadRows } from './db/seed.ts';
import { buildWebIfStale, webAssets } from './web-assets.ts';

const root = resolve(import.meta.dirname, '..');
const config = loadConfig();
const log = pino({ level: config.logLevel });

const db = openDatabase({ file: config.dbFile, url: config.dbUrl });
const applied = await migrateToLatest(db.kysely as never);
if (applied.length) log.info({ applied }, 'migrations applied');
if (config.demo && (await isEmpty(db))) {
  const t0 = performance.now();
  const counts = await loadRows(db, generateDemo({ seed: config.demoSeed, scale: 'demo' }));
  log.info({ counts, ms: Math.round(performance.now() - t0) }, 'demo district seeded (synthetic geometry)');
}
// Printed once, to the console only (not the JSON log): the operator copies it and changes nothing else.
const adminPassword = await ensureFirstAdmin(db, new Date(), config.adminPassword);
if (adminPassword) console.log(`\n  首次启动：已创建管理员 admin，密码（只显示这一次）/ first start: admin password (shown once): ${adminPassword}\n`);
if (config.demo) {
  const demoPassword = await ensureDemoAccounts(db, new Date(), config.demoPassword);
  if (demoPassword) console.log(`  演示账号 / demo accounts commander planner officer wall field1 field2, 密码 / password: ${demoPassword}\n`);
}
if (config.serveWeb && config.buildWeb) buildWebIfStale(root, log);

const app = createApp({
  db,
  bodyLimitBytes: config.bodyLimitBytes,
  session: config.session,
  trustProxy: config.trustProxy,
  log,
  web: config.serveWeb ? webAssets(relative(process.cwd(), resolve(root, 'dist')) || '.') : undefined,
});
const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
  log.info({ url: `http://${config.host}:${info.port}`, db: config.dbUrl ? 'postgres' : config.dbFile }, 'Shouwang is serving');
});

const shutdown = () => {
  server.close();
  void db.close().then(() => process.exit(0));
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);

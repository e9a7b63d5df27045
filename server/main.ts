// Start-up: config → database (verified) → migrations → demo seed when empty → web build → serve.
import { serve } from '@hono/node-server';
import { relative, resolve } from 'node:path';
import pino from 'pino';
import { generateDemo } from '../geodata/generate.ts';
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
if (config.serveWeb && config.buildWeb) buildWebIfStale(root, log);

const app = createApp({
  db,
  bodyLimitBytes: config.bodyLimitBytes,
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

// A test app over a fresh database of one dialect, loaded with the tiny district.
import { createApp } from '../../server/app.ts';
import type { Db } from '../../server/db/database.ts';
import { loadRows } from '../../server/db/seed.ts';
import { tinyDistrict } from '../fixtures/tiny-district.ts';
import type { TestDialect } from './dialects.ts';

export const FIXED_NOW = new Date('2022-06-12T04:00:00.000Z');

export async function testApp(dialect: TestDialect, opts: { bodyLimitBytes?: number } = {}) {
  const db: Db = await dialect.open();
  await loadRows(db, tinyDistrict());
  const silent = { error: () => {} };
  const app = createApp({ db, bodyLimitBytes: opts.bodyLimitBytes ?? 1_048_576, now: () => FIXED_NOW, log: silent });
  const json = (path: string, method = 'GET', body?: unknown) =>
    app.request(path, { method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { db, app, json, close: () => db.close() };
}

// The scanner behind the run-wide PII check (reliability.md P1; the check itself runs in the
// global teardown, tests/support/global-setup.ts): it must catch a deliberate leak, name the
// route, spare the reveal route, and not cry wolf over hashes, tokens and coordinates.
import { Hono } from 'hono';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { idCheckChar } from '../../domain/people/id-number.ts';
import { testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { assertClean, findPii, recordApp, scanDir, scanRecords } from '../support/pii-scan.ts';

const ID = ((b: string) => b + idCheckChar(b))('13040619800101123');
/** An ID number whose check character is X, written in lower case. */
const LOWER_X = (() => { for (let i = 100; ; i++) if (idCheckChar(`13040619800101${i}`) === 'X') return `13040619800101${i}x`; })();
const rec = (path: string, body: string, method = 'GET') => ({ method, path, status: 200, body });

describe('the PII scanner', () => {
  it('finds a clear ID number (valid check character) and a mobile number', () => {
    expect(findPii(`{"idNumber":"${ID}","phone":"13800001001"}`)).toEqual([
      { kind: 'idNumber', value: ID }, { kind: 'phone', value: '13800001001' }]);
    expect(findPii(`"${LOWER_X}"`)).toEqual([{ kind: 'idNumber', value: LOWER_X }]);
    expect(findPii('联系电话13912345678。')).toEqual([{ kind: 'phone', value: '13912345678' }]);
  });

  it('ignores masked values, wrong check characters, longer digit runs, hashes, coordinates and fractions', () => {
    const wrongCheck = ID.slice(0, 17) + (ID[17] === '0' ? '1' : '0');
    expect(findPii([
      '130***********1234', '138****1001', '张*', wrongCheck, '138000010012', '2138000010012', '1654999999999',
      '36.13800001001', 'a3f913800001001b', 'cursor aWQ6MTM4MDAwMDEwMDE', '12800001001', '{"id":13800001}',
      '{"p":0.005052619572457728}', // a p-value the scan sent, whose fraction has a valid check character
    ].join(' '))).toEqual([]);
  });

  it('spares only the reveal route and names the route of every hit', () => {
    const r = scanRecords([
      rec('/api/v1/persons/2/reveal', `{"phone":"13800001002","idNumber":"${ID}"}`, 'POST'),
      rec('/api/v1/persons/2/reveal', '{"phone":"13800001002"}'), // a GET there is not the reveal action
      rec('/api/v1/cases?limit=5', '{"items":[{"phone":"138****1002"}]}'),
    ]);
    expect(r).toMatchObject({ scanned: 2, exempt: 1, hits: [{ route: 'GET /api/v1/persons/2/reveal', kind: 'phone' }] });
    expect(() => assertClean(r)).toThrow(/GET \/api\/v1\/persons\/2\/reveal \(200\): phone 13800001002/);
  });
});

describe('the recorder', () => {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-pii-selftest-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('catches a deliberate leak from an app, gzip-compressed or not, and names the route', async () => {
    const leaky = recordApp(new Hono()
      .get('/api/v1/leak', (c) => c.json({ idNumber: ID }))
      .get('/api/v1/zipped', async () => new Response(new Blob(['{"phone":"15912345678"}']).stream().pipeThrough(new CompressionStream('gzip')),
        { headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' } }))
      .post('/api/v1/persons/:id/reveal', (c) => c.json({ idNumber: ID })), dir);
    expect((await (await leaky.request('/api/v1/leak')).json()).idNumber).toBe(ID); // the test still reads the body
    await leaky.request('/api/v1/zipped');
    await leaky.request('/api/v1/persons/7/reveal', { method: 'POST' });
    const r = scanDir(dir);
    expect(r.scanned).toBe(2);
    expect(r.exempt).toBe(1);
    expect(r.hits.map((h) => `${h.route} ${h.kind}`)).toEqual(['GET /api/v1/leak idNumber', 'GET /api/v1/zipped phone']);
    expect(() => assertClean(r)).toThrow(/GET \/api\/v1\/leak/);
  });

  it.each(DIALECTS)('records every answer of the shared test app into this run\'s scan ($name)', async (dialect) => {
    const runDir = inject('piiDir');
    const mine = join(runDir, `${process.pid}-${threadId}.jsonl`); // this worker's file (others write their own)
    const read = () => { try { return readFileSync(mine, 'utf8'); } catch { return ''; } };
    const lines = () => read().split('\n').filter(Boolean).length;
    const t = await testApp(dialect);
    try {
      const before = lines();
      await t.json('/api/v1/health');
      await t.as('officer')('/api/v1/cases/1');
      expect(lines() - before).toBe(3); // health, the sign-in, the case
      expect(read()).toContain('"path":"/api/v1/cases/1"');
    } finally {
      await t.close();
    }
  });
});

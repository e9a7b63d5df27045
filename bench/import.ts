// Import of 10,000 case rows (issue 5 item 8; target ≥ 2,000 rows/s) through the real app on a
// copy of a freshly seeded demo database, once as CSV (UTF-8) and once as XLSX: POST /imports
// (upload: sniff, zip guard, parse, staging), PUT /imports/{id}/mapping (validation of every row,
// duplicate checks, geocoding of the noisy addresses), POST /imports/{id}/commit in mode partial
// (ok rows: each person with their planned loop, in one transaction; rows left for review are
// reported, not resolved — that is an operator's work, not the machine's). Rows are made from the
// demo's address points (seeded) with bench/address-noise.ts, the geocoding bench's own noise;
// IDs, phones and names are synthetic and valid. The gazetteer is built (and timed) before the
// upload: the server builds it once per database and every later import reuses it. Peer:
// papaparse alone parsing the same CSV — the floor any CSV import pays; none for XLSX or geocoding.
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressParts } from '../domain/address/types.ts';
import { idCheckChar } from '../domain/people/id-number.ts';
import { generateDemo } from '../geodata/generate.ts';
import { rng } from '../geodata/prng.ts';
import { createApp } from '../server/app.ts';
import { hashPassword } from '../server/auth/passwords.ts';
import { openDatabase } from '../server/db/database.ts';
import { gazetteerFor } from '../server/db/gazetteer-source.ts';
import { migrateToLatest } from '../server/db/migrations/index.ts';
import { loadRows } from '../server/db/seed.ts';
import { insertUser } from '../server/db/users.ts';
import { noisyAddress } from './address-noise.ts';
import type { Row } from './harness.ts';

const ROWS = 10_000;
const SEED = 20220607;
const NOW = new Date('2022-06-12T04:00:00.000Z');
const HEADER = ['姓名', '身份证号', '手机', '性别', '年龄', '现住址', '人员类别', '发病日期', '报告日期'];
const SURNAMES = [...'王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'];
const GIVEN = [...'伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华'];

function sheetRows(points: { id: number; building_id: number | null; parts: string }[]): string[][] {
  const r = rng(SEED, 'bench-import');
  const out: string[][] = [];
  for (let i = 0; i < ROWS; i++) {
    const p = r.pick(points);
    const address = noisyAddress(r, { id: p.id, buildingId: p.building_id, parts: JSON.parse(p.parts) as AddressParts }).text;
    const birth = `19${String(50 + (i % 50)).padStart(2, '0')}${String(1 + (i % 12)).padStart(2, '0')}${String(1 + (i % 28)).padStart(2, '0')}`;
    const first17 = `130406${birth}${String(500 + Math.floor(i / 500)).padStart(3, '0')}`; // region, birth, a sequence no demo person uses
    out.push([r.pick(SURNAMES) + r.pick(GIVEN) + (r.chance(0.5) ? r.pick(GIVEN) : ''), first17 + idCheckChar(first17), `137${String(i).padStart(8, '0')}`,
      r.chance(0.5) ? '男' : '女', String(r.int(1, 90)), address, r.pick(['确诊', '无症状', '疑似']), `2022/6/${r.int(1, 10)}`, `2022年6月${r.int(5, 11)}日`]);
  }
  return out;
}

const csvOf = (rows: string[][]) => [HEADER, ...rows].map((r) => r.join(',')).join('\n');
async function xlsxOf(rows: string[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('病例');
  ws.addRow(HEADER);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function runOnce(dbFile: string, file: Blob, filename: string) {
  const db = openDatabase({ file: dbFile });
  const app = createApp({ db, bodyLimitBytes: 1_048_576, importMaxBytes: 50 * 1024 * 1024, now: () => NOW, session: { idleMinutes: 30, absoluteHours: 12 } });
  try {
    await insertUser(db, { username: 'bench', displayName: 'bench', role: 'caseOfficer', teamId: null, passwordHash: await hashPassword('bench-password-123') }, NOW.toISOString());
    const login = await app.request('/api/v1/session', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: 'bench-password-123' }) });
    const headers = { cookie: (login.headers.get('set-cookie') ?? '').split(';')[0], 'x-csrf-token': ((await login.json()) as { csrfToken: string }).csrfToken };
    const call = async (path: string, method: string, body: BodyInit, type: string) => {
      const res = await app.request(`/api/v1${path}`, { method, body, headers: { ...headers, 'content-type': type } });
      if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.json() as Promise<Record<string, never>>;
    };
    // The district's gazetteer is built once per database (server/db/gazetteer-source.ts) and then
    // serves every import: timed on its own row, not charged to this sheet.
    const g0 = performance.now();
    await gazetteerFor(db);
    const gazetteer = performance.now() - g0;
    const t0 = performance.now();
    const imp = await call(`/imports?kind=cases&source=bench&filename=${filename}`, 'POST', file, file.type);
    const t1 = performance.now();
    const checked = await call(`/imports/${imp.id}/mapping`, 'PUT', JSON.stringify({ mapping: imp.suggestedMapping }), 'application/json');
    const t2 = performance.now();
    const { report } = await call(`/imports/${imp.id}/commit`, 'POST', JSON.stringify({ mode: 'partial' }), 'application/json');
    const t3 = performance.now();
    return { gazetteer, upload: t1 - t0, mapping: t2 - t1, commit: t3 - t2, counts: checked.counts as Record<string, number>, committed: (report as { committed: number }).committed };
  } finally {
    await db.close();
  }
}

const rate = (rows: number, ms: number) => `${Math.round(rows / (ms / 1000)).toLocaleString('en')} rows/s`;

export async function benchImport(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'shouwang-bench-import-'));
  try {
    const demo = join(dir, 'demo.sqlite');
    const db = openDatabase({ file: demo });
    await migrateToLatest(db.kysely as never);
    await loadRows(db, generateDemo({ seed: SEED, scale: 'demo' }));
    const points = await db.kysely.selectFrom('address_points').select(['id', 'building_id', 'parts']).orderBy('id').execute();
    await db.close();
    const rows = sheetRows(points);
    const csv = csvOf(rows);
    const p0 = performance.now();
    Papa.parse(csv, { header: false });
    const papa = performance.now() - p0;
    const files: [string, Blob, string][] = [['CSV', new Blob([csv], { type: 'text/csv' }), 'bench.csv'],
      ['XLSX', new Blob([new Uint8Array(await xlsxOf(rows))], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'bench.xlsx']];
    const out: Row[] = [];
    for (const [what, file, name] of files) {
      const copy = join(dir, `${what}.sqlite`);
      copyFileSync(demo, copy);
      const r = await runOnce(copy, file, name);
      const total = r.upload + r.mapping + r.commit;
      const c = r.counts;
      const label = `import ${ROWS.toLocaleString('en')} cases, ${what} (${(file.size / 1048576).toFixed(1)} MB; ok ${c.ok}, review ${c.review}, error ${c.error}; ${r.committed} committed)`;
      out.push(
        { figure: `gazetteer build for the ${what} run (once per database, before the import)`, ours: `${(r.gazetteer / 1000).toFixed(1)} s`, target: '', peer: '', peerValue: '', ratio: '' },
        { figure: `${label}: upload`, ours: rate(ROWS, r.upload), target: '', peer: what === 'CSV' ? 'papaparse parse only' : '', peerValue: what === 'CSV' ? rate(ROWS, papa) : '', ratio: '' },
        { figure: `${label}: mapping (validate + geocode)`, ours: rate(ROWS, r.mapping), target: '', peer: '', peerValue: '', ratio: '' },
        { figure: `${label}: commit (persons + loops)`, ours: rate(r.committed, r.commit), target: '', peer: '', peerValue: '', ratio: '' },
        { figure: `${label}: overall`, ours: `${rate(ROWS, total)} (${(total / 1000).toFixed(1)} s)`, target: '≥ 2,000 rows/s', peer: '', peerValue: '', ratio: '' },
      );
    }
    return out;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { printTable } = await import('./harness.ts');
  printTable(await benchImport());
}

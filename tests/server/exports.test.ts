// Exports of the registry and the board (issue 5 item 6): XLSX parsed back with exceljs and CSV
// read as text — masked per role, no clear ID or phone, formula-looking text stays text, a
// version mark, a safe file name, an audit entry; only the commander and case officers export.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPii } from '../support/pii-scan.ts';
import { DIALECTS } from '../support/dialects.ts';
import { idRanges } from '../../server/routes/exports.ts';
import { testApp } from '../support/app.ts';
import { idNo } from '../fixtures/imports/files.ts';

const FORMULA_ID = idNo('19700101', '777');

async function readXlsx(res: Response): Promise<{ wb: ExcelJS.Workbook; rows: unknown[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(await res.arrayBuffer());
  const rows: unknown[][] = [];
  wb.worksheets[0].eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return { wb, rows };
}

describe.each(DIALECTS)('exports on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let formulaPerson: number;
  beforeAll(async () => {
    t = await testApp(dialect);
    const res = await t.as('officer')('/api/v1/cases', 'POST', { category: 'confirmed', name: '=1+1', idNumber: FORMULA_ID, phone: '13912347777',
      sex: 'female', age: 33, homeAddress: '=HYPERLINK("http://evil","点我")', geometry: { type: 'Point', coordinates: [114.13, 36.43] } });
    formulaPerson = (await res.json()).id;
  });
  afterAll(async () => { await t.close(); });

  it('writes the registry as XLSX: masked values, formula-looking text as string cells, a version mark', async () => {
    const res = await t.as('officer')('/api/v1/exports/registry?format=xlsx');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="shouwang-registry-20220612.xlsx"');
    const { wb, rows } = await readXlsx(res);
    expect(wb.subject).toBe('shouwang-export v1');
    const header = rows[0] as string[];
    expect(header.slice(0, 6)).toEqual(['编号 id', '类别 category', '状态 status', '姓名 name', '身份证号 ID number', '手机 phone']);
    const byId = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byId.get(1)!.slice(3, 6)).toEqual(['王**', `130406**********${idNo('19800101', '101').slice(-2)}`, '138****1001']);
    const f = byId.get(formulaPerson)!;
    expect(f[3]).toBe('=***'); // the masked name still starts with '=': it must stay text
    const cell = wb.worksheets[0].getRow(rows.findIndex((r) => r[0] === formulaPerson) + 1).getCell(4);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.formula).toBeUndefined();
    const text = rows.flat().map(String).join('\n');
    expect(findPii(text)).toEqual([]);
    expect(text).not.toContain('王小明');
  });

  it('writes the registry as CSV with BOM, version row, quoted formulas and the filters applied', async () => {
    const res = await t.as('commander')('/api/v1/exports/registry?format=csv&category=confirmed');
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(findPii(text)).toEqual([]);
    const rows = Papa.parse<string[]>(text.trim()).data; // TextDecoder drops the BOM;
    expect(rows[0].slice(0, 1)).toEqual(['shouwang-export v1']);
    const f = rows.find((r) => r[0] === String(formulaPerson))!;
    expect(f[3]).toBe("'=***");
    expect(rows.slice(2).every((r) => r[1] === 'confirmed')).toBe(true);
    expect(rows.slice(2).map((r) => r[0])).toEqual(expect.arrayContaining(['1', '3', String(formulaPerson)]));
    expect(rows.slice(2).map((r) => r[0])).not.toContain('2'); // asymptomatic
  });

  it('writes the board as XLSX and CSV, and audits every export with its filters and count (no people)', async () => {
    const x = await t.as('officer')('/api/v1/exports/board');
    expect(x.headers.get('content-disposition')).toMatch(/shouwang-board-20220612\.xlsx/);
    const { rows } = await readXlsx(x);
    expect(rows[0]).toContain('当前环节 step');
    expect(rows.length).toBeGreaterThan(1);
    expect(findPii(rows.flat().map(String).join('\n'))).toEqual([]);
    const c = await t.as('commander')('/api/v1/exports/board?format=csv&overdueOnly=true');
    expect(c.status).toBe(200);
    const entries = await t.db.kysely.selectFrom('audit_entries').selectAll().where('action', '=', 'export').orderBy('id').execute();
    expect(entries.map((e) => [e.actor, e.route])).toEqual([['officer', 'GET /exports/registry'], ['commander', 'GET /exports/registry'],
      ['officer', 'GET /exports/board'], ['commander', 'GET /exports/board']]);
    expect(JSON.parse(entries[1].after!)).toMatchObject({ format: 'csv', filters: { category: ['confirmed'] }, count: expect.any(Number) });
    expect(entries.map((e) => e.after).join()).not.toMatch(/王|=\*\*\*|138/);
    // review M4: the entry says whose records left (ids, consecutive runs as [first, last])
    const spread = (ids: (number | [number, number])[]) => ids.flatMap((x) => (typeof x === 'number' ? [x] : Array.from({ length: x[1] - x[0] + 1 }, (_, k) => x[0] + k)));
    const registryIds = spread(JSON.parse(entries[1].after!).ids);
    expect(registryIds).toEqual(expect.arrayContaining([1, 3]));
    expect(registryIds).not.toContain(2);
    expect(registryIds).toHaveLength(JSON.parse(entries[1].after!).count);
    expect(spread(JSON.parse(entries[2].after!).ids)).toHaveLength(JSON.parse(entries[2].after!).count);
    expect(idRanges([7, 1, 2, 3, 5, 9, 8, 3])).toEqual([[1, 3], 5, [7, 9]]);
  });

  it('names the file after the Asia/Shanghai day (review L2)', async () => {
    const late = await testApp(dialect, { now: () => new Date('2022-06-12T23:30:00.000Z') }); // 07:30 on 06-13 in Shanghai
    try {
      const res = await late.as('officer')('/api/v1/exports/registry?format=csv');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="shouwang-registry-20220613.csv"');
    } finally { await late.close(); }
  });

  it('is refused to every other role, and checks its query', async () => {
    for (const user of ['admin', 'planner', 'wall', 'fieldA'] as const) {
      for (const path of ['/api/v1/exports/registry', '/api/v1/exports/board']) expect([user, path, (await t.as(user)(path)).status]).toEqual([user, path, 403]);
    }
    expect((await t.json('/api/v1/exports/registry')).status).toBe(401);
    expect((await t.as('officer')('/api/v1/exports/registry?format=pdf')).status).toBe(400);
    expect((await t.as('officer')('/api/v1/exports/registry?sort=name')).status).toBe(400);
  });
});

// The importer's upload edge (issue 5 item 5; reliability.md §7.3 B6): what a file is, is read
// from its bytes; CSV in UTF-8 (with or without BOM) or GBK, XLSX with dates and formulas (kept
// as text, flagged, never evaluated); and files that are not what they claim, zip bombs, NUL
// bytes, empty files, too many rows and oversize bodies are refused without storing anything.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deflateRawSync } from 'node:zlib';
import { DIALECTS } from '../support/dialects.ts';
import { testApp } from '../support/app.ts';
import { blob, CSV, deflatedZeros, gbk, idNo, xlsx, XLSX, xlsxShell, zip } from '../fixtures/imports/files.ts';

const HEADER = '姓名,身份证号,手机,性别,年龄,现住址,类别,发病日期';
const ID1 = idNo('19900512', '123'), ID2 = idNo('19850301', '456');
const CSV_TEXT = `${HEADER}\n张三,${ID1},13912345678,男,35,河北省邯郸市峰峰矿区大社镇南头村5组12号,确诊,2022/6/5\n李四,${ID2},13987654321,女,28,南头村6组3号,无症状,2022年6月6日\n`;
const MAX = 400_000;

describe.each(DIALECTS)('import uploads on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  beforeAll(async () => { t = await testApp(dialect, { importMaxBytes: MAX }); });
  afterAll(async () => { await t.close(); });

  const upload = (body: Blob, filename = 'list.csv', source = '疾控流调组') =>
    t.as('officer')(`/api/v1/imports?kind=cases&source=${encodeURIComponent(source)}&filename=${encodeURIComponent(filename)}`, 'POST', body);
  const imports = async () => Number((await t.db.kysely.selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

  it('reads a UTF-8 CSV with a BOM and suggests the mapping; nothing personal comes back', async () => {
    const res = await upload(blob(`\uFEFF${CSV_TEXT}`, CSV));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({ kind: 'cases', format: 'csv-utf8', rows: 2, formulaCells: 0, needsCrs: false, savedMapping: null,
      header: HEADER.split(','), suggestedMapping: { name: '姓名', idNumber: '身份证号', phone: '手机', homeAddress: '现住址', onsetDate: '发病日期' } });
    expect(JSON.stringify(body)).not.toMatch(/张三|13912345678/);
    expect(res.headers.get('location')).toBe(`/api/v1/imports/${body.id}`);
  });

  it('reads a GBK CSV (Excel on Chinese Windows) and a BOM-less UTF-8 one alike', async () => {
    const a = await (await upload(blob(gbk(CSV_TEXT), CSV))).json();
    const b = await (await upload(blob(CSV_TEXT, 'application/octet-stream'), 'list.txt')).json();
    expect([a.format, b.format]).toEqual(['csv-gbk', 'csv-utf8']);
    expect(a.header).toEqual(b.header);
    const m = await t.as('officer')(`/api/v1/imports/${a.id}/mapping`, 'PUT', { mapping: a.suggestedMapping });
    expect(m.status, await m.clone().text()).toBe(200);
    const rows = await (await t.as('officer')(`/api/v1/imports/${a.id}/rows`)).json();
    expect(rows.items.map((r: { values: { name: string } }) => r.values.name)).toEqual(['张*', '李*']);
  });

  it('reads an XLSX: Date cells as days, formula cells as their text, flagged and never evaluated', async () => {
    const file = await xlsx([HEADER.split(','),
      ['张三', ID1, 13912345678, '男', { formula: '30+5', result: 35 }, '南头村5组12号', '确诊', new Date(Date.UTC(2022, 5, 5))],
      ['李四', ID2, '13987654321', '女', 28, '南头村6组3号', '疑似', new Date(Date.UTC(2022, 5, 6))]]);
    const res = await upload(blob(file, XLSX), 'list.xlsx');
    expect(res.status).toBe(201);
    const imp = await res.json();
    expect(imp).toMatchObject({ format: 'xlsx', rows: 2, formulaCells: 1 });
    await t.as('officer')(`/api/v1/imports/${imp.id}/mapping`, 'PUT', { mapping: imp.suggestedMapping });
    const rows = (await (await t.as('officer')(`/api/v1/imports/${imp.id}/rows`)).json()).items;
    expect(rows[0]).toMatchObject({ rowNo: 2, status: 'error', formulaFields: ['age'], values: { onsetDate: '2022-06-05', phone: '139****5678' } });
    expect(rows[0].errors).toEqual([{ field: 'age', code: 'formula_cell', message: expect.objectContaining({ en: 'The age is a formula cell; enter the value itself' }) }]);
    expect(rows[0].values.age).toBeUndefined(); // not 35: the cached result is never taken
    expect(rows[1]).toMatchObject({ status: 'ok', values: { onsetDate: '2022-06-06', age: 28, category: 'suspected' } });
  });

  it('refuses files that are not what they claim, or not a sheet at all, with 422 and stores nothing', async () => {
    const before = await imports();
    const good = await xlsx([HEADER.split(','), ['张三', ID1, '13912345678', '男', 35, '南头村', '确诊', '']]);
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    const cases: [string, Blob, string, string][] = [
      ['a PNG renamed .csv', blob(png, CSV), 'photo.csv', 'unsupported_file'],
      ['a PNG sent as octet-stream', blob(png, 'application/octet-stream'), 'photo.png', 'unsupported_file'],
      ['a CSV with NUL bytes', blob(`${HEADER}\n张三\0,1\n`, CSV), 'a.csv', 'unsupported_file'],
      ['UTF-16 text', blob(Buffer.from(`\uFEFF${CSV_TEXT}`, 'utf16le'), CSV), 'a.csv', 'unsupported_file'],
      ['an empty file', blob('', CSV), 'a.csv', 'unsupported_file'],
      ['blank lines only', blob('\n\n  \n', CSV), 'a.csv', 'unsupported_file'],
      ['a CSV called .xlsx', blob(CSV_TEXT, XLSX), 'list.xlsx', 'unsupported_file'],
      ['an XLSX called .csv', blob(good, CSV), 'list.csv', 'unsupported_file'],
      ['a truncated XLSX', blob(good.subarray(0, Math.floor(good.length / 2)), XLSX), 'cut.xlsx', 'unsupported_file'],
      ['an old .xls', blob(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'application/octet-stream'), 'old.xls', 'unsupported_file'],
      ['neither UTF-8 nor GBK', blob(Buffer.from([0x41, 0x2c, 0x81, 0x20, 0x0a]), CSV), 'a.csv', 'unsupported_file'],
    ];
    for (const [what, body, filename, code] of cases) {
      const res = await upload(body, filename);
      expect([what, res.status, (await res.json()).code]).toEqual([what, 422, code]);
    }
    expect(await imports()).toBe(before);
  });

  it('refuses zip bombs before exceljs sees them: declared ratio, lying sizes, entry count (archive_too_large)', async () => {
    const zeros = await deflatedZeros(200); // 200 MB of zeros → ~200 KB
    expect(zeros.length).toBeLessThan(MAX);
    const honest = zip([...xlsxShell(), { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: 200 * 1024 * 1024 }]);
    const liar = zip([...xlsxShell(), { name: 'xl/worksheets/sheet1.xml', data: zeros, declaredSize: zeros.length * 2 }]);
    const tiny = deflateRawSync(Buffer.from('x'));
    const many = zip([...xlsxShell(), ...Array.from({ length: 1001 }, (_, i) => ({ name: `xl/media/${i}.bin`, data: tiny, declaredSize: 1 }))]);
    for (const [what, file] of [['honest bomb', honest], ['lying bomb', liar], ['1,003 entries', many]] as const) {
      const res = await upload(blob(file, XLSX), 'bomb.xlsx');
      const body = await res.json();
      expect([what, res.status, body.code]).toEqual([what, 422, 'archive_too_large']);
    }
  });

  it('caps the upload body (413 before reading) and the rows (too_many_rows); other routes keep the JSON rules', async () => {
    const big = await upload(blob('x'.repeat(MAX + 1), CSV));
    expect([big.status, (await big.json()).code]).toEqual([413, 'payload_too_large']);
    const rows = await upload(blob(`a\n${'1\n'.repeat(50_001)}`, CSV));
    expect([rows.status, (await rows.json()).code]).toEqual([422, 'too_many_rows']);
    const json = await t.as('officer')('/api/v1/imports?kind=cases&source=x&filename=a.csv', 'POST', { rows: [] });
    expect([json.status, (await json.json()).code]).toEqual([415, 'unsupported_media_type']);
    const csvElsewhere = await t.as('officer')('/api/v1/cases', 'POST', blob(CSV_TEXT, CSV));
    expect(csvElsewhere.status).toBe(415);
    const noQuery = await t.as('officer')('/api/v1/imports', 'POST', blob(CSV_TEXT, CSV));
    expect([noQuery.status, (await noQuery.json()).code]).toEqual([400, 'invalid_query']);
  });

  it('keeps the CSRF and session rules for uploads', async () => {
    const { cookie } = await t.signIn('officer');
    const res = await t.app.request('/api/v1/imports?kind=cases&source=x&filename=a.csv', { method: 'POST', body: CSV_TEXT, headers: { 'content-type': CSV, cookie } });
    expect([res.status, (await res.json()).code]).toEqual([403, 'csrf_failed']);
    const anon = await t.json('/api/v1/imports?kind=cases&source=x&filename=a.csv', 'POST', blob(CSV_TEXT, CSV));
    expect(anon.status).toBe(401);
  });
});

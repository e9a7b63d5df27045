// The import wizard's store against a fake API: the file goes up raw with its content type, the
// saved mapping and CRS are taken over, the check PUTs the mapping (with the CRS only when lng/lat
// are mapped) and reads the error and review rows, review rows are placed on a candidate, on a
// clicked point or skipped one after another, and the commit sends its mode and keeps the report.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { ApiError } from '../../web/api.ts';
import { useImports } from '../../web/stores/imports.ts';
import { fakeFetch, json, row, summary, upload, type RawCall } from './import-fixtures.ts';

let calls: RawCall[];
let resolved: Set<number>;
const rows = [row(2, 'ok'), row(3, 'review'), row(4, 'error', { errors: [{ field: 'idNumber', code: 'invalid_id_number',
  message: { 'zh-CN': '身份证号不是有效的18位身份证号', en: 'The ID number is not valid' } }] }), row(5, 'review')];
const file = () => new File(['x'], '名单.xlsx', { type: '' });

beforeEach(() => {
  resolved = new Set();
  calls = fakeFetch((call) => {
    if (call.method === 'POST' && call.url.startsWith('/api/v1/imports?')) {
      return json(upload({ savedMapping: { mapping: { name: '姓名', lng: '经度', lat: '纬度' }, crs: 'GCJ02' }, needsCrs: true }), 201);
    }
    if (call.method === 'PUT' && call.url.endsWith('/mapping')) return json(summary());
    if (call.url.startsWith('/api/v1/imports/7/rows?')) {
      const page2 = call.url.includes('cursor=');
      return json({ items: rows.filter((r) => r.status !== 'ok').filter((r) => (page2 ? r.rowNo === 5 : r.rowNo !== 5)), next: page2 ? null : 'c1' });
    }
    const put = /\/rows\/(\d+)$/.exec(call.url);
    if (call.method === 'PUT' && put) {
      const n = Number(put[1]);
      resolved.add(n);
      const how = call.body as Record<string, unknown>;
      return json(row(n, how.skip ? 'skipped' : 'resolved', { chosen: how.skip ? null : { point: [114.2, 36.42], label: null, how: 'map' } }));
    }
    if (call.url === '/api/v1/imports/7') return json(summary({ review: 2 - resolved.size, resolved: resolved.size }));
    if (call.url.endsWith('/commit')) {
      return json({ id: 7, status: 'committed', report: { mode: 'partial', committed: 3, skipped: 0, error: 1, review: 0,
        rows: [{ rowNo: 4, outcome: 'error', personId: null, codes: ['invalid_id_number'] }] } });
    }
    return json({}, 404);
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('import store', () => {
  it('uploads the file as the raw body with its content type and takes over the saved mapping and CRS', async () => {
    const s = useImports();
    s.kind = 'cases';
    s.source = ' 市疾控 ';
    expect(await s.sendFile(file())).toBe(true);
    const up = calls[0];
    expect(up.url).toBe(`/api/v1/imports?kind=cases&source=${encodeURIComponent('市疾控')}&filename=${encodeURIComponent('名单.xlsx')}`);
    expect(up.body).toBeInstanceOf(File);
    expect(up.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(s.step).toBe('mapping');
    expect(s.mapping).toEqual({ name: '姓名', lng: '经度', lat: '纬度' });
    expect(s.crs).toBe('GCJ02');
    expect(s.needsCrs).toBe(true);
    expect(s.filename).toBe('名单.xlsx');
  });

  it('checks with the mapping (CRS only when coordinates are mapped) and reads every page of error and review rows', async () => {
    const s = useImports();
    s.source = '市疾控';
    await s.sendFile(file());
    const { lng: _lng, lat: _lat, ...withoutCoordinates } = s.mapping;
    s.mapping = withoutCoordinates;
    expect(await s.check()).toBe(true);
    const put = calls.find((c) => c.url.endsWith('/mapping'))!;
    expect(put.body).toEqual({ mapping: { name: '姓名' }, save: true });
    expect(calls.filter((c) => c.url.includes('/rows?status=error,review')).map((c) => c.url.includes('cursor=c1'))).toEqual([false, true]);
    expect(s.step).toBe('check');
    expect(s.errorRows.map((r) => r.rowNo)).toEqual([4]);
    expect(s.reviewRows.map((r) => r.rowNo)).toEqual([3, 5]);
    expect(s.selectedRowNo).toBe(3);
    expect(s.blocked).toEqual({ reason: 'errors', n: 1 });
  });

  it('places review rows one after another and skips the rest', async () => {
    const s = useImports();
    s.source = '市疾控';
    await s.sendFile(file());
    s.crs = 'WGS84';
    await s.check();
    expect(calls.find((c) => c.url.endsWith('/mapping'))!.body).toMatchObject({ crs: 'WGS84' });
    expect(await s.place(3, { point: [114.2, 36.42] })).toBe(true);
    expect(calls.at(-2)).toMatchObject({ method: 'PUT', url: '/api/v1/imports/7/rows/3', body: { point: [114.2, 36.42] } });
    expect(s.reviewRows.find((r) => r.rowNo === 3)?.status).toBe('resolved');
    expect(s.counts?.resolved).toBe(1);
    expect(s.selectedRowNo).toBe(5);
    await s.skipRest();
    expect(calls.filter((c) => c.method === 'PUT' && c.url.endsWith('/rows/5')).map((c) => c.body)).toEqual([{ skip: true }]);
    expect(s.openReviews).toEqual([]);
  });

  it('commits with the chosen mode and keeps the per-row report; a refusal stays on the step as an error', async () => {
    const s = useImports();
    s.source = '市疾控';
    await s.sendFile(file());
    await s.check();
    expect(await s.commit('partial')).toBe(true);
    expect(calls.at(-1)).toMatchObject({ method: 'POST', url: '/api/v1/imports/7/commit', body: { mode: 'partial' } });
    expect(s.report?.rows[0]).toMatchObject({ rowNo: 4, outcome: 'error' });
    expect(s.canOpen('mapping')).toBe(false);
    s.reset();
    expect(s.step).toBe('upload');
    vi.stubGlobal('fetch', async () => json({ type: 'about:blank', title: 'unsupported_file', status: 422, code: 'unsupported_file',
      message: { 'zh-CN': '不是可读取的表格文件', en: 'Not a sheet' } }, 422));
    expect(await s.sendFile(file())).toBe(false);
    expect(s.error).toBeInstanceOf(ApiError);
    expect((s.error as ApiError).code).toBe('unsupported_file');
    expect(s.step).toBe('upload');
  });
});

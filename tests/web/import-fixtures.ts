// Shared by the import tests: answers shaped like the import routes' (server/import/schemas.ts),
// and a fake fetch that keeps raw bodies (the upload is a file, not JSON).
import { vi } from 'vitest';
import type { ImportCounts, ImportRow, ImportSummary, UploadAnswer } from '../../web/stores/imports-model.ts';

export interface RawCall { method: string; url: string; headers: Record<string, string>; body: unknown }

export function fakeFetch(answer: (call: RawCall) => Response | Promise<Response>): RawCall[] {
  const calls: RawCall[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const raw = init.body;
    const call = { method: init.method ?? 'GET', url, headers: (init.headers ?? {}) as Record<string, string>,
      body: typeof raw === 'string' ? JSON.parse(raw) : raw };
    calls.push(call);
    return answer(call);
  });
  return calls;
}

export const json = (body: unknown, status = 200) => new Response(JSON.stringify(body),
  { status, headers: { 'content-type': status < 300 ? 'application/json' : 'application/problem+json' } });

export const upload = (over: Partial<UploadAnswer> = {}): UploadAnswer => ({
  id: 7, kind: 'cases', source: '市疾控', filename: 'cases.xlsx', format: 'xlsx', rows: 4, formulaCells: 0,
  header: ['姓名', '身份证号', '手机', '性别', '年龄', '类别', '住址', '经度', '纬度'],
  suggestedMapping: { name: '姓名', idNumber: '身份证号', phone: '手机', sex: '性别', age: '年龄', category: '类别', homeAddress: '住址' },
  savedMapping: null, needsCrs: false, ...over });

export const counts = (over: Partial<ImportCounts> = {}): ImportCounts =>
  ({ pending: 0, ok: 1, review: 2, error: 1, resolved: 0, committed: 0, skipped: 0, ...over });

export const summary = (c: Partial<ImportCounts> = {}): ImportSummary => ({ id: 7, kind: 'cases', source: '市疾控', filename: 'cases.xlsx',
  format: 'xlsx', status: 'checked', rows: 4, counts: counts(c), report: null });

export function row(rowNo: number, status: ImportRow['status'], over: Partial<ImportRow> = {}): ImportRow {
  return { rowNo, status, values: { name: '张*', homeAddress: '峰峰矿区临水镇****' }, errors: [], formulaFields: [],
    geocode: { level: 'compound', confidence: 0.6, point: [114.2, 36.42], label: '春晖苑', candidates: [
      { label: '春晖苑9号楼', level: 'building', confidence: 0.62, point: [114.2, 36.42] },
      { label: '春晖苑', level: 'compound', confidence: 0.5, point: [114.21, 36.43] }] },
    chosen: null, personId: null, ...over };
}

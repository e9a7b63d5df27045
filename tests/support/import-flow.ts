// The import flow as the server tests drive it (tests/server/imports*.test.ts): a cases sheet's
// header and rows with valid synthetic ID numbers, and upload → mapping → rows as the case officer.
import { expect } from 'vitest';
import { blob, CSV, idNo } from '../fixtures/imports/files.ts';
import type { Send, testApp } from './app.ts';

export const HEADER = '姓名,身份证号,手机,性别,年龄,现住址,类别,发病日期';
export const ID = (n: number) => idNo('19900512', String(100 + n));
export const row = (n: number, name: string, address: string, extra: Partial<{ id: string; phone: string; category: string }> = {}) =>
  `${name},${extra.id ?? ID(n)},${extra.phone ?? `139000000${String(n).padStart(2, '0')}`},男,${30 + n},${address},${extra.category ?? '确诊'},2022-06-0${1 + (n % 9)}`;
export const EXISTING = idNo('19800101', '102'); // tiny district person 2

export function importFlow(t: Awaited<ReturnType<typeof testApp>>, officer: Send) {
  const upload = async (text: string, opts: { kind?: string; source?: string } = {}) => {
    const res = await officer(`/api/v1/imports?kind=${opts.kind ?? 'cases'}&source=${encodeURIComponent(opts.source ?? '市疾控')}&filename=list.csv`, 'POST', blob(text, CSV));
    expect(res.status, await res.clone().text()).toBe(201);
    return res.json();
  };
  const map = async (id: number, body: unknown) => officer(`/api/v1/imports/${id}/mapping`, 'PUT', body);
  const rows = async (id: number, status = '') => (await (await officer(`/api/v1/imports/${id}/rows${status && `?status=${status}`}`)).json()).items;
  const persons = async (importId: number) => t.db.kysely.selectFrom('persons').selectAll().where('import_id', '=', importId).orderBy('id').execute();
  return { upload, map, rows, persons };
}

import { describe, expect, it } from 'vitest';
import { checkMapping } from '../../../domain/sheets/mapping.ts';
import { validateRow } from '../../../domain/sheets/validate-row.ts';
import { idNo } from '../../fixtures/imports/files.ts';

const header = ['姓名', '身份证号', '手机', '性别', '年龄', '现住址', '类别', '发病日期'];
const mapping = { name: '姓名', idNumber: '身份证号', phone: '手机', sex: '性别', age: '年龄', homeAddress: '现住址', category: '类别', onsetDate: '发病日期' };
const columns = (() => { const m = checkMapping('cases', header, mapping); if (!m.ok) throw new Error(m.reason); return m.columns; })();
const ID = idNo('19900512', '123');

describe('a row under a mapping', () => {
  it('becomes typed values', () => {
    const r = validateRow('cases', columns, ['张三', ID, '13912345678', '男', '35岁', '南头村5组12号', '确诊', '2022/6/5']);
    expect(r.errors).toEqual([]);
    expect(r.values).toEqual({ name: '张三', idNumber: ID, phone: '13912345678', sex: 'male', age: 35, homeAddress: '南头村5组12号', category: 'confirmed', onsetDate: '2022-06-05' });
  });

  it('names each bad field with a code and messages that never hold the value', () => {
    const badId = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    const r = validateRow('cases', columns, ['', badId, '1391234', '未知', '200', '', '密接', '2022-02-30']);
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([['name', 'required'], ['idNumber', 'invalid_id_number'], ['phone', 'invalid_phone'],
      ['sex', 'invalid_sex'], ['age', 'invalid_age'], ['onsetDate', 'invalid_date'], ['category', 'invalid_category'], ['homeAddress', 'required']]);
    expect(r.values).toEqual({});
    for (const e of r.errors) for (const m of Object.values(e.message)) expect(m).not.toContain(badId.slice(6, 14));
    expect(r.errors[1].message).toEqual({ 'zh-CN': '身份证号不是有效的18位身份证号（校验位不符）', en: 'The ID number is not a valid 18-character ID number (check character)' });
  });

  it('flags formula cells instead of reading them', () => {
    const r = validateRow('cases', columns, ['=A1', ID, '13912345678', '男', '=1+1', '南头村', '确诊', ''], [0, 4]);
    expect(r.formulaFields).toEqual(['name', 'age']);
    expect(r.errors.map((e) => e.code)).toEqual(['formula_cell', 'formula_cell']);
  });

  it('checks mappings: known fields, existing headers, required fields, a place for the person', () => {
    expect(checkMapping('cases', header, { ...mapping, caseIdNumber: '类别' })).toMatchObject({ ok: false, reason: expect.stringMatching(/not a field/) });
    expect(checkMapping('cases', header, { ...mapping, name: '名字' })).toMatchObject({ ok: false, reason: expect.stringMatching(/no column/) });
    expect(checkMapping('cases', header, { ...mapping, onsetDate: '姓名' })).toMatchObject({ ok: false, reason: expect.stringMatching(/already mapped/) });
    const { phone: _, ...noPhone } = mapping;
    expect(checkMapping('cases', header, noPhone)).toMatchObject({ ok: false, reason: 'required fields not mapped: phone' });
    const { homeAddress: __, ...nowhere } = mapping;
    expect(checkMapping('cases', header, nowhere)).toMatchObject({ ok: false, reason: 'map homeAddress, or lng and lat' });
  });

  it('takes contacts with their index case and a default contact type', () => {
    const h = ['姓名', '身份证号', '手机', '性别', '年龄', '住址', '关联病例身份证号', '末次接触时间'];
    const m = checkMapping('contacts', h, { name: '姓名', idNumber: '身份证号', phone: '手机', sex: '性别', age: '年龄', homeAddress: '住址', caseIdNumber: '关联病例身份证号', lastExposureAt: '末次接触时间' });
    if (!m.ok) throw new Error(m.reason);
    const r = validateRow('contacts', m.columns, ['李四', ID, '13912345678', '女', '30', '南头村', idNo('19800101', '101'), '2022-06-04 18:00']);
    expect(r.errors).toEqual([]);
    expect(r.values).toMatchObject({ contactType: 'other', lastExposureAt: '2022-06-04T10:00:00.000Z' });
  });
});

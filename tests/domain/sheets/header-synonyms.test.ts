import { describe, expect, it } from 'vitest';
import { headerKey, suggestMapping } from '../../../domain/sheets/header-synonyms.ts';

describe('suggested column mapping from header synonyms', () => {
  it('maps a typical 流调 case list', () => {
    const header = ['序号', '姓名', '性别', '年龄', '身份证号码（必填）', '联系电话', '现住址', '人员类别', '发病日期', '采样日期', '报告日期', '备注'];
    expect(suggestMapping(header, 'cases')).toEqual({ name: '姓名', sex: '性别', age: '年龄', idNumber: '身份证号码（必填）', phone: '联系电话',
      homeAddress: '现住址', category: '人员类别', onsetDate: '发病日期', sampleDate: '采样日期', reportDate: '报告日期' });
  });

  it('tells the index case\'s ID number from the person\'s, and takes coordinates and contact columns', () => {
    const header = ['名字', '证件号码', '手机', '性别', '年龄', '居住地址', '关联病例身份证号', '接触方式', '末次接触时间', '经度', '纬度'];
    expect(suggestMapping(header, 'contacts')).toMatchObject({ name: '名字', idNumber: '证件号码', phone: '手机', caseIdNumber: '关联病例身份证号',
      contactType: '接触方式', lastExposureAt: '末次接触时间', homeAddress: '居住地址', lng: '经度', lat: '纬度' });
  });

  it('matches English headers exactly and Chinese ones inside longer headers, each column once', () => {
    expect(suggestMapping(['Name', 'ID Number', 'Mobile', 'Gender', 'Age', 'Home Address', 'Category', 'Longitude', 'Latitude'], 'cases'))
      .toEqual({ name: 'Name', idNumber: 'ID Number', phone: 'Mobile', sex: 'Gender', age: 'Age', homeAddress: 'Home Address', category: 'Category', lng: 'Longitude', lat: 'Latitude' });
    expect(suggestMapping(['联系人姓名', '姓名'], 'cases')).toEqual({ name: '姓名' });
    expect(suggestMapping(['surname', 'page', 'ID'], 'cases')).toEqual({});
    expect(headerKey(' 身份证号 (必填) *')).toBe('身份证号');
  });
});

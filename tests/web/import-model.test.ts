// The import wizard's pure rules: which mapping it starts from, when the coordinate system is
// asked, what is still missing, why "import all" is refused, and how review rows read.
import { describe, expect, it } from 'vitest';
import {
  addressOf, candidatesOf, chosenCandidate, commitBlock, committable, initialMapping, mapsCoordinates, missingFields, uploadType, uploadUrl,
} from '../../web/stores/imports-model.ts';
import { confidencePct, pointText, rowDataText } from '../../web/components/cases/import-format.ts';
import { counts, row, upload } from './import-fixtures.ts';

describe('import mapping', () => {
  it('starts from the suggestion, keeping only known fields and headers the sheet has', () => {
    const m = initialMapping('cases', upload({ suggestedMapping: { name: '姓名', phone: '电话', bogus: '姓名', homeAddress: '住址' } }));
    expect(m).toEqual({ name: '姓名', homeAddress: '住址' });
  });

  it('prefers the mapping saved for the source over the suggestion', () => {
    const m = initialMapping('cases', upload({ savedMapping: { mapping: { name: '姓名', lng: '经度', lat: '纬度' }, crs: 'GCJ02' } }));
    expect(m).toEqual({ name: '姓名', lng: '经度', lat: '纬度' });
    expect(mapsCoordinates(m)).toBe(true);
    expect(mapsCoordinates({ lng: '经度' })).toBe(false);
  });

  it('names the required fields still unmapped, and the home when neither address nor lng+lat is mapped', () => {
    expect(missingFields('cases', {})).toEqual(['name', 'idNumber', 'phone', 'sex', 'age', 'category', 'home']);
    const all = initialMapping('cases', upload());
    expect(missingFields('cases', all)).toEqual([]);
    const { homeAddress: _, ...noHome } = all;
    expect(missingFields('cases', noHome)).toEqual(['home']);
    expect(missingFields('cases', { ...noHome, lng: '经度', lat: '纬度' })).toEqual([]);
    expect(missingFields('contacts', all)).toEqual(['caseIdNumber', 'lastExposureAt']);
  });
});

describe('import commit rules', () => {
  it('refuses all-or-nothing while errors, then reviews, remain', () => {
    expect(commitBlock(counts())).toEqual({ reason: 'errors', n: 1 });
    expect(commitBlock(counts({ error: 0 }))).toEqual({ reason: 'reviews', n: 2 });
    expect(commitBlock(counts({ error: 0, review: 0, resolved: 2 }))).toBeNull();
    expect(commitBlock(null)).toBeNull();
    expect(committable(counts({ ok: 190, resolved: 3 }))).toBe(193);
  });
});

describe('import upload', () => {
  it('declares the content type from the name (the server sniffs the bytes) and puts kind, source, filename in the query', () => {
    expect(uploadType({ name: 'a.XLSX', type: '' })).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(uploadType({ name: 'a.csv', type: 'application/vnd.ms-excel' })).toBe('text/csv');
    expect(uploadType({ name: 'a.bin', type: '' })).toBe('application/octet-stream');
    expect(uploadUrl('contacts', '市疾控 流调组', '名单 1.csv'))
      .toBe('/api/v1/imports?kind=contacts&source=%E5%B8%82%E7%96%BE%E6%8E%A7+%E6%B5%81%E8%B0%83%E7%BB%84&filename=%E5%90%8D%E5%8D%95+1.csv');
  });
});

describe('review rows', () => {
  it('reads the masked address, the candidates, and which candidate a resolved row took', () => {
    const r = row(3, 'review');
    expect(addressOf(r)).toBe('峰峰矿区临水镇****');
    expect(candidatesOf(r)).toHaveLength(2);
    expect(chosenCandidate(r)).toBeNull();
    const picked = row(3, 'resolved', { chosen: { point: [114.21, 36.43], label: '春晖苑', how: 'candidate' } });
    expect(chosenCandidate(picked)).toBe(1);
    expect(chosenCandidate(row(3, 'resolved', { chosen: { point: [114.3, 36.5], label: null, how: 'map' } }))).toBeNull();
    expect(candidatesOf(row(4, 'ok', { geocode: null }))).toEqual([]);
    expect(addressOf(row(4, 'ok', { values: null }))).toBeNull();
  });

  it('formats masked row data, confidence and clicked points', () => {
    expect(rowDataText({ name: '张*', phone: '138****1234', age: null }, (f) => ({ name: '姓名', phone: '手机号' }[f] ?? f)))
      .toBe('姓名 张* · 手机号 138****1234');
    expect(rowDataText({ sex: 'male', age: 5 }, (f) => f, (f, v) => (f === 'sex' ? '男' : v))).toBe('sex 男 · age 5');
    expect(rowDataText(null, (f) => f)).toBe('—');
    expect(confidencePct(0.634)).toBe(63);
    expect(confidencePct(1.2)).toBe(100);
    expect(pointText([114.2, 36.4212346])).toEqual({ lng: '114.200000', lat: '36.421235' });
  });
});

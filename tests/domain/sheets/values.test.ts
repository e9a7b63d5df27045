import { describe, expect, it } from 'vitest';
import { idCheckChar } from '../../../domain/people/id-number.ts';
import { parseAge, parseCategory, parseContactType, parseDate, parseDateTime, parseIdNumber, parsePhone, parseSex } from '../../../domain/sheets/values.ts';

const id = (() => { const b = '13040619900512123'; return b + idCheckChar(b); })();
const fullWidth = (s: string) => s.replace(/[0-9X]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));

describe('cell values as Chinese sheets write them', () => {
  it('reads ID numbers with full-width digits, a lower-case x, spaces or Excel\'s apostrophe; refuses a wrong check character', () => {
    expect(parseIdNumber(fullWidth(id))).toBe(id);
    expect(parseIdNumber(` '${id.slice(0, 6)} ${id.slice(6)} `)).toBe(id);
    const withX = (() => { for (let n = 100; n < 999; n++) { const b = `13040619900512${n}`; if (idCheckChar(b) === 'X') return `${b}x`; } return ''; })();
    expect(parseIdNumber(withX)).toBe(withX.toUpperCase());
    expect(parseIdNumber(id.slice(0, 17) + (id[17] === '1' ? '2' : '1'))).toBeNull();
    expect(parseIdNumber('130406900512123')).toBeNull(); // the old 15-digit form has no check character
  });

  it('reads mobile numbers with full-width digits, +86 and dashes', () => {
    expect(parsePhone('１３９１２３４５６７８')).toBe('13912345678');
    expect(parsePhone('+86 139-1234-5678')).toBe('13912345678');
    expect(parsePhone('0310-5123456')).toBeNull();
  });

  it('reads 男/女, ages with 岁, the six categories in Chinese and English, contact types', () => {
    expect([parseSex('男'), parseSex(' 女性 '), parseSex('F'), parseSex('未知')]).toEqual(['male', 'female', 'female', null]);
    expect([parseAge('35'), parseAge('35岁'), parseAge('３５'), parseAge('35.0'), parseAge('-1'), parseAge('131')]).toEqual([35, 35, 35, 35, null, null]);
    expect(['确诊', '无症状', '疑似', '密接', '次密接', '风险人员', 'closeContact', '阳性'].map(parseCategory))
      .toEqual(['confirmed', 'asymptomatic', 'suspected', 'closeContact', 'secondaryContact', 'atRiskTraveller', 'closeContact', null]);
    expect(['同住', '同事', '聚餐', '同乘公交', '就医', '其他', 'household', '???'].map(parseContactType))
      .toEqual(['household', 'work', 'social', 'transport', 'healthcare', 'other', 'household', null]);
  });

  it.each([
    ['2022-06-05', '2022-06-05'], ['2022/6/5', '2022-06-05'], ['2022.6.5', '2022-06-05'], ['2022年6月5日', '2022-06-05'],
    ['20220605', '2022-06-05'], ['２０２２年６月５日', '2022-06-05'], ['44717', '2022-06-05'], ['2022-06-05 14:30', '2022-06-05'],
    ['2022-02-30', null], ['2022-13-01', null], ['6/5/2022', null], ['昨天', null],
  ])('reads the date %s as %s', (text, want) => expect(parseDate(text)).toBe(want));

  it('reads times as Asia/Shanghai unless an offset is given', () => {
    expect(parseDateTime('2022-06-05 14:30')).toBe('2022-06-05T06:30:00.000Z');
    expect(parseDateTime('2022年6月5日 8时05分')).toBe('2022-06-05T00:05:00.000Z');
    expect(parseDateTime('2022/6/5')).toBe('2022-06-04T16:00:00.000Z');
    expect(parseDateTime('2022-06-05T14:30:00Z')).toBe('2022-06-05T14:30:00.000Z');
    expect(parseDateTime('44717.5')).toBe('2022-06-05T04:00:00.000Z'); // noon in the sheet = 04:00 UTC
    expect(parseDateTime('2022-06-05 25:00')).toBeNull();
    expect(parseDateTime('2022-06-05 下午')).toBeNull();
  });
});

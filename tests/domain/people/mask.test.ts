import { describe, expect, it } from 'vitest';
import { maskAddress, maskIdNumber, maskName, maskPhone } from '../../../domain/people/mask.ts';
import { idCheckChar, isValidIdNumber } from '../../../domain/people/id-number.ts';

describe('masking (the forms of issue 3)', () => {
  it('masks names, ID numbers, phones and door-level addresses', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('𠀀明')).toBe('𠀀*'); // Ext-B characters count as one
    expect(maskIdNumber('130406199001011234')).toBe('130406**********34');
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskAddress('河北省邯郸市峰峰矿区大社镇南头村5组12号')).toBe('河北省邯郸市峰峰矿区大社镇南头村***');
  });
});

describe('GB 11643 ID numbers', () => {
  it('computes the ISO 7064 MOD 11-2 check character', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
  });
});

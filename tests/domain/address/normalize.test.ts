import { describe, expect, it } from 'vitest';
import { normalizeAddress } from '../../../domain/address/normalize.ts';
import { chineseNumeral } from '../../../domain/address/numerals.ts';

describe('normalizeAddress (domain-rules §5.4 step 2)', () => {
  it('turns full-width characters into half-width ones and drops spaces and punctuation', () => {
    expect(normalizeAddress('峰景名邸１２号楼　３单元，４０１室')).toBe('峰景名邸12号楼3单元401室');
    expect(normalizeAddress(' 临水镇  团结社区 峰景名邸 ')).toBe('临水镇团结社区峰景名邸');
  });

  it('writes every building word as 号楼', () => {
    for (const b of ['12栋', '12幢', '12座', '12号楼', '12#', '12#楼', '12号栋']) {
      expect(normalizeAddress(`峰景名邸${b}3单元401室`)).toBe('峰景名邸12号楼3单元401室');
    }
    expect(normalizeAddress('峰景名邸A座')).toBe('峰景名邸A号楼');
  });

  it('reads the building-unit-room dash pattern', () => {
    expect(normalizeAddress('竹海水韵春风里12-3-1001')).toBe('竹海水韵春风里12号楼3单元1001室');
    expect(normalizeAddress('峰景名邸3－2－501')).toBe('峰景名邸3号楼2单元501室');
    expect(normalizeAddress('峰景名邸12#3-1001')).toBe('峰景名邸12号楼3单元1001室');
    expect(normalizeAddress('峰景名邸1-401')).toBe('峰景名邸1号楼401室');
    // A range of door numbers is not a building: it is found at its first door.
    expect(normalizeAddress('东风路3-5号')).toBe('东风路3号');
  });

  it('turns Chinese numerals before a unit into digits, and only there', () => {
    expect(normalizeAddress('北马庄村五组二十九号')).toBe('北马庄村5组29号');
    expect(normalizeAddress('峰景名邸十二号楼三单元五〇一室')).toBe('峰景名邸12号楼3单元501室');
    expect(normalizeAddress('团结路二巷15号')).toBe('团结路二巷15号');
    expect(normalizeAddress('三矿北工人村')).toBe('三矿北工人村');
  });

  it('completes a room written without 室 and reads 户, 楼 after a unit and 委员会', () => {
    expect(normalizeAddress('峰景名邸1号楼3单元401')).toBe('峰景名邸1号楼3单元401室');
    expect(normalizeAddress('峰景名邸1号楼3单元401户')).toBe('峰景名邸1号楼3单元401室');
    expect(normalizeAddress('峰景名邸1号楼3单元4楼')).toBe('峰景名邸1号楼3单元4层');
    expect(normalizeAddress('北马庄村民委员会')).toBe('北马庄村委会');
    expect(normalizeAddress('团结社区居民委员会')).toBe('团结社区居委会');
  });

  it('drops bracketed notes and trailing words that say where, not what', () => {
    expect(normalizeAddress('峰景名邸1号楼（门口）')).toBe('峰景名邸1号楼');
    expect(normalizeAddress('北马庄村5组29号附近')).toBe('北马庄村5组29号');
    expect(normalizeAddress('东风路5号旁边')).toBe('东风路5号');
  });
});

describe('chineseNumeral', () => {
  it('reads positional and digit-by-digit numerals', () => {
    expect(chineseNumeral('十二')).toBe('12');
    expect(chineseNumeral('二十九')).toBe('29');
    expect(chineseNumeral('一百零五')).toBe('105');
    expect(chineseNumeral('五〇一')).toBe('501');
    expect(chineseNumeral('两')).toBe('2');
    expect(chineseNumeral('矿')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { idCheckChar, isValidIdNumber } from '../../domain/people/id-number.ts';
import { ageOn, makeIdNumber } from '../../geodata/people/id-number.ts';
import { birthFor, IdRegistry, makeIdentity } from '../../geodata/people/identity.ts';
import { rng } from '../../geodata/prng.ts';

describe('GB 11643 ID numbers (ISO 7064 MOD 11-2)', () => {
  it('computes the check character of the standard example 11010519491231002X', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
  });

  it('rejects a wrong check character and malformed input', () => {
    expect(isValidIdNumber('110105194912310021')).toBe(false);
    expect(isValidIdNumber('11010519491231002x')).toBe(false);
    expect(isValidIdNumber('1101051949123100')).toBe(false);
    expect(() => idCheckChar('1101')).toThrow(/17 digits/);
  });

  it('builds numbers with the district prefix that validate', () => {
    const id = makeIdNumber('130406', '19800101', 13);
    expect(id).toMatch(/^13040619800101013[\dX]$/);
    expect(isValidIdNumber(id)).toBe(true);
  });

  it('derives a birth date that makes the person exactly the given age on the day', () => {
    const r = rng(7, 'test');
    for (const [age, day] of [[0, '2022-06-01'], [35, '2022-02-28'], [90, '2024-02-29'], [17, '2022-12-31']] as const) {
      for (let k = 0; k < 50; k++) expect(ageOn(birthFor(age, day, r), day)).toBe(age);
    }
  });

  it('hands out unique sequence numbers with the sex parity (odd men, even women)', () => {
    const reg = new IdRegistry(1, 499), r = rng(1, 'ids'), seen = new Set<string>();
    for (let k = 0; k < 2000; k++) {
      const p = makeIdentity(r, reg, 40, '2022-06-01');
      expect(seen.has(p.idNumber)).toBe(false);
      seen.add(p.idNumber);
      expect(Number(p.idNumber[16]) % 2).toBe(p.sex === 'male' ? 1 : 0);
      expect(p.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });
});

// Citizen ID numbers (居民身份证号码), GB 11643-1999: 6-digit region code, 8-digit birth date,
// 3-digit sequence (odd for men, even for women) and a check character (domain/people/id-number.ts).
import { idCheckChar } from '../../domain/people/id-number.ts';

/** An ID number for region `region` (6 digits), birth `YYYYMMDD`, sequence 1–999. */
export function makeIdNumber(region: string, birth: string, seq: number): string {
  const first17 = region + birth + String(seq).padStart(3, '0');
  return first17 + idCheckChar(first17);
}

/** Whole years from birth (YYYYMMDD) to the day `onDate` (YYYY-MM-DD). */
export function ageOn(birth: string, onDate: string): number {
  const by = Number(birth.slice(0, 4)), bmd = Number(birth.slice(4, 8));
  const y = Number(onDate.slice(0, 4)), md = Number(onDate.slice(5, 7) + onDate.slice(8, 10));
  return y - by - (md < bmd ? 1 : 0);
}

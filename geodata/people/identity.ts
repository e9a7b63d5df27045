// A synthetic person's identity: sex, age on a reference day, birth date consistent with it,
// name, ID number (region 130406, valid check character) and mobile number. A registry keeps ID
// numbers unique by stepping the sequence digits within the sex's parity.
import type { Rng } from '../prng.ts';
import { makeIdNumber } from './id-number.ts';
import { mobileNumber, personName } from './names.ts';

export const REGION = '130406';

export interface Identity { sex: 'male' | 'female'; age: number; birth: string; name: string; idNumber: string; phone: string }

// Days ↔ civil dates without Date objects (H. Hinnant, "chrono-compatible low-level date
// algorithms"): the city scale makes a million of these.
function daysFromCivil(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400), yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function civilFromDays(z: number): string {
  z += 719468;
  const era = Math.floor(z / 146097), doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100)), mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1, m = mp < 10 ? mp + 3 : mp - 9, y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}${m < 10 ? '0' : ''}${m}${d < 10 ? '0' : ''}${d}`;
}

/** Birth date (YYYYMMDD) so that the person is exactly `age` on `onDate` (YYYY-MM-DD): 1–364
 *  days before the `age`-th birthday that falls on `onDate`'s day of the year. */
export function birthFor(age: number, onDate: string, r: Rng): string {
  const y = Number(onDate.slice(0, 4)), m = Number(onDate.slice(5, 7)), d = Number(onDate.slice(8, 10));
  const anniversary = daysFromCivil(y - age, m, m === 2 && d === 29 ? 28 : d);
  return civilFromDays(anniversary - r.int(1, 364));
}

/** Hands out sequence numbers per (birth date, sex) within [first, last]. */
export class IdRegistry {
  private next = new Map<number, number>();
  constructor(private readonly first: number, private readonly last: number) {}

  issue(birth: string, sex: 'male' | 'female'): string | null {
    const parity = sex === 'male' ? 1 : 0, key = Number(birth) * 2 + parity;
    let seq = this.next.get(key);
    if (seq === undefined) {
      // start somewhere in the range (offices hand out numbers in blocks), then step within parity
      let spread = 0;
      for (let i = 0; i < birth.length; i++) spread = (spread * 31 + birth.charCodeAt(i)) % 97;
      const start = this.first + 2 * (spread % Math.max(1, Math.floor((this.last - this.first) / 8)));
      seq = start % 2 === parity ? start : start + 1;
    }
    if (seq > this.last) return null;
    this.next.set(key, seq + 2);
    return makeIdNumber(REGION, birth, seq);
  }
}

export function makeIdentity(r: Rng, registry: IdRegistry, age: number, onDate: string, sex?: 'male' | 'female'): Identity {
  const s = sex ?? (r.chance(0.5) ? 'male' : 'female');
  for (;;) {
    const birth = birthFor(age, onDate, r);
    const idNumber = registry.issue(birth, s);
    if (idNumber) return { sex: s, age, birth, name: personName(r, s, Number(birth.slice(0, 4))), idNumber, phone: mobileNumber(r) };
  }
}

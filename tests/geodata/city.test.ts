import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../geodata/generate.ts';
import { isValidIdNumber } from '../../domain/people/id-number.ts';

describe("scale 'city'", () => {
  // a million rows take ~10 s to produce and check
  it('streams ≥ 1,000,000 persons with ≥ 100,000 cases, all with valid unique ID numbers', { timeout: 180_000 }, () => {
    const data = generateDemo({ seed: 20220607, scale: 'city' });
    const persons = data.persons!;
    expect(Array.isArray(persons)).toBe(false); // lazy: produced while read
    let n = 0, cases = 0, invalid = 0;
    const ids = new Set<string>();
    const heapBefore = process.memoryUsage().heapUsed;
    for (const p of persons) {
      n++;
      if (p.category === 'confirmed' || p.category === 'asymptomatic' || p.category === 'suspected') cases++;
      if (!isValidIdNumber(p.id_number)) invalid++;
      ids.add(p.id_number);
      if (p.id !== n) throw new Error(`id ${p.id} at row ${n}`);
    }
    expect(n).toBeGreaterThanOrEqual(1_000_000);
    expect(cases).toBeGreaterThanOrEqual(100_000);
    expect(invalid).toBe(0);
    expect(ids.size).toBe(n);
    // the rows themselves are not retained (the id set is): far less than 1 kB a person
    expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(400 * 1024 * 1024);
  });
});

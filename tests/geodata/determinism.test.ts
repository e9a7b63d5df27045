import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../geodata/generate.ts';

function digest(seed: number, only?: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [table, rows] of Object.entries(generateDemo({ seed, scale: 'demo' }))) {
    if (only && !only.includes(table)) continue;
    const h = createHash('sha256');
    for (const row of rows as Iterable<unknown>) h.update(JSON.stringify(row));
    out[table] = h.digest('hex');
  }
  return out;
}

describe('determinism', () => {
  // generation takes a few seconds; three runs plus hashing need more than the default timeout
  it('produces identical tables for the same seed and different ones for another seed', { timeout: 180_000 }, () => {
    const a = digest(20220607), b = digest(20220607);
    expect(Object.keys(a).length).toBeGreaterThan(25);
    expect(b).toEqual(a);
    const some = ['admin_units', 'roads', 'persons', 'checkpoints', 'control_zone_versions'], c = digest(7, some);
    for (const table of some) expect(c[table]).not.toBe(a[table]);
  });
});

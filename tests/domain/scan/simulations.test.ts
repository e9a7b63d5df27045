// Issue 7 item 6: the scan finds a planted cluster at the right place and time in ≥ 90 % of
// seeded simulations, and flags in ≤ 5 % of null simulations at p < 0.05.
// Layout: 100 locations on a 10 × 10 grid 1 km apart (a township's villages), a 365-day study
// period, 1,000 background cases with village sizes, a weekly rhythm and a district-wide 3× rise
// over the last 30 days (simulate.ts), SCAN_DEFAULTS except 99 replications (p < 0.05 then means
// rank ≤ 4 of 100: a 4 % test) to keep the runtime modest.
// Why these can fail: a Monte Carlo test is exact for any statistic as long as the replications
// follow the right null, so the null runs catch a wrong permutation (drawing locations uniformly
// instead of permuting them fails the uniformity checks: mean p 0.97), and the planted runs
// catch a wrong statistic — expected counts that ignore the district-wide rise report half the
// grid over 20 days (13 of 50 right), so "right place and time" also bounds the cluster to ≤ 3×
// the planted locations and ≤ 3× the planted days.
import { describe, expect, it } from 'vitest';
import { SCAN_DEFAULTS, spaceTimePermutationScan } from '../../../domain/scan/space-time-permutation.ts';
import { simulate } from './simulate.ts';

const LAYOUT = { side: 10, days: 365, background: 1000 };
const PARAMS = { ...SCAN_DEFAULTS, replications: 99 };

describe('planted clusters (50 simulations)', () => {
  it('finds the cluster at the right place and time with p < 0.05 in ≥ 90 % of them', () => {
    // 16 extra cases in 3–5 neighbouring locations over the last 5–7 days, spread evenly: about
    // 0.5–1 extra case per planted location-day, where the background gives ~0.08 in the last month.
    const misses: string[] = [];
    for (let s = 0; s < 50; s++) {
      const plant = { size: 3 + (s % 3), days: 5 + ((s >> 1) % 3), extra: 16 };
      const { input, planted } = simulate(1000 + s, { ...LAYOUT, plant });
      const top = spaceTimePermutationScan(input, { ...PARAMS, seed: 1 + s }).clusters[0];
      const place = top.locations.some((z) => planted!.locations.includes(z)) && top.locations.length <= 3 * plant.size;
      const windowDays = top.endDay - top.startDay + 1;
      const time = top.startDay <= planted!.firstDay && top.endDay === LAYOUT.days - 1 && windowDays <= 3 * plant.days;
      if (!(place && time && top.pValue < 0.05)) misses.push(`sim ${s}: p ${top.pValue}, ${top.locations.length} locations, ${windowDays} days`);
    }
    expect(misses.length, misses.join('\n')).toBeLessThanOrEqual(5);
  }, 180_000);
});

describe('null simulations (100, no planted cluster)', () => {
  it('flag p < 0.05 in ≤ 5 % and give p-values that look uniform', () => {
    const p: number[] = [];
    for (let s = 0; s < 100; s++) p.push(spaceTimePermutationScan(simulate(5000 + s, LAYOUT).input, { ...PARAMS, seed: 1 + s }).clusters[0]?.pValue ?? 1);
    expect(p.filter((x) => x < 0.05).length).toBeLessThanOrEqual(5);
    // Uniform p on (0, 1]: mean ½ (sd of the mean of 100 ≈ 0.029), a quarter below ¼.
    expect(Math.abs(p.reduce((a, b) => a + b, 0) / p.length - 0.5)).toBeLessThan(0.1);
    expect(p.filter((x) => x <= 0.25).length).toBeGreaterThanOrEqual(12);
    expect(p.filter((x) => x <= 0.25).length).toBeLessThanOrEqual(38);
  }, 240_000);
});

// Syndromic counts for early warning (EARS): daily fever-clinic visits and fever-drug sales per
// village/community for the year before the scenario's "now", with a weekly rhythm (Mondays
// busy, Sundays quiet), a winter season, dips during the whole-district seals, and a rise in
// 大社镇 (and milder in the 管控 sites) from 05-12, two weeks ahead of the first reported cases.
import { TOWNSHIPS } from './design.ts';
import { addDays } from './facilities/common.ts';
import { rng } from './prng.ts';
import { lazy } from './rows/lazy.ts';
import { CONTROLLED, SEALED_TOWNSHIP } from './scenario/facts.ts';
import type { SeedRow } from './types.ts';
import type { Unit } from './villages.ts';

export const SYNDROMIC_FIRST_DAY = '2021-06-18';
export const SYNDROMIC_DAYS = 365;
const WEEKDAY = [0.75, 1.25, 1.1, 1.0, 1.0, 1.05, 0.85]; // Sunday first
const SEALS: [string, string][] = [['2022-04-29', '2022-05-01'], ['2022-05-11', '2022-05-14']];

function outbreakFactor(date: string, strength: number): number {
  const t = (Date.parse(date) - Date.parse('2022-05-12')) / 86_400_000; // days since the rise began
  if (t < 0) return 1;
  return 1 + strength * Math.min(1, t / 12);
}

export function syndromicRows(units: readonly Unit[], unitId: readonly number[], population: readonly number[], seed: number): Iterable<SeedRow<'syndromic_counts'>> {
  const sealed = TOWNSHIPS.findIndex((t) => t.name === SEALED_TOWNSHIP), hot = new Set(CONTROLLED.map((c) => c.name));
  return lazy(function* () {
    const r = rng(seed, 'syndromic');
    let id = 0;
    for (let d = 0; d < SYNDROMIC_DAYS; d++) {
      const date = addDays(SYNDROMIC_FIRST_DAY, d), day = new Date(`${date}T00:00:00Z`);
      const season = 1 + 0.55 * Math.cos((2 * Math.PI * (day.getTime() - Date.UTC(2022, 0, 15))) / (365 * 86_400_000));
      const sealedDay = SEALS.some(([a, b]) => date >= a && date <= b) ? 0.5 : 1;
      for (const u of units) {
        const base = (population[u.index] / 10_000) * WEEKDAY[day.getUTCDay()] * season * sealedDay;
        const rise = outbreakFactor(date, u.town === sealed ? 2.6 : hot.has(u.name) ? 0.8 : 0);
        yield { id: ++id, admin_unit_id: unitId[u.index], date, kind: 'feverClinic', count: r.poisson(0.9 * base * rise) };
        yield { id: ++id, admin_unit_id: unitId[u.index], date, kind: 'feverDrug', count: r.poisson(3.2 * base * (1 + (rise - 1) * 1.3)) };
      }
    }
  });
}

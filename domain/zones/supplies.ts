// What a population in a zone needs: sampling points, samplers, quarantine rooms and daily food
// and water. The ratios live in the profile's `resources` block (profile.ts lets it pass through;
// this module reads it). Sources: domain-rules.md §1.8 — 《区域新型冠状病毒核酸检测组织实施指南
// （第三版）》 2022-03-22: finish an area in 24 h, one sampling point per 2 000–3 000 people,
// samplers = population ÷ 360; §7 `resources`: quarantine rooms 20 per 10 000 people (NHC
// 2021-09-29). Daily supplies: the profile's `daily_supply_per_person` (中国居民膳食指南 2022 and
// the Sphere survival minimum for water, both [M] in the profile's own `source`).
import { z } from 'zod';

const perPerson = z.record(z.string(), z.union([z.number().min(0), z.string()]));

const resourcesSchema = z.object({
  quarantine_rooms_per_10k_pop: z.number().min(0).default(20),
  sampling_point_per_people: z.tuple([z.number().positive(), z.number().positive()]).default([2000, 3000]),
  samplers_divisor: z.number().positive().default(360),
  mass_test_completion_hours: z.number().positive().default(24),
  // §1.8: NHC 2022-05-23 "步行15分钟核酸'采样圈'" — binding only on provincial capitals and cities
  // of ≥ 10 M; the default service time of the coverage analyses (issue 8), not a duty of Fengfeng.
  walk_minutes_to_sampling_point: z.number().positive().default(15),
  daily_supply_per_person: perPerson.default({}),
});
export type Resources = z.infer<typeof resourcesSchema>;

/** The profile's resources, with the §1.8 / §7 figures for whatever a (user-made) profile omits. */
export function resourcesOf(params: object): Resources {
  const raw = (params as { resources?: unknown }).resources;
  const parsed = resourcesSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : resourcesSchema.parse({});
}

export interface TestingNeeds { samplingPointsMin: number; samplingPointsMax: number; samplers: number; completionHours: number }

/** Sampling points and samplers to test `population` people in one round (§1.8). Rounded up: a
 * point serves at most 3 000 people, so 460 000 people need 154, not the 153.3 the bare ratio
 * gives (§7's oracle "153–230" rounds that one down). */
export function testingNeeds(population: number, r: Resources): TestingNeeds {
  const [fewPeople, manyPeople] = [...r.sampling_point_per_people].sort((a, b) => a - b);
  return {
    samplingPointsMin: Math.ceil(population / manyPeople),
    samplingPointsMax: Math.ceil(population / fewPeople),
    samplers: Math.ceil(population / r.samplers_divisor),
    completionHours: r.mass_test_completion_hours,
  };
}

/** Centralised quarantine rooms to hold ready for `population` (§7: 20 per 10 000; 46万 → 920). */
export function quarantineRooms(population: number, r: Resources): number {
  return Math.ceil((population * r.quarantine_rooms_per_10k_pop) / 10_000);
}

export interface DailySupplies { perHouseholdPerDay: Record<string, number>; totalPerDay: Record<string, number> }

const round = (x: number, decimals: number) => Math.round(x * 10 ** decimals) / 10 ** decimals;

/** Daily food and water for `residents` people in `households` households (units are in the keys:
 * staples_kg, drinking_water_l, …); the per-household figure is for the zone's mean household,
 * what a door-to-door delivery team packs (§1.1 封控区 "服务上门"). */
export function dailySupplies(residents: number, households: number, r: Resources): DailySupplies {
  const perHouseholdPerDay: Record<string, number> = {};
  const totalPerDay: Record<string, number> = {};
  for (const [item, amount] of Object.entries(r.daily_supply_per_person)) {
    if (typeof amount !== 'number') continue; // the `source` note rides along in the same record
    totalPerDay[item] = round(amount * residents, 1);
    perHouseholdPerDay[item] = households > 0 ? round((amount * residents) / households, 2) : 0;
  }
  return { perHouseholdPerDay, totalPerDay };
}

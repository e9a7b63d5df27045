// The June 2022 outbreak (domain-rules.md §3.4, shaped, not reconstructed): cases reported daily
// from 2022-05-27 to 06-17 with a rise and fall; most in 大社镇 (a few hot villages and
// communities), 2–5 in each of the 8 管控 compounds/villages (all reported before the 06-07
// notice), none elsewhere. Each case after the first two has a source among earlier cases, so
// transmission chains exist; some share the source's household.
import { TOWNSHIPS } from '../design.ts';
import type { Rng } from '../prng.ts';
import type { World } from '../world.ts';
import { addDays, HOUR, localTime } from '../facilities/common.ts';
import { CONTROLLED, SEALED_TOWNSHIP } from './facts.ts';
import type { Homes } from './homes.ts';

export const FIRST_REPORT_DAY = '2022-05-27';
/** Reports per day from 05-27 (before a ±1 seeded wobble): ≥ 150 cases over 22 days. */
const CURVE = [2, 3, 4, 6, 8, 10, 12, 14, 15, 14, 13, 12, 10, 9, 8, 6, 5, 4, 3, 3, 2, 2];

export interface CaseDraft {
  home: number;
  group: number; // −1 大社镇, else index into CONTROLLED
  category: 'confirmed' | 'asymptomatic' | 'suspected';
  reportDate: string;
  sampleDate: string;
  onsetDate: string | null;
  reportAt: number;
  source: number; // index of the source case, −1 for an index case
  contactType: 'household' | 'work' | 'social' | 'transport' | 'other';
}

/** The place (compound) or unit (village) of each controlled site: dwelling lists to draw from. */
export function controlledHomes(w: World, homes: Homes): number[][] {
  return CONTROLLED.map((c) => {
    if (c.kind === 'village') return homes.byUnit[w.layout.units.find((u) => u.name === c.name)?.index ?? 0];
    const p = w.built.places.findIndex((pl) => pl.kind === 'compound' && pl.name === c.name);
    return homes.byPlace.get(p) ?? [];
  });
}

export function planCases(w: World, homes: Homes, r: Rng): CaseDraft[] {
  const sealed = TOWNSHIPS.findIndex((t) => t.name === SEALED_TOWNSHIP);
  const hot = w.layout.units.filter((u) => u.town === sealed && homes.byUnit[u.index].length);
  const weight = hot.map((_, i) => (i % 5 === 0 ? 6 : 1) * r.float(0.6, 1.4));
  const places = controlledHomes(w, homes);
  const counts = CURVE.map((c) => Math.max(1, c + r.int(-1, 1)));
  // 2–5 cases per controlled site, reported 06-01 … 06-06 (days 5–10)
  const placeDays: { day: number; group: number }[] = [];
  places.forEach((list, g) => { if (list.length) for (let n = r.int(2, 5); n > 0; n--) placeDays.push({ day: r.int(5, 10), group: g }); });
  const out: CaseDraft[] = [];
  const pickHome = (pool: number[], near?: number): number => {
    if (near !== undefined && homes.taken[near] < 2 && r.chance(0.25)) return near; // same household
    for (let tries = 0; tries < 50; tries++) {
      const k = pool[r.int(0, pool.length - 1)];
      if (homes.taken[k] === 0) return k;
    }
    return pool[0];
  };
  counts.forEach((n, day) => {
    const date = addDays(FIRST_REPORT_DAY, day);
    const todays = placeDays.filter((p) => p.day === day);
    for (let i = 0; i < Math.max(n, todays.length); i++) {
      const group = i < todays.length ? todays[i].group : -1;
      const earlier = out.map((c, idx) => ({ c, idx })).filter(({ c }) => c.reportDate < date && c.reportDate >= addDays(date, -6));
      const sameGroup = earlier.filter(({ c }) => c.group === group);
      const src = out.length < 2 ? undefined : r.pick(sameGroup.length ? sameGroup : earlier.filter(({ c }) => c.group === -1).length ? earlier.filter(({ c }) => c.group === -1) : earlier);
      const pool = group >= 0 ? places[group] : homes.byUnit[hot[r.weighted(weight)].index];
      const home = pickHome(pool, src && src.c.group === group ? src.c.home : undefined);
      homes.taken[home]++;
      const category = day >= 18 && r.chance(0.4) ? 'suspected' : r.chance(0.6) ? 'confirmed' : 'asymptomatic';
      const sampleDate = addDays(date, r.chance(0.35) ? 0 : -1);
      out.push({
        home, group, category, reportDate: date, sampleDate, onsetDate: category === 'asymptomatic' ? null : addDays(sampleDate, -r.int(0, 3)),
        reportAt: localTime(date, r.int(8, 21)) + r.int(0, 59) * 60_000, source: src ? src.idx : -1,
        contactType: src && home === src.c.home ? 'household' : r.pick(['work', 'social', 'social', 'transport', 'other'] as const),
      });
    }
  });
  return out;
}

export const exposureBefore = (c: CaseDraft, r: Rng): number => Math.min(c.reportAt, localTime(c.sampleDate, 8)) - r.int(6, 40) * HOUR;

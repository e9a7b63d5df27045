// The scenario's people: cases (from cases.ts) and their contacts. About 10 contacts per case:
// the household, close contacts at work, socially or in transport (same village, same
// township, or anywhere in the district), and secondary contacts of some close contacts
// (domain-rules.md §1.5). Ages follow the home household's age bands.
import type { Rng } from '../prng.ts';
import { type Identity, type IdRegistry, makeIdentity } from '../people/identity.ts';
import type { World } from '../world.ts';
import { HOUR, localDate, ms, SCENARIO_NOW } from '../facilities/common.ts';
import { type CaseDraft, exposureBefore } from './cases.ts';
import type { Homes } from './homes.ts';

export type Category = 'confirmed' | 'asymptomatic' | 'suspected' | 'closeContact' | 'secondaryContact';

export interface PersonDraft {
  category: Category;
  home: number;
  identity: Identity;
  validFrom: number;
  caseDraft: CaseDraft | null;
}

export interface LinkDraft { from: number; to: number; type: 'household' | 'work' | 'social' | 'transport' | 'healthcare' | 'other'; at: number }

const NOW = ms(SCENARIO_NOW);

function ageFromHome(w: World, home: number, r: Rng): number {
  const bands = w.households[home].bands, band = r.weighted(bands.map((b) => Math.max(b, 0.01)));
  return band === 0 ? r.int(1, 14) : band === 1 ? r.int(18, 64) : r.int(65, 91);
}

export function buildPersons(w: World, homes: Homes, cases: CaseDraft[], ids: IdRegistry, r: Rng) {
  const persons: PersonDraft[] = [], links: LinkDraft[] = [];
  const person = (category: Category, home: number, validFrom: number, caseDraft: CaseDraft | null) => {
    const identity = makeIdentity(r, ids, ageFromHome(w, home, r), localDate(validFrom));
    persons.push({ category, home, identity, validFrom: Math.min(validFrom, NOW - 600_000), caseDraft });
    return persons.length - 1;
  };
  const townOf = (home: number) => w.layout.units[homes.unit[home]].town;
  const anyHome = (pool: number[]) => {
    for (let t = 0; t < 40; t++) { const k = pool[r.int(0, pool.length - 1)]; if (homes.taken[k] < w.households[k].residents) return k; }
    return pool[r.int(0, pool.length - 1)];
  };
  cases.forEach((c) => person(c.category, c.home, c.reportAt, c));
  cases.forEach((c, i) => {
    if (c.source >= 0) links.push({ from: c.source, to: i, type: c.contactType, at: Math.min(cases[c.source].reportAt - HOUR, exposureBefore(c, r)) });
  });
  const townHomes = new Map<number, number[]>();
  w.layout.units.forEach((u) => (townHomes.get(u.town) ?? townHomes.set(u.town, []).get(u.town)!).push(...homes.byUnit[u.index]));
  cases.forEach((c, ci) => {
    const identified = () => c.reportAt + r.int(2, 10) * HOUR;
    const household = Math.min(4, w.households[c.home].residents - homes.taken[c.home]);
    for (let k = 0; k < household; k++) {
      homes.taken[c.home]++;
      links.push({ from: ci, to: person('closeContact', c.home, identified(), null), type: 'household', at: c.reportAt - r.int(0, 2) * HOUR });
    }
    const others: number[] = [];
    for (let k = Math.max(3, Math.min(11, Math.round(r.normal(6.5, 2)))); k > 0; k--) {
      const roll = r.next();
      const pool = roll < 0.5 ? homes.byUnit[homes.unit[c.home]] : roll < 0.85 ? townHomes.get(townOf(c.home))! : homes.byUnit[r.int(0, homes.byUnit.length - 1)];
      if (!pool.length) continue;
      const home = anyHome(pool);
      homes.taken[home]++;
      const p = person('closeContact', home, identified(), null);
      others.push(p);
      links.push({ from: ci, to: p, type: r.pick(['work', 'work', 'social', 'social', 'social', 'transport', 'healthcare', 'other'] as const), at: c.reportAt - r.int(6, 72) * HOUR });
    }
    for (const cc of r.shuffle(others).slice(0, r.int(1, 2))) {
      for (let k = r.int(1, 2); k > 0; k--) {
        const near = persons[cc].home, same = homes.taken[near] < w.households[near].residents;
        const home = same ? near : anyHome(homes.byUnit[homes.unit[near]]);
        homes.taken[home]++;
        const p = person('secondaryContact', home, persons[cc].validFrom + r.int(4, 16) * HOUR, null);
        links.push({ from: cc, to: p, type: same ? 'household' : 'work', at: persons[cc].validFrom - r.int(0, 24) * HOUR });
      }
    }
  });
  return { persons, links };
}

// What each town block is used for: the seat block holds the township government, the next
// ones a square, a market and a health centre; schools are spread through the town; blocks on
// the river become riverside parks; the edge of town takes industry (彭城: ceramics) and the
// hotels and training centres that serve as quarantine sites; the rest is housing, mostly
// compounds of mid-rise blocks and some old courtyard streets (老街).
import { TOWNSHIPS } from './design.ts';
import type { Layout } from './layout.ts';
import { rng } from './prng.ts';

export type BlockUse = 'government' | 'square' | 'market' | 'hospital' | 'school' | 'riverPark' | 'park'
  | 'industrial' | 'hotel' | 'compound' | 'oldTown';

/** Quarantine sites per town (by design index order): the larger towns host them. */
const HOTELS: Record<string, number> = { 滏阳东路街道: 2, 临水镇: 1, 峰峰镇: 2, 彭城镇: 1, 新坡镇: 1, 义井镇: 1 };

export function assignBlockUses(layout: Layout, seed: number): BlockUse[] {
  const r = rng(seed, 'block-uses'), { blocks } = layout.urban;
  const river = new Set(layout.water.river);
  const uses: BlockUse[] = blocks.map((b) => (b.cells.some((c) => river.has(c)) ? 'riverPark' : 'compound'));
  // every community keeps at least two housing blocks, one of them a compound
  const unitOf = (i: number) => layout.village[blocks[i].cells[4]];
  const housing = new Map<number, number>();
  blocks.forEach((_, i) => { if (uses[i] === 'compound') housing.set(unitOf(i), (housing.get(unitOf(i)) ?? 0) + 1); });
  const spare = (i: number) => (housing.get(unitOf(i)) ?? 0) > 2 || layout.units[unitOf(i)]?.kind !== 'community';
  TOWNSHIPS.forEach((t, k) => {
    const mine = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.town === k).sort((a, c) => a.b.rank - c.b.rank);
    const free = () => mine.filter(({ i }) => uses[i] === 'compound' && spare(i));
    const take = (use: BlockUse, pick: (list: ReturnType<typeof free>) => { i: number } | undefined) => {
      const got = pick(free());
      if (!got) return;
      uses[got.i] = use;
      housing.set(unitOf(got.i), (housing.get(unitOf(got.i)) ?? 0) - 1);
    };
    take('government', (l) => l[0]);
    if (mine.length > 3) take('square', (l) => l[0]);
    if (mine.length > 4) take('market', (l) => l[0]);
    if (mine.length > 5) take('hospital', (l) => l[1]);
    const schools = Math.max(mine.length > 6 ? 1 : 0, Math.round(t.communities / 2));
    for (let s = 0; s < schools; s++) take('school', (l) => l[Math.min(l.length - 1, Math.floor(((s + 0.5) / schools) * l.length))]);
    if (mine.length > 30) take('park', (l) => l[Math.floor(l.length * 0.4)]);
    const edge = () => free().slice(Math.floor(free().length * 0.7));
    for (let h = 0; h < (HOTELS[t.name] ?? 0); h++) take('hotel', () => r.pick(edge()));
    const industry = Math.round(mine.length * (t.name === '彭城镇' ? 0.14 : 0.06));
    for (let m = 0; m < industry; m++) take('industrial', () => edge()[edge().length - 1 - r.int(0, Math.min(3, edge().length - 1))]);
    // old courtyard streets: the core of small towns, patches of big ones
    const oldShare = mine.length < 20 ? 0.4 : 0.15;
    const compounds = new Map<number, number>();
    for (const { i } of mine) if (uses[i] === 'compound') compounds.set(unitOf(i), (compounds.get(unitOf(i)) ?? 0) + 1);
    for (const { i, b } of mine) {
      if (uses[i] !== 'compound' || (compounds.get(unitOf(i)) ?? 0) < 2 || !r.chance(oldShare * (b.rank < mine.length / 2 ? 1.3 : 0.7))) continue;
      uses[i] = 'oldTown';
      compounds.set(unitOf(i), compounds.get(unitOf(i))! - 1);
    }
  });
  return uses;
}

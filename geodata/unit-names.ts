// Names and 12-digit codes of villages and communities. Codes = township code + 3 digits:
// communities 001–199, villages 200–399 (domain-rules.md §5.1), numbered north to south.
// The numbers are synthetic; names are generated except the known ones (design.ts, the June
// 2022 notice) and communities next to a mine, which take the mine's name (一矿社区).
import { MINES, TOWNSHIPS } from './design.ts';
import { fromUV } from './frame.ts';
import { type Lattice, cellCenter } from './lattice.ts';
import { communityName, villageName } from './names.ts';
import { rng } from './prng.ts';
import { CONTROLLED, SEALED_TOWNSHIP } from './scenario/facts.ts';
import type { Unit } from './villages.ts';

export function nameUnits(L: Lattice, units: Omit<Unit, 'name' | 'code'>[], seed: number): Unit[] {
  const r = rng(seed, 'unit-names'), used = new Set<string>();
  const named = units.map((u) => ({ ...u, name: '', code: '' }));
  const pos = (u: { seedCell: number }) => cellCenter(L, u.seedCell);
  // fixed names first so generated ones never collide with them
  TOWNSHIPS.forEach((t, k) => {
    const mine = named.filter((u) => u.town === k);
    t.knownNames?.communities?.forEach((nm, i) => { const u = mine.filter((m) => m.kind === 'community')[i]; if (u) { u.name = nm; used.add(nm); } });
    t.knownNames?.villages?.forEach((nm, i) => { const u = mine.filter((m) => m.kind === 'village')[i]; if (u) { u.name = nm; used.add(nm); } });
  });
  const sealed = TOWNSHIPS.findIndex((t) => t.name === SEALED_TOWNSHIP);
  const [dx, dy] = fromUV(...TOWNSHIPS[sealed].seat);
  for (const p of CONTROLLED.filter((c) => c.kind === 'village')) {
    const k = TOWNSHIPS.findIndex((t) => t.name === p.town);
    const cands = named.filter((u) => u.town === k && u.kind === 'village' && !u.name);
    cands.sort((a, b) => Math.hypot(pos(a)[0] - dx, pos(a)[1] - dy) - Math.hypot(pos(b)[0] - dx, pos(b)[1] - dy));
    if (cands[0]) { cands[0].name = p.name; used.add(p.name); }
  }
  for (const m of MINES) {
    const [mx, my] = fromUV(...m.at);
    const near = named.filter((u) => u.kind === 'community' && !u.name)
      .map((u) => ({ u, d: Math.hypot(pos(u)[0] - mx, pos(u)[1] - my) })).sort((a, b) => a.d - b.d)[0];
    if (near && near.d < 3000) near.u.name = communityName(r, used, m.name);
  }
  for (const u of named) {
    if (u.name) continue;
    u.name = u.kind === 'community' ? communityName(r, used) : villageName(r, used, u.hilly);
  }
  TOWNSHIPS.forEach((t, k) => {
    for (const kind of ['community', 'village'] as const) {
      const list = named.filter((u) => u.town === k && u.kind === kind);
      list.sort((a, b) => pos(b)[1] - pos(a)[1] || pos(a)[0] - pos(b)[0]);
      list.forEach((u, i) => { u.code = t.code + String((kind === 'community' ? 1 : 200) + i).padStart(3, '0'); });
    }
  });
  return named;
}

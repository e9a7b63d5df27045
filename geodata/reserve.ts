// Picks the blocks for compounds whose names say where they are: the June 2022 compounds
// (by a mine, on 通山路, on the river bank: scenario/facts.ts) and compounds named after a
// nearby mine (一矿家属院, 三矿北工人村 — the seat of 大峪镇, domain-rules.md §3.1). Returns the
// reserved names per block and the street names that must follow (通山路).
import type { BlockUse } from './blocks.ts';
import { TOWNSHIPS } from './design.ts';
import type { Layout } from './layout.ts';
import { BLOCK, cellCenter } from './lattice.ts';
import { MINE_COMPOUND_TAIL } from './names.ts';
import { rng } from './prng.ts';
import type { Network } from './roads/network.ts';
import { CONTROLLED } from './scenario/facts.ts';

export function reserveCompounds(layout: Layout, uses: BlockUse[], net: Network, seed: number) {
  const r = rng(seed, 'reserve'), { blocks } = layout.urban, w = layout.L.nx + 1;
  const namesFor = new Map<number, string[]>(), forced = new Map<string, string>();
  const free = (k: number) => uses[k] === 'compound' && !namesFor.has(k);
  const reserve = (k: number, name: string) => namesFor.set(k, [name]);
  const mineAt = (name: string) => {
    const m = layout.urban.mines.find((x) => x.name === name)!;
    const pts = m.cells.map((c) => cellCenter(layout.L, c));
    return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
  };
  const byDistance = (x: number, y: number, ok: (k: number) => boolean) => blocks.map((b, k) => ({ k, d: Math.hypot(b.x - x, b.y - y) }))
    .filter(({ k }) => ok(k)).sort((a, b) => a.d - b.d);
  const riverBlock = new Set(blocks.map((_, k) => k).filter((k) => uses[k] === 'riverPark'));
  const nextToRiver = (k: number) => blocks.some((b, m) => riverBlock.has(m) && Math.abs(b.bi - blocks[k].bi) + Math.abs(b.bj - blocks[k].bj) === 1);
  for (const p of CONTROLLED.filter((c) => c.kind === 'compound')) {
    const town = TOWNSHIPS.findIndex((t) => t.name === p.town);
    const inTown = (k: number) => free(k) && blocks[k].town === town;
    let pick: number | undefined;
    if (p.mine) {
      const [mx, my] = mineAt(p.mine);
      pick = byDistance(mx, my, (k) => free(k) && (!p.name.includes('北') || blocks[k].y > my))[0]?.k;
    } else if (p.riverside) {
      pick = blocks.map((_, k) => k).filter((k) => inTown(k) && nextToRiver(k)).sort((a, b) => blocks[a].rank - blocks[b].rank)[0];
    } else if (p.street) {
      pick = blocks.map((_, k) => k).filter(inTown).find((k) => {
        const v = blocks[k].bj * BLOCK * w + blocks[k].bi * BLOCK + 1;
        return net.get(v, v + 1)?.cls !== 'trunk';
      });
      if (pick !== undefined) forced.set(`${p.town}:h:${blocks[pick].bj * BLOCK}`, p.street);
    }
    pick ??= r.pick(blocks.map((_, k) => k).filter(inTown).slice(0, 12));
    pick ??= blocks.findIndex((_, k) => free(k));
    reserve(pick, p.name);
  }
  for (const m of layout.urban.mines) {
    const [mx, my] = mineAt(m.name);
    const near = byDistance(mx, my, free).filter((x) => x.d < 2500).slice(0, m.name === '三矿' ? 1 : 2);
    near.forEach(({ k }, i) => reserve(k, m.name === '三矿' && i === 0 ? '三矿北工人村' : `${m.name}${MINE_COMPOUND_TAIL[(i + m.name.charCodeAt(0)) % MINE_COMPOUND_TAIL.length]}`));
  }
  return { namesFor, forced };
}

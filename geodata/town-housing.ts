// Housing blocks of the towns: compound blocks hold one or two named compounds (the June 2022
// names and mine-named ones where the scenario or a nearby mine asks for them), old-town blocks
// hold courtyard rows on named lanes (…一巷, …二巷) between the streets.
import { AddressBook } from './address-book.ts';
import { type BlockFrame, blockFrame } from './block-frame.ts';
import { buildCompound } from './compounds.ts';
import { courtyardPlots } from './courtyards.ts';
import type { Layout } from './layout.ts';
import { BLOCK } from './lattice.ts';
import type { Built } from './model.ts';
import { compoundName } from './names.ts';
import type { Rng } from './prng.ts';
import type { Network } from './roads/network.ts';
import type { Block } from './urban.ts';

export interface HousingContext {
  layout: Layout;
  net: Network;
  book: AddressBook;
  built: Built;
  usedNames: Set<string>;
  /** Compound names reserved for particular blocks (scenario, mines). */
  namesFor: Map<number, string[]>;
  unitOfBlock: (blockIndex: number) => number;
}

const W = (layout: Layout) => layout.L.nx + 1;

/** Name of the network edge along the middle of a block side, or of a cell side. */
export function edgeName(net: Network, a: number, b: number): string | null {
  return net.get(a, b)?.name ?? null;
}

export function compoundBlock(ctx: HousingContext, k: number, r: Rng): void {
  const { layout, net, book, built } = ctx, block = layout.urban.blocks[k], w = W(layout);
  const frame: BlockFrame = blockFrame(layout.L, block);
  const south = (block.bj * BLOCK) * w + block.bi * BLOCK + 1;
  const road = edgeName(net, south, south + 1);
  const reserved = ctx.namesFor.get(k) ?? [];
  const halves = reserved.length >= 2 || (reserved.length === 0 && r.chance(0.4)) ? 2 : 1;
  const wallA = 7 / frame.widthM, wallB = 7 / frame.depthM;
  for (let h = 0; h < halves; h++) {
    const a0 = halves === 1 ? wallA : h === 0 ? wallA : 0.5 + 4 / frame.widthM;
    const a1 = halves === 1 ? 1 - wallA : h === 0 ? 0.5 - 4 / frame.widthM : 1 - wallA;
    const name = reserved[h] ?? compoundName(r, ctx.usedNames);
    const roadno = book.number(block.town, road ?? '');
    const unit = ctx.unitOfBlock(k);
    const { place, buildings } = buildCompound(frame, block, { a0, a1, b0: wallB, b1: 1 - wallB }, name, unit,
      { road, roadno }, r, built.places.length);
    built.places.push(place);
    built.buildings.push(...buildings);
  }
}

export function oldTownBlock(ctx: HousingContext, k: number, r: Rng): void {
  const { layout, net, book, built } = ctx, block: Block = layout.urban.blocks[k], w = W(layout), L = layout.L;
  const i0 = block.bi * BLOCK, j0 = block.bj * BLOCK;
  const street = edgeName(net, j0 * w + i0 + 1, j0 * w + i0 + 2) ?? '';
  for (let d = 1; d < BLOCK; d++) {
    for (let i = i0; i < i0 + BLOCK; i++) net.add((j0 + d) * w + i, (j0 + d) * w + i + 1, 'lane', `${street}${'一二三'[d - 1]}巷`);
    for (let j = j0; j < j0 + BLOCK; j++) net.add(j * w + i0 + d, (j + 1) * w + i0 + d, 'lane', null);
  }
  const unit = ctx.unitOfBlock(k);
  for (const c of block.cells) {
    const i = c % L.nx, j = (c - i) / L.nx;
    for (const plot of courtyardPlots(L, c, r, 6, 0.12)) {
      const lineJ = plot.facing === 'south' ? j : j + 1;
      const road = edgeName(net, lineJ * w + i, lineJ * w + i + 1) ?? street;
      const roadno = book.number(block.town, road);
      built.buildings.push({ place: null, unit, cell: c, name: `${road}${roadno}`, kind: 'courtyard', units: 1,
        floors: r.chance(0.2) ? 2 : 1, ring: plot.ring,
        dwellings: [{ x: plot.gate[0], y: plot.gate[1], cell: c, road, roadno, poi: null, houseno: null, cellno: null, roomno: null, rural: false }] });
    }
  }
}

// Land use by cell, drawn as polygons per connected patch (split by village so no polygon
// spans the district): hills and forest on the relief, farmland on the plain and valley floors,
// town and village fabric, mines, industry, parks, water, and the 响堂山 grottoes as heritage.
import { townShort } from './address-book.ts';
import type { BlockUse } from './blocks.ts';
import { HERITAGE, TOWNSHIPS } from './design.ts';
import { fromUV } from './frame.ts';
import type { Layout } from './layout.ts';
import { cellCenter, cellCount, neighbours } from './lattice.ts';
import { fbm } from './noise.ts';
import { nearestFirst } from './search.ts';
import { isHill } from './terrain.ts';

export const LANDUSE = ['residential', 'industrial', 'mine', 'farmland', 'forest', 'hill', 'water', 'park', 'heritage'] as const;
export type LanduseKind = (typeof LANDUSE)[number];

/** The heritage cells: a few hill cells at each grottoes site. */
export function heritageCells(layout: Layout): { name: string; cells: number[] }[] {
  const { L } = layout;
  return HERITAGE.map((h) => {
    const [x, y] = fromUV(...h.at);
    const start = findCell(layout, x, y);
    const cells = nearestFirst([start], (a, visit) => {
      for (const b of neighbours(L, a)) if (b >= 0 && layout.mask[b] && !layout.blocked[b] && layout.urban.blockOfCell[b] < 0) visit(b, 1);
    }, 5);
    return { name: h.name, cells };
  });
}

function findCell(layout: Layout, x: number, y: number): number {
  let best = 0, bestD = Infinity;
  for (let c = 0; c < cellCount(layout.L); c++) {
    if (!layout.mask[c] || layout.blocked[c] || layout.urban.blockOfCell[c] >= 0) continue;
    const [cx, cy] = cellCenter(layout.L, c), d = (cx - x) ** 2 + (cy - y) ** 2;
    if (d < bestD) { bestD = d; best = c; }
  }
  return best;
}

export interface LanduseInput {
  uses: BlockUse[];
  builtUp: Uint8Array;
  heritage: { name: string; cells: number[] }[];
}

/** Per cell: index into LANDUSE (−1 outside), plus names of named patches by cell. */
export function classifyLanduse(layout: Layout, input: LanduseInput): { kind: Int8Array; names: Map<number, string> } {
  const { L } = layout, n = cellCount(L), kind = new Int8Array(n).fill(-1), names = new Map<number, string>();
  const K = (k: LanduseKind) => LANDUSE.indexOf(k);
  const forest = fbm(layout.seed, 'forest', 3);
  for (let c = 0; c < n; c++) {
    if (!layout.mask[c]) continue;
    const [x, y] = cellCenter(L, c);
    if (isHill(layout.terrain, c)) kind[c] = forest.at(x / 1500, y / 1500) > -0.05 || layout.terrain.cellRelief[c] > 320 ? K('forest') : K('hill');
    else kind[c] = K('farmland');
    if (input.builtUp[c]) kind[c] = K('residential');
  }
  layout.urban.blocks.forEach((b, k) => {
    const use = input.uses[k];
    const kk = use === 'industrial' ? 'industrial' : use === 'park' || use === 'riverPark' ? 'park' : 'residential';
    for (const c of b.cells) kind[c] = K(kk);
    const short = townShort(TOWNSHIPS[b.town].name);
    if (use === 'park') names.set(b.cells[4], `${short}公园`);
    if (use === 'riverPark') names.set(b.cells[4], '滨河公园');
    if (use === 'industrial' && TOWNSHIPS[b.town].name === '彭城镇') names.set(b.cells[4], '彭城陶瓷工业区');
  });
  for (const m of layout.urban.mines) { for (const c of m.cells) kind[c] = K('mine'); names.set(m.cells[0], m.name); }
  for (const c of layout.water.reservoir) kind[c] = K('water');
  for (const c of layout.water.pond) { kind[c] = K('water'); names.set(c, '黑龙洞'); }
  for (const h of input.heritage) for (const c of h.cells) { kind[c] = K('heritage'); names.set(c, h.name); }
  return { kind, names };
}

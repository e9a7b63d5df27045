// Where the towns are: mine sites first (the coal field sets where people live), then each
// seat's street grid grows as a blob of 240 m blocks from the seat, cheapest along the trunk
// roads and on flat ground, so towns stretch along the roads and up the valleys.
import { MINES, TOWNSHIPS, TRUNKS } from './design.ts';
import { fromUV } from './frame.ts';
import { BLOCK, type Lattice, cellAt, cellCenter, cid, neighbours } from './lattice.ts';
import { fbm } from './noise.ts';
import { firstMatch, nearestFirst } from './search.ts';
import { distToSegs, type Terrain } from './terrain.ts';

export interface Block {
  id: number;
  bi: number;
  bj: number;
  /** Index into TOWNSHIPS of the town whose grid it belongs to. */
  town: number;
  /** Rank in the town's growth order (0 = the seat block). */
  rank: number;
  cells: number[];
  x: number;
  y: number;
}

export interface Urban {
  blocks: Block[];
  /** Per cell: index into `blocks`, or −1. */
  blockOfCell: Int32Array;
  mines: { name: string; cells: number[] }[];
}

const trunkSegs = TRUNKS.flatMap((t) => t.via.slice(1).map((b, k) => [...fromUV(...t.via[k]), ...fromUV(...b)] as [number, number, number, number]));

export function nearestCellWithDepth(L: Lattice, depth: Int16Array, x: number, y: number, minDepth: number): number {
  const start = cellAt(L, x, y);
  return firstMatch([start], (a, visit) => { for (const b of neighbours(L, a)) if (b >= 0) visit(b, 1); }, (c) => depth[c] >= minDepth) ?? start;
}

export function buildUrban(L: Lattice, depth: Int16Array, T: Terrain, river: Set<number>, seed: number): Urban {
  const mineCell = new Uint8Array(depth.length);
  const mines = MINES.map((m) => {
    const start = nearestCellWithDepth(L, depth, ...fromUV(...m.at), 4);
    const cells = nearestFirst([start], (a, visit) => {
      for (const b of neighbours(L, a)) if (b >= 0 && depth[b] >= 2 && !river.has(b)) visit(b, 1 + T.cellRelief[b] / 30);
    }, 14);
    for (const c of cells) mineCell[c] = 1;
    return { name: m.name, cells };
  });

  const nbx = Math.ceil(L.nx / BLOCK), nby = Math.ceil(L.ny / BLOCK);
  const cellsOf = (bi: number, bj: number): number[] | null => {
    const out: number[] = [];
    for (let dj = 0; dj < BLOCK; dj++) for (let di = 0; di < BLOCK; di++) {
      const i = bi * BLOCK + di, j = bj * BLOCK + dj;
      if (i >= L.nx || j >= L.ny) return null;
      const c = cid(L, i, j);
      if (depth[c] < 2 || T.cellRelief[c] > 55 || mineCell[c]) return null;
      out.push(c);
    }
    return out;
  };
  const claimed = new Map<number, number>(), blocks: Block[] = [];
  const blockOfCell = new Int32Array(depth.length).fill(-1);
  const wobble = fbm(seed, 'urban-wobble', 2);
  const order = TOWNSHIPS.map((_, k) => k).sort((a, b) => TOWNSHIPS[b].urbanBlocks - TOWNSHIPS[a].urbanBlocks);
  for (const t of order) {
    const [sx, sy] = fromUV(...TOWNSHIPS[t].seat);
    const seatCell = firstMatch([cellAt(L, sx, sy)], (a, visit) => {
      for (const b of neighbours(L, a)) if (b >= 0) visit(b, 1);
    }, (c) => {
      const i = c % L.nx, j = (c - i) / L.nx, id = Math.floor(j / BLOCK) * nbx + Math.floor(i / BLOCK);
      return !claimed.has(id) && cellsOf(Math.floor(i / BLOCK), Math.floor(j / BLOCK)) !== null;
    }, 20000);
    if (seatCell === undefined) continue;
    const si = seatCell % L.nx, sj = (seatCell - si) / L.nx;
    const seatBlock = Math.floor(sj / BLOCK) * nbx + Math.floor(si / BLOCK);
    const grown = nearestFirst([seatBlock], (a, visit) => {
      const bi = a % nbx, bj = (a - bi) / nbx;
      for (const [di, dj] of [[1, 0], [-1, 0], [0, 1], [0, -1]]) {
        const ni = bi + di, nj = bj + dj;
        if (ni < 0 || nj < 0 || ni >= nbx || nj >= nby) continue;
        const id = nj * nbx + ni;
        const cells = claimed.has(id) ? null : cellsOf(ni, nj);
        if (!cells) continue;
        const [x, y] = cellCenter(L, cells[4]);
        const road = 0.5 + 0.5 * Math.min(1, distToSegs(x, y, trunkSegs) / 900);
        const relief = 1 + Math.max(...cells.map((c) => T.cellRelief[c])) / 35;
        const wet = cells.some((c) => river.has(c)) ? 1.4 : 1;
        visit(id, road * relief * wet * (1 + 0.4 * wobble.at(x / 1500, y / 1500)));
      }
    }, TOWNSHIPS[t].urbanBlocks);
    grown.forEach((id, rank) => {
      const bi = id % nbx, bj = (id - bi) / nbx, cells = cellsOf(bi, bj)!;
      claimed.set(id, t);
      const [x, y] = cellCenter(L, cells[4]);
      for (const c of cells) blockOfCell[c] = blocks.length;
      blocks.push({ id, bi, bj, town: t, rank, cells, x, y });
    });
  }
  return { blocks, blockOfCell, mines };
}

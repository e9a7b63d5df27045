// Township and village/community territories: grows townships, splits each town's blocks among
// its communities, sites the villages, grows their territories, then names and codes them.
import { buildCellGraph } from './cell-graph.ts';
import { splitBlocks } from './community-split.ts';
import { TOWNSHIPS } from './design.ts';
import { fromUV, toUV } from './frame.ts';
import { type Lattice, cellAt, cellCenter, cellCount, neighbours } from './lattice.ts';
import { fillUnlabelled, growRegions, type Seed } from './region-grow.ts';
import { nodeElevation, settleLabels, terrainCost, toCells } from './territories.ts';
import type { Terrain } from './terrain.ts';
import type { Urban } from './urban.ts';
import { pickVillageSites } from './village-sites.ts';

export interface Unit {
  index: number;
  town: number;
  kind: 'community' | 'village';
  name: string;
  code: string;
  /** Centre cell (a village's houses grow around it; a community's first block). */
  seedCell: number;
  /** Indices into urban.blocks (communities). */
  blocks: number[];
  hilly: boolean;
}

export interface Territories { units: Unit[]; village: Int32Array; town: Int32Array }

function distanceFrom(L: Lattice, sources: (c: number) => boolean, n: number): Int16Array {
  const d = new Int16Array(n).fill(-1);
  let front: number[] = [];
  for (let c = 0; c < n; c++) if (sources(c)) { d[c] = 0; front.push(c); }
  for (let k = 1; front.length && k < 30000; k++) {
    const next: number[] = [];
    for (const c of front) for (const m of neighbours(L, c)) if (m >= 0 && d[m] < 0) { d[m] = k; next.push(m); }
    front = next;
  }
  return d;
}

/** Moves units from townships over their capacity to the one with the most room left, one at a
 *  time, so the total stays the same; `guard` bounds the moves. */
function rebalance(initial: number[], capacity: (k: number) => number, guard: number): number[] {
  const count = [...initial], room = (k: number) => capacity(k) - count[k];
  for (let i = 0; i < guard; i++) {
    const over = count.findIndex((c, k) => c > 0 && room(k) < 0);
    if (over < 0) break;
    const to = count.map((_, k) => k).sort((a, b) => room(b) - room(a))[0];
    if (room(to) <= 0) break;
    count[over]--; count[to]++;
  }
  return count;
}

/** Communities per township: the design's numbers, moved to other towns where a town's street
 *  grid came out too small to hold them (≈ 4 blocks each). */
function shareCommunities(urban: Urban): number[] {
  const blocks = TOWNSHIPS.map((_, k) => urban.blocks.filter((b) => b.town === k).length);
  return rebalance(TOWNSHIPS.map((t) => t.communities), (k) => Math.floor(blocks[k] / 4), 200);
}

/** Villages per township: the design's numbers, moved to other townships where a township came
 *  out with less than ≈ 1.2 km² of countryside per village (a narrow lobe of the outline). */
function shareVillages(ruralKm2: number[]): number[] {
  return rebalance(TOWNSHIPS.map((t) => t.villages), (k) => Math.floor(ruralKm2[k] / 1.2), 300);
}

export function growTerritories(L: Lattice, mask: Uint8Array, depth: Int16Array, T: Terrain, urban: Urban,
  blocked: Uint8Array, seed: number): Omit<Territories, 'units'> & { units: Omit<Unit, 'name' | 'code'>[] } {
  const n = cellCount(L), g = buildCellGraph(L, mask, urban.blockOfCell), elev = nodeElevation(g, T);
  const isUrbanNode = (k: number) => urban.blockOfCell[g.cells[g.start[k]]] >= 0;
  const townSeeds: Seed[] = [];
  TOWNSHIPS.forEach((t, k) => {
    for (const b of urban.blocks) if (b.town === k) townSeeds.push({ node: g.of[b.cells[0]], label: k, reach: t.reach });
    const seat = cellAt(L, ...fromUV(...t.seat));
    if (g.of[seat] >= 0) townSeeds.push({ node: g.of[seat], label: k, reach: t.reach });
  });
  const townNode = growRegions(g, townSeeds, { edgeCost: terrainCost(g, elev, seed, 'township-wobble', 3500) });
  fillUnlabelled(g, townNode, () => true);

  const fromUrban = distanceFrom(L, (c) => urban.blockOfCell[c] >= 0, n);
  const townOf = (c: number) => (g.of[c] >= 0 ? townNode[g.of[c]] : -1);
  const fromEdge = distanceFrom(L, (c) => neighbours(L, c).some((m) => m < 0 || townOf(m) !== townOf(c)), n);
  const units: Omit<Unit, 'name' | 'code'>[] = [], seeds: Seed[] = [];
  const communities = shareCommunities(urban);
  const rural = TOWNSHIPS.map(() => 0);
  for (let c = 0; c < n; c++) if (g.of[c] >= 0 && urban.blockOfCell[c] < 0) rural[townNode[g.of[c]]]++;
  const villages = shareVillages(rural.map((cells) => (cells * L.s * L.s) / 1e6));
  TOWNSHIPS.forEach((t, k) => {
    const blocks = urban.blocks.map((b, idx) => ({ b, idx })).filter(({ b }) => b.town === k).sort((a, b) => a.b.rank - b.b.rank);
    const commOf = splitBlocks(g, blocks.map(({ b }) => g.of[b.cells[0]]), communities[k]);
    for (let i = 0; i < communities[k]; i++) {
      const mine = blocks.filter((_, m) => commOf[m] === i);
      const unit = { index: units.length, town: k, kind: 'community' as const, blocks: mine.map((m) => m.idx), hilly: false,
        seedCell: mine.length ? mine[0].b.cells[4] : cellAt(L, ...fromUV(...t.seat)) };
      units.push(unit);
      for (const m of mine) seeds.push({ node: g.of[m.b.cells[0]], label: unit.index, reach: 0.6 });
      if (!mine.length && g.of[unit.seedCell] >= 0) seeds.push({ node: g.of[unit.seedCell], label: unit.index, reach: 0.6 });
    }
    const candidates: number[] = [];
    for (let c = 0; c < n; c++) {
      if (g.of[c] < 0 || townNode[g.of[c]] !== k || urban.blockOfCell[c] >= 0 || depth[c] < 2 || blocked[c]) continue;
      if (fromUrban[c] >= 6 && fromEdge[c] >= 4 && T.cellRelief[c] < 140) candidates.push(c);
    }
    const avoid = units.filter((u) => u.town === k).map((u) => cellCenter(L, u.seedCell));
    for (const c of pickVillageSites(L, T, seed, { candidates, count: villages[k], avoid })) {
      const [u] = toUV(...cellCenter(L, c));
      const unit = { index: units.length, town: k, kind: 'village' as const, blocks: [], seedCell: c,
        hilly: T.cellRelief[c] > 20 || (u < 0.45 && T.valleyDist[c] < 1500) };
      units.push(unit);
      seeds.push({ node: g.of[c], label: unit.index, reach: 1 });
    }
  });
  const unitNode = growRegions(g, seeds, {
    edgeCost: terrainCost(g, elev, seed, 'village-wobble', 1200),
    within: (node) => townNode[node] >= 0,
    allowed: (label, node) => units[label].town === townNode[node] && (units[label].kind === 'community' || !isUrbanNode(node)),
  });
  fillUnlabelled(g, unitNode, () => true, (label, node) => units[label].town === townNode[node]);
  fillUnlabelled(g, unitNode, () => true); // exclaves no unit of their township reached
  const village = toCells(g, unitNode, n);
  const frozen = Uint8Array.from({ length: n }, (_, c) => (urban.blockOfCell[c] >= 0 ? 1 : 0));
  const town = settleLabels(L, village, units.map((u) => u.town), frozen);
  return { units, village, town };
}

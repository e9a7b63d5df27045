// Stage 1 of the generator: the land. Lattice → district outline → relief → water → mines and
// town blocks → township and village territories. Later stages (roads, buildings, people) read
// this and never move a vertex again, except relax.ts which runs before them.
import { HERITAGE, MINES, RIVER, TOWNSHIPS, TRUNKS } from './design.ts';
import { type Lattice, cellCount, createLattice } from './lattice.ts';
import { districtMask, fitToExtent, rimDepth } from './outline.ts';
import { buildTerrain, type Terrain } from './terrain.ts';
import { buildUrban, type Urban } from './urban.ts';
import { nameUnits } from './unit-names.ts';
import { growTerritories, type Territories } from './villages.ts';
import { buildWater, type Water } from './hydro.ts';

export interface Layout extends Territories {
  seed: number;
  L: Lattice;
  mask: Uint8Array;
  depth: Int16Array;
  terrain: Terrain;
  water: Water;
  urban: Urban;
  /** Cells no house may use: river, pond, reservoir, mines. */
  blocked: Uint8Array;
}

export function buildLayout(seed: number): Layout {
  const L = createLattice(seed);
  const keep = [...MINES.map((m) => m.at), ...HERITAGE.map((h) => h.at), RIVER.source, ...TRUNKS.flatMap((t) => t.via.slice(1, -1))];
  const mask = districtMask(L, seed, keep, TOWNSHIPS.map((t) => t.seat));
  fitToExtent(L, mask);
  const depth = rimDepth(L, mask);
  const terrain = buildTerrain(L, seed);
  const water = buildWater(L, mask, depth, terrain, seed);
  const urban = buildUrban(L, depth, terrain, new Set(water.river), seed);
  const blocked = new Uint8Array(cellCount(L));
  for (const c of [...water.river, ...water.pond, ...water.reservoir, ...urban.mines.flatMap((m) => m.cells)]) blocked[c] = 1;
  const t = growTerritories(L, mask, depth, terrain, urban, blocked, seed);
  return { seed, L, mask, depth, terrain, water, urban, blocked, village: t.village, town: t.town, units: nameUnits(L, t.units, seed) };
}

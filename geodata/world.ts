// Stage 2: everything built on the land — roads, town blocks, compounds, villages, households,
// grids and land use — in the metric frame. rows/*.ts turn it into seed rows.
import { AddressBook } from './address-book.ts';
import { assignBlockUses, type BlockUse } from './blocks.ts';
import { type Layout, buildLayout } from './layout.ts';
import { BLOCK, cellCount, corners } from './lattice.ts';
import { type GridPlan, planGrids } from './grids.ts';
import { drawHousehold, type Household, hitTotal } from './households.ts';
import { classifyLanduse, heritageCells } from './landuse.ts';
import type { Built } from './model.ts';
import { rng } from './prng.ts';
import { publicBlock, type Landmark } from './public-blocks.ts';
import { reserveCompounds } from './reserve.ts';
import { createRoadGraph, type RoadGraph } from './roads/graph.ts';
import { connectNetwork, linkSettlements } from './roads/links.ts';
import { buildCountyRoads, buildTrunks } from './roads/main-roads.ts';
import { Network } from './roads/network.ts';
import { addStreets } from './roads/streets.ts';
import { buildWays, type RoadFeature } from './roads/ways.ts';
import { relaxLattice } from './relax.ts';
import { compoundBlock, oldTownBlock } from './town-housing.ts';
import { buildVillage, type Cluster } from './village-housing.ts';
import { mineWorks, smallClinics } from './mine-sites.ts';
import { villageTargets } from './village-targets.ts';

export interface World {
  layout: Layout;
  graph: RoadGraph;
  net: Network;
  roads: RoadFeature[];
  uses: BlockUse[];
  built: Built;
  landmarks: Landmark[];
  clusters: Cluster[];
  /** One per dwelling, in building order then dwelling order. */
  households: Household[];
  grids: GridPlan;
  landuse: ReturnType<typeof classifyLanduse>;
  heritage: { name: string; cells: number[] }[];
}

/** District total of residents: 46万 (MCA figure, domain-rules.md §3.2), ± a seeded 0.4 %. */
export const POPULATION_TARGET = 460_000;

/** A unit of 501–639 households cannot be cut into grids of 300–500: leave enough flats (or
 *  else houses) empty — vacancy is real — to bring it to 500. */
function trimUnits(built: Built, r: ReturnType<typeof rng>): void {
  const byUnit = new Map<number, Built['buildings']>();
  for (const b of built.buildings) if (b.dwellings.length) (byUnit.get(b.unit) ?? byUnit.set(b.unit, []).get(b.unit)!).push(b);
  for (const list of byUnit.values()) {
    let total = list.reduce((s, b) => s + b.dwellings.length, 0);
    const flats = list.filter((b) => b.kind === 'midrise'), houses = list.filter((b) => b.kind !== 'midrise');
    while (total > 500 && total < 640 && (flats.length || houses.length)) {
      const pool = flats.length ? flats : houses, b = r.pick(pool);
      if (b.dwellings.length > (pool === flats ? 1 : 0)) { b.dwellings.splice(r.int(0, b.dwellings.length - 1), 1); total--; }
      else pool.splice(pool.indexOf(b), 1);
    }
  }
}

export function buildWorld(seed: number): World {
  const layout = buildLayout(seed), { L } = layout, n = cellCount(L);
  const heritage = heritageCells(layout);
  relaxLattice(L, layout.village, (c) => layout.urban.blockOfCell[c] >= 0, seed);
  const barrier = Int32Array.from(layout.urban.blockOfCell);
  for (const c of [...layout.water.pond, ...layout.water.reservoir]) barrier[c] = 1e6;
  layout.urban.mines.forEach((m, k) => { for (const c of m.cells) barrier[c] = 1e6 + 1 + k; });
  for (const h of heritage) for (const c of h.cells) barrier[c] = 2e6;
  const graph = createRoadGraph(L, layout.terrain, layout.mask, barrier), net = new Network(graph);
  const seats = buildTrunks(layout, graph, net);
  const uses = assignBlockUses(layout, seed);
  const { namesFor, forced } = reserveCompounds(layout, uses, net, seed);
  addStreets(layout, net, seats, forced, seed);
  buildCountyRoads(graph, net, seats);

  const built: Built = { places: [], buildings: [] }, landmarks: Landmark[] = [];
  const usedNames = new Set<string>([...layout.units.map((u) => u.name), ...[...namesFor.values()].flat()]);
  const ctx = { layout, net, book: new AddressBook(), built, usedNames, namesFor, unitOfBlock: (k: number) => layout.village[layout.urban.blocks[k].cells[4]] };
  const rTown = rng(seed, 'town-housing'), counters = new Map<string, number>();
  uses.forEach((use, k) => {
    if (use === 'compound') compoundBlock(ctx, k, rTown);
    else if (use === 'oldTown') oldTownBlock(ctx, k, rTown);
    else landmarks.push(...publicBlock(layout, built, k, use, ctx.unitOfBlock(k), rTown, counters, () => {
      const b = layout.urban.blocks[k], w = L.nx + 1, v = b.bj * BLOCK * w + b.bi * BLOCK + 1;
      const road = net.get(v, v + 1)?.name ?? null;
      return { road, roadno: ctx.book.number(b.town, road ?? '') };
    }));
  });
  trimUnits(built, rng(seed, 'vacancy'));
  const urbanHouseholds = built.buildings.reduce((s, b) => s + b.dwellings.length, 0);

  const targets = villageTargets(layout, urbanHouseholds, POPULATION_TARGET, seed);
  const taken = new Uint8Array(n), clusters: Cluster[] = [], rVillage = rng(seed, 'villages');
  for (const h of heritage) for (const c of h.cells) taken[c] = 1;
  for (const u of layout.units) if (u.kind === 'village') clusters.push(...buildVillage(layout, net, built, u, targets[u.index], taken, usedNames, rVillage));
  for (const h of heritage) for (const c of h.cells) taken[c] = 0;
  trimUnits(built, rng(seed, 'vacancy-villages'));
  mineWorks(layout, built);
  smallClinics(layout, built, rng(seed, 'clinics'));
  linkSettlements(layout, graph, net, clusters, taken);
  connectNetwork(graph, net);
  const pinned = new Uint8Array(graph.V);
  // road bends next to houses and town blocks stay where they are (smoothing would cut corners into them)
  for (let c = 0; c < n; c++) if (taken[c] || layout.urban.blockOfCell[c] >= 0) for (const v of corners(L, c)) pinned[v] = 1;
  const roads = buildWays(net, (node) => node < graph.V && pinned[node] === 1);

  const rHouse = rng(seed, 'households'), households: Household[] = [];
  for (const b of built.buildings) for (const d of b.dwellings) households.push(drawHousehold(rHouse, d.rural));
  hitTotal(households, Math.round(POPULATION_TARGET * (1 + rng(seed, 'population').float(-0.004, 0.004))), rHouse);
  const perCell = new Int32Array(n);
  for (const b of built.buildings) perCell[b.cell] += b.dwellings.length;
  const grids = planGrids(layout, perCell);
  const landuse = classifyLanduse(layout, { uses, builtUp: taken, heritage });
  return { layout, graph, net, roads, uses, built, landmarks, clusters, households, grids, landuse, heritage };
}

// Village houses: each village's households (sized to make the district total) live in
// courtyard plots on cells grown from the village centre along flat ground (so mountain villages
// stretch along their valley), hilly villages with a second hamlet (自然村) up the valley. Every
// built-up cell's edges become lanes; doors are numbered by villagers' group: "5组12号".
import type { Layout } from './layout.ts';
import { type Courtyard, courtyardPlots } from './courtyards.ts';
import { type Lattice, cellCenter, corners, neighbours } from './lattice.ts';
import type { Built, DwellingDraft } from './model.ts';
import { villageName } from './names.ts';
import { fbm } from './noise.ts';
import type { Rng } from './prng.ts';
import { nearestFirst } from './search.ts';
import type { Network } from './roads/network.ts';
import type { Unit } from './villages.ts';

export interface Cluster { unit: number; cells: number[]; centreVertex: number; place: number }

const PLOTS_PER_CELL = 7.4; // expected kept plots per cell (2 rows × 4.5 × 0.9, minus lanes)

/** Cells around `start` in order of cost: 8-neighbour steps (so shapes come out round, not
 *  diamond), dearer uphill, cheaper beside an existing road (villages string along roads). */
function growCells(layout: Layout, net: Network, start: number, want: number, ok: (c: number) => boolean, seed: number): number[] {
  const wobble = fbm(seed, 'village-shape', 2), L: Lattice = layout.L, w = L.nx + 1;
  const byRoad = (c: number) => {
    const i = c % L.nx, v = (c - i) / L.nx * w + i;
    return net.degree[v] + net.degree[v + 1] + net.degree[v + w] + net.degree[v + w + 1] > 0;
  };
  return nearestFirst([start], (a, visit) => {
    const ai = a % L.nx, aj = (a - ai) / L.nx;
    for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) {
      const i = ai + di, j = aj + dj;
      if ((!di && !dj) || i < 0 || j < 0 || i >= L.nx || j >= L.ny) continue;
      const b = j * L.nx + i;
      if (!ok(b)) continue;
      const [x, y] = cellCenter(L, b);
      visit(b, Math.hypot(di, dj) * (1 + layout.terrain.cellRelief[b] / 12) * (1 + 0.55 * wobble.at(x / 350, y / 350)) * (byRoad(b) ? 0.6 : 1));
    }
  }, want);
}

export function buildVillage(layout: Layout, net: Network, built: Built, u: Unit, households: number,
  taken: Uint8Array, usedNames: Set<string>, r: Rng): Cluster[] {
  const { L } = layout, V = L.vx.length;
  const ok = (c: number) => layout.village[c] === u.index && !taken[c] && !layout.blocked[c]
    && layout.urban.blockOfCell[c] < 0 && net.degree[V + c] === 0 && layout.depth[c] >= 1;
  const start = ok(u.seedCell) ? u.seedCell : nearestFirst([u.seedCell], (a, visit) => {
    for (const b of neighbours(L, a)) if (b >= 0 && layout.village[b] === u.index) visit(b, 1);
  }, 5000, ok).pop()!;
  // a hamlet up the valley: the first open cell more than 550 m from the centre along easy ground
  const [sx, sy] = cellCenter(L, start);
  const hamlet = u.hilly && households >= 300 ? nearestFirst([start], (a, visit) => {
    for (const b of neighbours(L, a)) if (b >= 0 && layout.village[b] === u.index) visit(b, 1 + layout.terrain.cellRelief[b] / 10);
  }, 4000, (c) => ok(c) && Math.hypot(cellCenter(L, c)[0] - sx, cellCenter(L, c)[1] - sy) > 550).pop() : undefined;
  const useHamlet = hamlet !== undefined && ok(hamlet) && Math.hypot(cellCenter(L, hamlet)[0] - sx, cellCenter(L, hamlet)[1] - sy) > 550;
  const hamletWant = useHamlet ? Math.round(households * r.float(0.25, 0.38)) : 0;
  const parts: [number, number][] = useHamlet ? [[start, households - hamletWant], [hamlet!, hamletWant]] : [[start, households]];
  const clusters: Cluster[] = [];
  let groupsUsed = 0;
  for (const [k, [origin, want]] of parts.entries()) {
    // one growth, then take cells in order until there are enough plots; where the village has
    // little open ground (a narrow valley) the plots are packed tighter
    const avail = growCells(layout, net, origin, Math.ceil(want / 5) + 30, ok, layout.seed);
    const dense = avail.length * PLOTS_PER_CELL < want * 1.2;
    const cells: number[] = [], plots: (Courtyard & { c: number })[] = [];
    for (const c of avail) {
      if (plots.length >= want * (dense ? 1.03 : 1.1)) break;
      cells.push(c);
      for (const p of courtyardPlots(L, c, r, dense ? 4 : 5, dense ? 0.03 : 0.1, dense ? 6 : undefined)) plots.push({ ...p, c });
    }
    const keep = r.shuffle(plots.map((_, i) => i)).slice(0, want).sort((a, b) => a - b);
    for (const c of cells) taken[c] = 1;
    const place = built.places.length;
    const name = k === 0 ? u.name.replace(/村$/, '') : villageName(r, usedNames, true).replace(/村$/, '');
    built.places.push({ kind: 'naturalVillage', subkind: null, name, unit: u.index, point: cellCenter(L, origin) });
    const groupSize = r.int(45, 70);
    keep.forEach((pi, idx) => {
      const p = plots[pi], roadno = `${groupsUsed + Math.floor(idx / groupSize) + 1}组${(idx % groupSize) + 1}号`;
      const d: DwellingDraft = { x: p.gate[0], y: p.gate[1], cell: p.c, road: null, roadno, poi: null, houseno: null, cellno: null, roomno: null, rural: true };
      built.buildings.push({ place, unit: u.index, cell: p.c, name: roadno, kind: 'courtyard', units: 1, floors: r.chance(0.15) ? 2 : 1, ring: p.ring, dwellings: [d] });
    });
    groupsUsed += Math.ceil(keep.length / groupSize);
    for (const c of cells) {
      const [a, b, cc, d] = corners(L, c);
      net.add(a, b, 'lane', null); net.add(b, cc, 'lane', null); net.add(cc, d, 'lane', null); net.add(d, a, 'lane', null);
    }
    clusters.push({ unit: u.index, cells, centreVertex: corners(L, origin)[0], place });
  }
  return clusters;
}

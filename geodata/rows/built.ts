// places, buildings, address_points and households rows from the built drafts. The three big
// tables are lazy (lazy.ts); the sums places need are computed up front from plain numbers.
import { TOWNSHIPS } from '../design.ts';
import { cellAt } from '../lattice.ts';
import type { SeedRow } from '../types.ts';
import type { World } from '../world.ts';
import { addressOf } from './address.ts';
import type { AdminIds } from './admin.ts';
import { centroid, point, polygon } from './geometry.ts';
import { lazy } from './lazy.ts';

export interface BuiltRows {
  places: SeedRow<'places'>[];
  buildings: Iterable<SeedRow<'buildings'>>;
  addressPoints: Iterable<SeedRow<'address_points'>>;
  households: Iterable<SeedRow<'households'>>;
  /** Per building: residents; per building: id of its first address point. */
  residents: Int32Array;
  firstAddressId: Int32Array;
}

export function builtRows(w: World, ids: AdminIds): BuiltRows {
  const { layout, built, households, grids } = w, L = layout.L;
  const gridOfCell = (c: number) => (grids.label[c] >= 0 ? ids.gridId[grids.label[c]] ?? null : null);
  const nb = built.buildings.length, residents = new Int32Array(nb), firstAddressId = new Int32Array(nb);
  const placePop = new Int32Array(built.places.length), placeHh = new Int32Array(built.places.length);
  const placeGrids = built.places.map(() => new Map<number, number>());
  let k = 0;
  built.buildings.forEach((b, bi) => {
    firstAddressId[bi] = k + 1;
    for (let d = 0; d < b.dwellings.length; d++) residents[bi] += households[k++].residents;
    if (b.place === null) return;
    placePop[b.place] += residents[bi]; placeHh[b.place] += b.dwellings.length;
    const g = gridOfCell(b.cell);
    if (g !== null) placeGrids[b.place].set(g, (placeGrids[b.place].get(g) ?? 0) + 1);
  });
  const places = built.places.map((p, i): SeedRow<'places'> => {
    const at = p.point ?? p.gate ?? centroid(p.ring!);
    const majority = [...placeGrids[i].entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? gridOfCell(cellAt(L, at[0], at[1]));
    return { id: i + 1, kind: p.kind, subkind: p.subkind, name: p.name, admin_unit_id: ids.unitId[p.unit], grid_id: majority,
      population: placePop[i], households: placeHh[i], synthetic: 1, geometry: p.ring ? polygon(p.ring) : point(p.point!) };
  });
  const buildings = lazy(function* () {
    for (let bi = 0; bi < nb; bi++) {
      const b = built.buildings[bi];
      yield { id: bi + 1, place_id: b.place === null ? null : b.place + 1, grid_id: gridOfCell(b.cell), admin_unit_id: ids.unitId[b.unit],
        name: b.name, kind: b.kind, units: b.units, floors: b.floors, households: b.dwellings.length, residents: residents[bi],
        synthetic: 1, geometry: polygon(b.ring) } satisfies SeedRow<'buildings'>;
    }
  });
  const addressPoints = lazy(function* () {
    for (let bi = 0; bi < nb; bi++) {
      const b = built.buildings[bi], unit = layout.units[b.unit], town = TOWNSHIPS[unit.town].name, grid = gridOfCell(b.cell);
      for (let d = 0; d < b.dwellings.length; d++) {
        const dw = b.dwellings[d], { address, parts } = addressOf(town, unit.name, dw);
        yield { id: firstAddressId[bi] + d, building_id: bi + 1, grid_id: grid, admin_unit_id: ids.unitId[b.unit], address,
          parts: JSON.stringify(parts), synthetic: 1, geometry: point([dw.x, dw.y]) } satisfies SeedRow<'address_points'>;
      }
    }
  });
  const hhRows = lazy(function* () {
    for (let bi = 0; bi < nb; bi++) {
      for (let d = 0; d < built.buildings[bi].dwellings.length; d++) {
        const id = firstAddressId[bi] + d, h = households[id - 1];
        yield { id, address_point_id: id, building_id: bi + 1, residents: h.residents,
          age_0_14: h.bands[0], age_15_64: h.bands[1], age_65_plus: h.bands[2] } satisfies SeedRow<'households'>;
      }
    }
  });
  return { places, buildings, addressPoints, households: hhRows, residents, firstAddressId };
}

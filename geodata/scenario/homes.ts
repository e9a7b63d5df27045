// Where people live, for the scenario: every dwelling (= address point = household) with its
// unit, building, place and position, plus per-unit and per-place lists to draw homes from.
import { TOWNSHIPS } from '../design.ts';
import type { XY } from '../model.ts';
import { addressOf } from '../rows/address.ts';
import type { World } from '../world.ts';

export interface Homes {
  count: number;
  unit: Int32Array;
  building: Int32Array;
  place: Int32Array;
  x: Float64Array;
  y: Float64Array;
  byUnit: number[][];
  byPlace: Map<number, number[]>;
  /** Persons already placed in each dwelling (never more than its residents). */
  taken: Int32Array;
  address(k: number): string;
  at(k: number): XY;
}

export function indexHomes(w: World): Homes {
  const count = w.households.length;
  const unit = new Int32Array(count), building = new Int32Array(count), place = new Int32Array(count);
  const x = new Float64Array(count), y = new Float64Array(count);
  const byUnit: number[][] = w.layout.units.map(() => []), byPlace = new Map<number, number[]>();
  let k = 0;
  w.built.buildings.forEach((b, bi) => {
    for (const d of b.dwellings) {
      unit[k] = b.unit; building[k] = bi; place[k] = b.place ?? -1; x[k] = d.x; y[k] = d.y;
      byUnit[b.unit].push(k);
      if (b.place !== null) (byPlace.get(b.place) ?? byPlace.set(b.place, []).get(b.place)!).push(k);
      k++;
    }
  });
  const indexOfFirst = new Int32Array(w.built.buildings.length);
  for (let i = count - 1; i >= 0; i--) indexOfFirst[building[i]] = i;
  const dwellingOf = (i: number) => w.built.buildings[building[i]].dwellings[i - indexOfFirst[building[i]]];
  return {
    count, unit, building, place, x, y, byUnit, byPlace, taken: new Int32Array(count),
    address: (i) => {
      const u = w.layout.units[unit[i]];
      return addressOf(TOWNSHIPS[u.town].name, u.name, dwellingOf(i)).address;
    },
    at: (i) => [x[i], y[i]],
  };
}

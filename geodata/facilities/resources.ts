// Supply depots (one per township at its market or office, a district store at the seat),
// closed-loop transfer vehicles parked at the health centres and depots (more where the
// outbreak is), and fever clinics at the health centres. Capacities: depot = daily supply
// packages, vehicle = passenger seats, clinic = visits per day.
import { townShort } from '../address-book.ts';
import { DISTRICT, TOWNSHIPS } from '../design.ts';
import { toLngLat } from '../frame.ts';
import type { XY } from '../model.ts';
import { rng } from '../prng.ts';
import type { Landmark } from '../public-blocks.ts';
import type { SeedRow } from '../types.ts';
import { SEAL_0429 } from './common.ts';

export function resourceRows(landmarks: readonly Landmark[], townPopulation: readonly number[], busyTown: number, seed: number): SeedRow<'resources'>[] {
  const r = rng(seed, 'resources'), rows: SeedRow<'resources'>[] = [];
  const add = (kind: SeedRow<'resources'>['kind'], name: string, capacity: number, at: XY, status: 'active' | 'standby' = 'active') =>
    rows.push({ id: rows.length + 1, kind, name, capacity, status, valid_from: SEAL_0429, valid_to: null, synthetic: 1,
      geometry: { type: 'Point', coordinates: toLngLat(...at) } });
  const byTown = (town: number, ...uses: Landmark['use'][]) => uses.map((u) => landmarks.find((l) => l.town === town && l.use === u)).find(Boolean);
  TOWNSHIPS.forEach((t, k) => {
    const depot = byTown(k, 'market', 'government');
    if (depot) add('supplyDepot', `${townShort(t.name)}应急物资储备点`, Math.round(townPopulation[k] / 8 / 100) * 100, [depot.at[0] + 30, depot.at[1]]);
    if (k === 0 && depot) add('supplyDepot', `${DISTRICT.name}应急物资储备库`, 20_000, [depot.at[0] - 40, depot.at[1] + 25]);
    const clinic = byTown(k, 'hospital');
    if (clinic) add('feverClinic', `${clinic.name}发热门诊`, r.int(60, 200), [clinic.at[0] + 20, clinic.at[1] - 20]);
    const base = clinic ?? depot;
    if (!base) return;
    const vehicles = k === busyTown ? 10 : townPopulation[k] > 40_000 ? 4 : 2;
    for (let v = 0; v < vehicles; v++) {
      add('transferVehicle', `${townShort(t.name)}闭环转运车${String(v + 1).padStart(2, '0')}`, r.pick([4, 5, 7]),
        [base.at[0] - 25 + 12 * (v % 5), base.at[1] - 35 - 10 * Math.floor(v / 5)], v < vehicles - 1 ? 'active' : 'standby');
    }
  });
  return rows;
}

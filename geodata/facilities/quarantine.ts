// Centralised quarantine sites (集中隔离点): the hotels and training centres of the town edges,
// ≥ 20 rooms per 10,000 residents (NHC 2021-09-29, domain-rules.md §1.7: 46万 → ≥ 920 rooms).
// Rooms are mostly single with own bathroom, plus some multi-person rooms (a child or an elderly
// person with a carer) and accessible rooms, as the 2022 design guide (国卫办规划函〔2022〕255号)
// describes. Blocks A, B, … let allocation keep contact categories apart.
import { TOWNSHIPS } from '../design.ts';
import { toLngLat } from '../frame.ts';
import { rng } from '../prng.ts';
import type { Landmark } from '../public-blocks.ts';
import { ADDRESS_PREFIX } from '../rows/address.ts';
import type { SeedRow } from '../types.ts';

export interface RoomDraft { site: number; block: string; floor: number; roomNo: string; kind: 'single' | 'multi' | 'accessible'; capacity: number }

const OPENED = '2022-04-20T00:00:00.000Z';

export function quarantineSites(hotels: readonly Landmark[], population: number, seed: number) {
  const r = rng(seed, 'quarantine');
  const needed = Math.ceil((population / 10_000) * 20);
  const sites: SeedRow<'quarantine_sites'>[] = hotels.map((h, i) => ({
    id: i + 1, name: `${h.name}集中隔离点`, address: `${ADDRESS_PREFIX}${TOWNSHIPS[h.town].name}${h.road ?? ''}${h.roadno}`,
    status: i < hotels.length - 2 ? 'active' : 'standby', created_at: OPENED, updated_at: OPENED, valid_from: OPENED, valid_to: null,
    synthetic: 1, geometry: { type: 'Point', coordinates: toLngLat(...h.at) },
  }));
  // share the rooms out: about 10 % above the standard, larger sites first
  const shares = sites.map(() => r.float(0.7, 1.3)), total = shares.reduce((s, x) => s + x, 0);
  const rooms: RoomDraft[] = [];
  sites.forEach((site, i) => {
    let want = Math.round((needed * 1.1 * shares[i]) / total);
    const blocks = want > 150 ? ['A', 'B', 'C'] : ['A', 'B'];
    const perFloor = r.int(12, 22);
    for (let floor = 1; want > 0; floor++) {
      for (const block of blocks) {
        for (let k = 1; k <= perFloor && want > 0; k++, want--) {
          const roll = r.next();
          const kind = floor === 1 && roll < 0.25 ? 'accessible' : roll < 0.1 ? 'multi' : 'single';
          rooms.push({ site: site.id, block, floor, roomNo: `${floor}${String(k).padStart(2, '0')}`, kind,
            capacity: kind === 'multi' ? r.int(2, 3) : kind === 'accessible' ? r.int(1, 2) : 1 });
        }
      }
    }
  });
  return { sites, rooms };
}

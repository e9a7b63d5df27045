// Investigation results (流调) per case: 2–5 places with time windows in the days before the
// sample — home, and markets, squares, schools, workplaces, clinics or friends' compounds in the
// home township (sometimes the seat) — each a point at the place.
import { toLngLat } from '../frame.ts';
import type { PlaceDraft, XY } from '../model.ts';
import type { Rng } from '../prng.ts';
import { centroid } from '../rows/geometry.ts';
import type { SeedRow } from '../types.ts';
import type { World } from '../world.ts';
import { addDays, iso, localTime } from '../facilities/common.ts';
import type { Homes } from './homes.ts';
import type { PersonDraft } from './persons.ts';

const NOTE: Partial<Record<PlaceDraft['kind'], string>> = {
  market: '购物', square: '广场活动', school: '接送孩子', workplace: '工作', clinic: '就诊', compound: '探亲访友',
  publicBuilding: '办事', naturalVillage: '走亲戚',
};

const spot = (p: PlaceDraft): XY => p.gate ?? p.point ?? centroid(p.ring!);

export function exposureRows(w: World, homes: Homes, persons: PersonDraft[], r: Rng): SeedRow<'exposures'>[] {
  const rows: SeedRow<'exposures'>[] = [];
  const byTown = new Map<number, number[]>();
  w.built.places.forEach((p, i) => {
    if (!NOTE[p.kind]) return;
    const t = w.layout.units[p.unit].town;
    (byTown.get(t) ?? byTown.set(t, []).get(t)!).push(i);
  });
  persons.forEach((p, pi) => {
    const c = p.caseDraft;
    if (!c) return;
    const add = (place: number | null, building: number | null, at: XY, start: number, end: number, note: string) =>
      rows.push({ id: rows.length + 1, person_id: pi + 1, place_id: place === null ? null : place + 1, building_id: building === null ? null : building + 1,
        start_at: iso(start), end_at: iso(end), note, geometry: { type: 'Point', coordinates: toLngLat(...at) } });
    const homePlace = homes.place[p.home];
    add(homePlace >= 0 ? homePlace : null, homes.building[p.home], homes.at(p.home),
      localTime(addDays(c.sampleDate, -2), 18), localTime(c.sampleDate, 8), '居住地');
    const town = w.layout.units[homes.unit[p.home]].town;
    for (let k = r.int(1, 4); k > 0; k--) {
      const pool = byTown.get(r.chance(0.7) ? town : 0) ?? byTown.get(town) ?? [];
      if (!pool.length) break;
      const place = pool[r.int(0, pool.length - 1)], pd = w.built.places[place];
      const start = localTime(addDays(c.sampleDate, -r.int(0, 3)), r.int(7, 20)) + r.int(0, 3) * 15 * 60_000;
      add(place, null, spot(pd), start, start + r.int(1, 6) * 30 * 60_000, NOTE[pd.kind]!);
    }
  });
  return rows;
}

// Nucleic-acid sampling points (核酸采样点): one per 2,000–3,000 residents (区域核酸检测组织实施
// 指南 第三版, 2022-03-22; domain-rules.md §1.8: 46万 → 153–230), shared out by population
// (largest remainder) and set at compound gates, squares, schools and village centres; one
// 24-hour site per town seat. Kinds: fixed, convenience, mobile, allDay.
import { townShort } from '../address-book.ts';
import { TOWNSHIPS } from '../design.ts';
import { toLngLat } from '../frame.ts';
import { cellCenter } from '../lattice.ts';
import type { XY } from '../model.ts';
import { rng } from '../prng.ts';
import type { SeedRow } from '../types.ts';
import type { World } from '../world.ts';
import { SEAL_0429 } from './common.ts';

export const PEOPLE_PER_SITE = 2_500;

export function testingSiteRows(w: World, unitPopulation: readonly number[], seed: number): SeedRow<'testing_sites'>[] {
  const r = rng(seed, 'testing-sites'), { units } = w.layout;
  const total = unitPopulation.reduce((s, p) => s + p, 0), count = Math.round(total / PEOPLE_PER_SITE);
  const seats = w.landmarks.filter((l) => l.use === 'hospital' || (l.use === 'square' && !w.landmarks.some((h) => h.use === 'hospital' && h.town === l.town)));
  const allDay = seats.filter((l, i) => seats.findIndex((m) => m.town === l.town) === i);
  const quota = unitPopulation.map((p) => (p * (count - allDay.length)) / total), share = quota.map(Math.floor);
  const rest = count - allDay.length - share.reduce((s, x) => s + x, 0);
  quota.map((q, i) => ({ i, f: q - Math.floor(q) })).sort((a, b) => b.f - a.f || a.i - b.i).slice(0, rest).forEach(({ i }) => share[i]++);
  const rows: SeedRow<'testing_sites'>[] = [];
  const add = (name: string, kind: SeedRow<'testing_sites'>['kind'], at: XY) => {
    const [cap, hours] = kind === 'allDay' ? [r.int(150, 300), '00:00-24:00'] : kind === 'fixed' ? [r.int(200, 400), '07:00-19:00']
      : kind === 'convenience' ? [r.int(120, 240), r.pick(['07:00-11:00,15:00-19:00', '06:30-10:30,16:00-20:00'])] : [r.int(120, 180), '08:00-17:00'];
    rows.push({ id: rows.length + 1, name, kind, capacity_per_hour: cap, opening_hours: hours, status: 'active',
      created_at: SEAL_0429, updated_at: SEAL_0429, valid_from: SEAL_0429, valid_to: null, synthetic: 1,
      geometry: { type: 'Point', coordinates: toLngLat(...at) } });
  };
  for (const l of allDay) add(`${townShort(TOWNSHIPS[l.town].name)}24小时核酸采样点`, 'allDay', l.at);
  for (const u of units) {
    const spots: { name: string; at: XY }[] = [];
    for (const p of w.built.places) {
      if (p.unit !== u.index) continue;
      if ((p.kind === 'compound' || p.kind === 'square' || p.kind === 'school' || p.kind === 'market') && p.gate) spots.push({ name: p.name, at: p.gate });
      if (p.kind === 'naturalVillage' && p.point) spots.push({ name: p.name, at: p.point });
    }
    if (!spots.length) spots.push({ name: u.name, at: cellCenter(w.layout.L, u.seedCell) });
    r.shuffle(spots);
    for (let k = 0; k < share[u.index]; k++) {
      const s = spots[k % spots.length];
      const again = k >= spots.length ? `${Math.floor(k / spots.length) + 1}` : '';
      const at: XY = again ? [s.at[0] + r.float(-40, 40), s.at[1] + r.float(-40, 40)] : s.at;
      const kind = u.kind === 'village' ? (r.chance(0.3) ? 'mobile' : 'fixed') : r.chance(0.45) ? 'convenience' : r.chance(0.85) ? 'fixed' : 'mobile';
      const base = s.name.startsWith(u.name.replace(/(村|社区)$/, '')) ? s.name : `${u.name}${s.name}`;
      add(`${base}${again && `${again}号`}核酸采样点`, kind, at);
    }
  }
  return rows;
}

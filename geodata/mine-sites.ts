// The mines' surface works: two shafts (主井, 副井) with headframe buildings, and the miners'
// "两堂一舍" — canteen (食堂), bath-house (浴室) and dormitory (宿舍) — each a workplace place
// with its building, inside the mine's cells. Plus small clinics: a 卫生室 in every larger
// village and a 社区卫生服务站 in every community.
import type { Layout } from './layout.ts';
import { type Lattice, cellPoint } from './lattice.ts';
import type { Built, XY } from './model.ts';
import type { Rng } from './prng.ts';

const WORKS: [string, string, 'industrial' | 'public', number, number, number][] = [
  // subkind, name suffix, building kind, width m, depth m, floors
  ['mineShaft', '主井', 'industrial', 24, 16, 3],
  ['mineShaft', '副井', 'industrial', 20, 14, 2],
  ['canteen', '职工食堂', 'public', 40, 16, 2],
  ['bathhouse', '职工浴室', 'public', 32, 14, 2],
  ['dormitory', '单身职工宿舍', 'public', 56, 12, 4],
];

function rect(L: Lattice, c: number, wM: number, dM: number): XY[] {
  const a = wM / L.s / 2, b = dM / L.s / 2;
  const p = (x: number, y: number) => cellPoint(L, c, x, y);
  return [p(0.5 - a, 0.5 - b), p(0.5 + a, 0.5 - b), p(0.5 + a, 0.5 + b), p(0.5 - a, 0.5 + b), p(0.5 - a, 0.5 - b)];
}

export function mineWorks(layout: Layout, built: Built): void {
  const { L } = layout;
  for (const m of layout.urban.mines) {
    WORKS.forEach(([subkind, suffix, kind, w, d, floors], k) => {
      const c = m.cells[Math.min(m.cells.length - 1, k * 2)], unit = layout.village[c];
      if (unit < 0) return;
      const place = built.places.length;
      built.places.push({ kind: 'workplace', subkind, name: `${m.name}${suffix}`, unit, point: cellPoint(L, c, 0.5, 0.5) });
      built.buildings.push({ place, unit, cell: c, name: `${m.name}${suffix}`, kind, units: 1, floors, ring: rect(L, c, w, d), dwellings: [] });
    });
  }
}

export function smallClinics(layout: Layout, built: Built, r: Rng): void {
  const households = new Map<number, number>();
  for (const b of built.buildings) households.set(b.unit, (households.get(b.unit) ?? 0) + b.dwellings.length);
  for (const u of layout.units) {
    const anchor = built.places.find((p) => p.unit === u.index && (p.kind === 'naturalVillage' || p.kind === 'compound'));
    const at = anchor?.point ?? anchor?.gate;
    if (!at || (u.kind === 'village' && (households.get(u.index) ?? 0) < 400)) continue;
    const name = u.kind === 'village' ? `${u.name}卫生室` : `${u.name}卫生服务站`;
    built.places.push({ kind: 'clinic', subkind: u.kind === 'village' ? 'villageClinic' : 'communityStation', name, unit: u.index,
      point: [at[0] + r.float(-25, 25), at[1] + r.float(-25, 25)] });
  }
}

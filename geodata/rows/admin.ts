// admin_units and grids rows: district → 11 townships (real names and codes) → villages and
// communities → grids, with populations and households summed from the generated households.
import type { SeedRow } from '../types.ts';
import { DISTRICT, TOWNSHIPS } from '../design.ts';
import { traceLabels, toGeometry } from '../polygonize.ts';
import type { World } from '../world.ts';

export interface AdminIds {
  districtId: number;
  townshipId: number[];
  /** Unit index → admin_units id. */
  unitId: number[];
  /** Grid index → grids id. */
  gridId: number[];
}

export function adminRows(w: World): { units: SeedRow<'admin_units'>[]; grids: SeedRow<'grids'>[]; ids: AdminIds } {
  const { layout, built, households, grids } = w, L = layout.L;
  const unitPop = layout.units.map(() => 0), unitHh = layout.units.map(() => 0);
  const gridPop = grids.grids.map(() => 0), gridHh = grids.grids.map(() => 0);
  let k = 0;
  for (const b of built.buildings) {
    for (let d = 0; d < b.dwellings.length; d++, k++) {
      const g = grids.label[b.cell];
      unitPop[b.unit] += households[k].residents; unitHh[b.unit]++;
      if (g >= 0) { gridPop[g] += households[k].residents; gridHh[g]++; }
    }
  }
  const district = Int32Array.from(layout.mask, (m) => (m ? 0 : -1));
  const units: SeedRow<'admin_units'>[] = [];
  const total = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
  units.push({ id: 1, code: DISTRICT.code, name: DISTRICT.name, level: 'district', kind: 'district', parent_id: null,
    population: total(unitPop), households: total(unitHh), synthetic: 1, geometry: toGeometry(L, traceLabels(L, district).get(0)!) });
  const townPolys = traceLabels(L, layout.town);
  const townshipId = TOWNSHIPS.map((t, i) => {
    const id = units.length + 1, mine = layout.units.filter((u) => u.town === i);
    units.push({ id, code: t.code, name: t.name, level: 'township', kind: t.kind, parent_id: 1,
      population: total(mine.map((u) => unitPop[u.index])), households: total(mine.map((u) => unitHh[u.index])),
      synthetic: 1, geometry: toGeometry(L, townPolys.get(i)!) });
    return id;
  });
  const unitPolys = traceLabels(L, layout.village), unitId: number[] = [];
  for (const u of [...layout.units].sort((a, b) => a.code.localeCompare(b.code))) {
    unitId[u.index] = units.length + 1;
    units.push({ id: units.length + 1, code: u.code, name: u.name, level: 'village', kind: u.kind, parent_id: townshipId[u.town],
      population: unitPop[u.index], households: unitHh[u.index], synthetic: 1, geometry: toGeometry(L, unitPolys.get(u.index)!) });
  }
  const gridPolys = traceLabels(L, grids.label), gridRows: SeedRow<'grids'>[] = [], gridId: number[] = [];
  const order = grids.grids.map((g, i) => ({ g, i })).sort((a, b) => unitId[a.g.unit] - unitId[b.g.unit] || a.g.number - b.g.number);
  for (const { g, i } of order) {
    const u = layout.units[g.unit], poly = gridPolys.get(i);
    if (!poly) continue;
    gridId[i] = gridRows.length + 1;
    gridRows.push({ id: gridRows.length + 1, code: u.code + String(g.number).padStart(2, '0'), name: `第${g.number}网格`,
      admin_unit_id: unitId[g.unit], population: gridPop[i], households: gridHh[i], synthetic: 1, geometry: toGeometry(L, poly) });
  }
  return { units, grids: gridRows, ids: { districtId: 1, townshipId, unitId, gridId } };
}

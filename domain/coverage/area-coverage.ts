// Who is within N minutes of a facility, summed per grid, village, township and the district
// (issue 8 item 3), and inside any drawn polygon. A household counts as covered when its travel
// time (domain/routing/point-times.ts) is at most N minutes. Households inside a sealed zone are
// neither covered nor uncovered: 封控区 residents are tested and supplied at the door
// (domain-rules.md §1.1 "服务上门"), so a planner need not bring a site within their reach; they
// are counted apart and left out of the share's denominator.
import type { MultiPolygon, Polygon } from 'geojson';
import type { CoverageLevel, CoverageRow } from './types.ts';
import { bandPolygon } from '../zones/polygon-bands.ts';
import { isCovered, type AreaUnit, type CoverageInput } from './coverage-input.ts';

export type { AreaUnit, CoverageInput } from './coverage-input.ts';
export { isCovered } from './coverage-input.ts';
export { uncoveredCells } from './uncovered-cells.ts';

// Per accumulator slot: residents, covered, insideSealed.
const SLOTS = 3;

function row(level: CoverageLevel, unit: AreaUnit | null, acc: Float64Array, slot: number): CoverageRow {
  const residents = acc[slot * SLOTS], covered = acc[slot * SLOTS + 1], insideSealed = acc[slot * SLOTS + 2];
  const reachable = residents - insideSealed;
  return {
    level, id: unit?.id ?? null, code: unit?.code ?? null, name: unit?.name ?? '', parentId: unit?.parentId ?? null,
    residents, covered, uncovered: reachable - covered, share: reachable > 0 ? covered / reachable : 1, insideSealed,
  };
}

export function coverageRows(input: CoverageInput, minutes: number): { district: CoverageRow; townships: CoverageRow[]; villages: CoverageRow[]; grids: CoverageRow[] } {
  const of = (level: AreaUnit['level']) => input.units.filter((u) => u.level === level);
  const villages = of('village'), grids = of('grid'), townships = of('township');
  const slotOf = (list: AreaUnit[]) => new Map(list.map((u, k) => [u.id, k]));
  const villageSlot = slotOf(villages), gridSlot = slotOf(grids);
  const vAcc = new Float64Array(villages.length * SLOTS), gAcc = new Float64Array(grids.length * SLOTS);
  const dAcc = new Float64Array(SLOTS);
  const add = (acc: Float64Array, slot: number, r: number, covered: boolean, sealed: boolean) => {
    const o = slot * SLOTS;
    acc[o] += r;
    if (covered) acc[o + 1] += r;
    if (sealed) acc[o + 2] += r;
  };
  for (let i = 0; i < input.residents.length; i++) {
    const r = input.residents[i], sealed = input.insideSealed[i] !== 0, covered = isCovered(input, i, minutes);
    add(dAcc, 0, r, covered, sealed);
    const v = villageSlot.get(input.village[i]);
    if (v !== undefined) add(vAcc, v, r, covered, sealed);
    const g = gridSlot.get(input.grid[i]);
    if (g !== undefined) add(gAcc, g, r, covered, sealed);
  }
  // Townships: the sum of their villages (a village knows its township by parentId).
  const tSlot = slotOf(townships), tAcc = new Float64Array(townships.length * SLOTS);
  villages.forEach((v, k) => {
    const t = v.parentId === null ? undefined : tSlot.get(v.parentId);
    if (t !== undefined) for (let s = 0; s < SLOTS; s++) tAcc[t * SLOTS + s] += vAcc[k * SLOTS + s];
  });
  return {
    // Every point counts in the district, also one whose village is unknown.
    district: row('district', of('district')[0] ?? null, dAcc, 0),
    townships: townships.map((u, k) => row('township', u, tAcc, k)),
    villages: villages.map((u, k) => row('village', u, vAcc, k)),
    grids: grids.map((u, k) => row('grid', u, gAcc, k)),
  };
}

/** The same figures for the points inside a drawn polygon (level 'polygon', no id). */
export function coverageInPolygon(input: CoverageInput, minutes: number, lng: Float64Array, lat: Float64Array,
  polygon: Polygon | MultiPolygon): CoverageRow {
  const banded = bandPolygon(polygon);
  const acc = new Float64Array(SLOTS);
  for (let i = 0; i < input.residents.length; i++) {
    if (!banded.contains(lng[i], lat[i])) continue;
    const r = input.residents[i];
    acc[0] += r;
    if (isCovered(input, i, minutes)) acc[1] += r;
    if (input.insideSealed[i] !== 0) acc[2] += r;
  }
  return row('polygon', null, acc, 0);
}

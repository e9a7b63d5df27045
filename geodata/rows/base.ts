// Base-map rows: roads (one feature per way between junctions), land-use patches and waterways.
import type { SeedRow } from '../types.ts';
import { LANDUSE } from '../landuse.ts';
import { cellCenter, cellCount, neighbours } from '../lattice.ts';
import { traceLabels, toGeometry } from '../polygonize.ts';
import { toUV } from '../frame.ts';
import type { World } from '../world.ts';

export function roadRows(w: World): SeedRow<'roads'>[] {
  return w.roads.map((r, i) => ({ id: i + 1, name: r.name, class: r.cls, oneway: 0, synthetic: 1, geometry: r.geometry }));
}

export function waterwayRows(w: World): SeedRow<'waterways'>[] {
  return w.layout.water.waterways.map((x, i) => ({ id: i + 1, kind: x.kind, name: x.name, synthetic: 1, geometry: x.geometry }));
}

/** Patches: connected cells of one land-use kind within one village/community. */
export function landuseRows(w: World): SeedRow<'landuse'>[] {
  const { layout } = w, L = layout.L, n = cellCount(L), { kind, names } = w.landuse;
  const patch = new Int32Array(n).fill(-1), patchKind: number[] = [];
  for (let c = 0; c < n; c++) {
    if (kind[c] < 0 || patch[c] >= 0) continue;
    const id = patchKind.length, stack = [c];
    patchKind.push(kind[c]); patch[c] = id;
    while (stack.length) {
      const a = stack.pop()!;
      for (const b of neighbours(L, a)) {
        if (b >= 0 && patch[b] < 0 && kind[b] === kind[a] && layout.village[b] === layout.village[a]) { patch[b] = id; stack.push(b); }
      }
    }
  }
  const patchName = new Map<number, string>();
  for (const [c, nm] of names) if (patch[c] >= 0) patchName.set(patch[c], nm);
  // the 鼓山 ridge: hill and forest patches whose cells lie on it
  const ridgeCells = new Map<number, number>();
  for (let c = 0; c < n; c++) {
    if (patch[c] < 0 || (LANDUSE[kind[c]] !== 'forest' && LANDUSE[kind[c]] !== 'hill')) continue;
    const [u] = toUV(...cellCenter(L, c));
    if (u > 0.34 && u < 0.46 && layout.terrain.cellRelief[c] > 250) ridgeCells.set(patch[c], (ridgeCells.get(patch[c]) ?? 0) + 1);
  }
  for (const [p, cnt] of ridgeCells) if (cnt >= 8 && !patchName.has(p)) patchName.set(p, '鼓山');
  const polys = traceLabels(L, patch);
  return [...polys.entries()].sort((a, b) => a[0] - b[0]).map(([p, poly], i) => ({
    id: i + 1, kind: LANDUSE[patchKind[p]], name: patchName.get(p) ?? null, synthetic: 1, geometry: toGeometry(L, poly),
  }));
}

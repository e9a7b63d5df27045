// Checkpoints (卡口): a district-boundary traffic checkpoint wherever a trunk road crosses the
// district outline (placed 120 m inside, on the road), trunk-road checkpoints at town entrances,
// and gate checkpoints at the 8 管控 compounds/villages of the June 2022 notice.
import type { LineString, Polygon } from 'geojson';
import { TOWNSHIPS } from '../design.ts';
import { fromUV, toLngLat, toXY } from '../frame.ts';
import type { XY } from '../model.ts';
import { rng } from '../prng.ts';
import type { SeedRow } from '../types.ts';
import { NOTICE_0607, SEAL_0429, insideRings, ringsXY } from './common.ts';

export interface GateSite { name: string; at: XY; village: boolean }

const DIRS = ['东', '东北', '北', '西北', '西', '西南', '南', '东南'];
const direction = (dx: number, dy: number) => DIRS[Math.round(((Math.atan2(dy, dx) + 2 * Math.PI) % (2 * Math.PI)) / (Math.PI / 4)) % 8];

function crossings(line: XY[], ring: XY[]): { k: number; t: number; p: XY }[] {
  const out: { k: number; t: number; p: XY }[] = [];
  for (let k = 0; k + 1 < line.length; k++) {
    const [ax, ay] = line[k], [bx, by] = line[k + 1];
    for (let m = 0; m + 1 < ring.length; m++) {
      const [cx, cy] = ring[m], [dx, dy] = ring[m + 1];
      const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
      if (den === 0) continue;
      const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den, u = ((cx - ax) * (by - ay) - (cy - ay) * (bx - ax)) / den;
      if (t >= 0 && t <= 1 && u >= 0 && u <= 1) out.push({ k, t, p: [ax + t * (bx - ax), ay + t * (by - ay)] });
    }
  }
  return out;
}

/** The point `dist` metres along `line` from (k, t), walking towards increasing (sign 1) or decreasing k. */
function along(line: XY[], k: number, t: number, dist: number, sign: 1 | -1): XY {
  let [x, y] = [line[k][0] + t * (line[k + 1][0] - line[k][0]), line[k][1] + t * (line[k + 1][1] - line[k][1])];
  let idx = sign > 0 ? k + 1 : k;
  while (dist > 0 && idx >= 0 && idx < line.length) {
    const [nx, ny] = line[idx], seg = Math.hypot(nx - x, ny - y);
    if (seg >= dist) return [x + ((nx - x) * dist) / seg, y + ((ny - y) * dist) / seg];
    dist -= seg; [x, y] = [nx, ny]; idx += sign;
  }
  return [x, y];
}

export function checkpointRows(roads: readonly SeedRow<'roads'>[], outline: Polygon, gates: GateSite[], seed: number): SeedRow<'checkpoints'>[] {
  const r = rng(seed, 'checkpoints'), rings = ringsXY(outline.coordinates), rows: SeedRow<'checkpoints'>[] = [];
  const [cx, cy] = fromUV(0.55, 0.5);
  const add = (kind: SeedRow<'checkpoints'>['kind'], name: string, at: XY, road: SeedRow<'roads'> | null, since: string,
    staff: [number, number], flow: [number, number]) => rows.push({
    id: rows.length + 1, name, kind, road_id: road?.id ?? null, road_name: road?.name ?? null, status: 'active',
    shifts: 3, staff: r.int(...staff), throughput_per_day: r.int(...flow), created_at: since, updated_at: since,
    valid_from: since, valid_to: null, synthetic: 1, geometry: { type: 'Point', coordinates: toLngLat(...at) },
  });
  const trunks = roads.filter((x) => x.class === 'trunk');
  for (const road of trunks) {
    const line = (road.geometry as LineString).coordinates.map((p) => toXY(p));
    for (const c of crossings(line, rings[0])) {
      const probe = along(line, c.k, c.t, 5, 1), sign = insideRings(rings, ...probe) ? 1 : -1;
      const at = along(line, c.k, c.t, 120, sign);
      const near = rows.some((x) => x.road_name === road.name && Math.hypot(...(toXY((x.geometry as { coordinates: number[] }).coordinates).map((v, i) => v - at[i]) as [number, number])) < 1000);
      if (near) continue;
      const base = `${road.name}${direction(at[0] - cx, at[1] - cy)}区界检查站`;
      const twins = rows.filter((x) => x.name.startsWith(base)).length;
      add('districtBoundary', twins ? `${base}（${'二三四'[twins - 1]}）` : base, at, road, SEAL_0429, [9, 16], [1500, 8000]);
    }
  }
  // one checkpoint on each trunk road at the edge of the nearest town seat it passes (≈ 1.2 km out)
  for (const name of [...new Set(trunks.map((t) => t.name))]) {
    let best: { at: XY; road: SeedRow<'roads'>; d: number; town: string } | null = null;
    for (const road of trunks.filter((t) => t.name === name)) {
      for (const p of (road.geometry as LineString).coordinates) {
        const [x, y] = toXY(p);
        for (const t of TOWNSHIPS) {
          const [sx, sy] = fromUV(...t.seat), d = Math.abs(Math.hypot(x - sx, y - sy) - 1200);
          if ((!best || d < best.d) && insideRings(rings, x, y)) best = { at: [x, y], road, d, town: t.name.replace(/(街道|镇|乡)$/, '') };
        }
      }
    }
    if (best) add('trunkRoad', `${name}${best.town}卡口`, best.at, best.road, SEAL_0429, [6, 10], [1200, 5000]);
  }
  for (const g of gates) add('compoundGate', `${g.name}${g.village ? '村口' : '大门'}卡口`, g.at, null, NOTICE_0607, [2, 4], [300, 1500]);
  return rows;
}

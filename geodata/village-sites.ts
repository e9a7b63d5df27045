// Where villages sit: greedy picks of the best-scoring countryside cells, kept apart by a
// minimum spacing. On the plain any flat cell will do; in the hills only valley floors score,
// so mountain villages string out along the valleys.
import { type Lattice, cellCenter } from './lattice.ts';
import { fbm } from './noise.ts';
import type { Terrain } from './terrain.ts';

export interface SiteInput {
  candidates: number[];
  count: number;
  /** Cells already taken by other settlements' centres (kept at the spacing too). */
  avoid: [number, number][];
}

export function pickVillageSites(L: Lattice, T: Terrain, seed: number, input: SiteInput): number[] {
  const noise = fbm(seed, 'village-sites', 2);
  const scored = input.candidates.map((c) => {
    const [x, y] = cellCenter(L, c);
    const flat = 1 - Math.min(1, T.cellRelief[c] / 110);
    const valley = Math.exp(-T.valleyDist[c] / 450);
    const hillCountry = T.cellRelief[c] > 25 || T.valleyDist[c] < 900 ? 1 : 0;
    const score = flat + 0.6 * valley * hillCountry + 0.35 * noise.at(x / 900, y / 900);
    return { c, x, y, score };
  }).sort((a, b) => b.score - a.score || a.c - b.c);
  const areaM2 = input.candidates.length * L.s * L.s;
  let spacing = 0.9 * Math.sqrt(areaM2 / Math.max(1, input.count));
  let picked: typeof scored = [];
  for (let attempt = 0; attempt < 12; attempt++) {
    picked = [];
    for (const s of scored) {
      if (picked.length === input.count) break;
      if (s.score < 0.25 && attempt < 8) continue;
      const far = (x: number, y: number) => Math.hypot(s.x - x, s.y - y) >= spacing;
      if (picked.every((p) => far(p.x, p.y)) && input.avoid.every(([x, y]) => Math.hypot(s.x - x, s.y - y) >= spacing * 0.7)) picked.push(s);
    }
    if (picked.length === input.count || spacing < 700) break;
    spacing *= 0.85;
  }
  // still short: the remaining villages go where they are farthest from every other centre
  while (picked.length < input.count && picked.length < scored.length) {
    let best = scored[0], bestD = -1;
    for (const s of scored) {
      const d = Math.min(...picked.map((p) => Math.hypot(s.x - p.x, s.y - p.y)), ...input.avoid.map(([x, y]) => Math.hypot(s.x - x, s.y - y)));
      if (d > bestD) { bestD = d; best = s; }
    }
    picked.push(best);
  }
  return picked.map((p) => p.c);
}

// A plausible relief, in metres above sea level: the plain at ~130–220 m rising gently to the
// west, the 鼓山 ridge (~650 m) running N–S, the Taihang foothills beyond it, and valley floors
// carved along the design's valley lines (design.ts) where villages, roads and streams run.
import { RIDGE, VALLEYS, type UV } from './design.ts';
import { fromUV, toUV } from './frame.ts';
import { type Lattice, cellCount, corners } from './lattice.ts';
import { fbm, smoothstep } from './noise.ts';

export interface Terrain {
  /** Elevation at cell centres and at vertices (m). */
  cellElev: Float32Array;
  vertElev: Float32Array;
  /** Height of the hills above the plain at each cell (m): 0 on the plain. */
  cellRelief: Float32Array;
  /** Distance from each cell centre to the nearest valley line (m). */
  valleyDist: Float32Array;
}

type Seg = [number, number, number, number];
const valleySegs: Seg[] = VALLEYS.flatMap((line: readonly UV[]) => line.slice(1).map((b, k) => {
  const [ax, ay] = fromUV(...line[k]), [bx, by] = fromUV(...b);
  return [ax, ay, bx, by] as Seg;
}));

export function distToSegs(x: number, y: number, segs: readonly Seg[]): number {
  let best = Infinity;
  for (const [ax, ay, bx, by] of segs) {
    const dx = bx - ax, dy = by - ay, len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

export function reliefModel(seed: number): (x: number, y: number) => { elev: number; relief: number; valley: number } {
  const rough = fbm(seed, 'terrain-rough', 5, 0.5), crest = fbm(seed, 'terrain-crest', 3);
  const edge = fbm(seed, 'terrain-edge', 2), plainN = fbm(seed, 'terrain-plain', 3);
  const warpX = fbm(seed, 'valley-warp-x', 2), warpY = fbm(seed, 'valley-warp-y', 2);
  return (x, y) => {
    const [u, v] = toUV(x, y);
    const plain = 135 + 85 * (1 - u) + 12 * plainN.at(x / 4000, y / 4000);
    const hilly = smoothstep(0.5, 0.36, u + 0.13 * edge.at(x / 5000, y / 5000) + 0.05 * edge.at(x / 1300, y / 1300));
    const ridgeU = RIDGE.u + 0.022 * Math.sin(6 * v) - 0.03 * (v - 0.5) + 0.045 * edge.at(3.1, y / 6000);
    const taper = smoothstep(RIDGE.vFrom, RIDGE.vFrom + 0.1, v) * smoothstep(RIDGE.vTo, RIDGE.vTo - 0.1, v);
    const ridge = RIDGE.heightM * Math.exp(-(((u - ridgeU) / RIDGE.halfWidth) ** 2)) * taper
      * (0.75 + 0.35 * crest.at(x / 2500, y / 2500));
    const ridged = 1 - Math.abs(rough.at(x / 2200, y / 2200));
    const foothills = hilly * (120 + 230 * ridged * ridged) + 160 * smoothstep(0.22, 0.0, u) * hilly;
    // valleys meander about their design lines (domain warp of ±450 m)
    const valley = distToSegs(x + 650 * warpX.at(x / 2200, y / 2200), y + 650 * warpY.at(x / 2200, y / 2200), valleySegs);
    const width = 330 + 260 * (0.5 + 0.5 * crest.at(x / 3000 + 7, y / 3000)) + 500 * smoothstep(0.3, 0.5, u);
    const carve = 1 - 0.9 * Math.exp(-((valley / width) ** 2)) - 0.3 * Math.exp(-((valley / (3 * width)) ** 2));
    const relief = Math.max(0, (ridge + foothills) * Math.max(0.05, carve));
    return { elev: plain + relief, relief, valley };
  };
}

export function buildTerrain(L: Lattice, seed: number): Terrain {
  const model = reliefModel(seed), nv = L.vx.length;
  const vertElev = new Float32Array(nv), vertRelief = new Float32Array(nv), vertValley = new Float32Array(nv);
  for (let k = 0; k < nv; k++) {
    const m = model(L.vx[k], L.vy[k]);
    vertElev[k] = m.elev; vertRelief[k] = m.relief; vertValley[k] = m.valley;
  }
  // cell values are the mean of the four corners: half the work of sampling centres separately
  const n = cellCount(L), cellElev = new Float32Array(n), cellRelief = new Float32Array(n), valleyDist = new Float32Array(n);
  for (let c = 0; c < n; c++) {
    const [a, b, d, e] = corners(L, c);
    cellElev[c] = (vertElev[a] + vertElev[b] + vertElev[d] + vertElev[e]) / 4;
    cellRelief[c] = (vertRelief[a] + vertRelief[b] + vertRelief[d] + vertRelief[e]) / 4;
    valleyDist[c] = (vertValley[a] + vertValley[b] + vertValley[d] + vertValley[e]) / 4;
  }
  return { cellElev, vertElev, cellRelief, valleyDist };
}

/** Cells counted as hills (forest/hill landuse, few villages). */
export const isHill = (t: Terrain, c: number): boolean => t.cellRelief[c] > 90;

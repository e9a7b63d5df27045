// Water: the 滏阳河 from its spring (黑龙洞) near the seat east across the plain and out of the
// district, streams down the western valleys, the spring pond and a small reservoir.
import type { LineString } from 'geojson';
import { RIVER, VALLEYS, type UV } from './design.ts';
import { HEIGHT_M, WIDTH_M, fromUV, toLngLat } from './frame.ts';
import { type Lattice, cellAt, cellCenter, cid } from './lattice.ts';
import { fbm } from './noise.ts';
import { type Expand, cheapestPath, nearestFirst } from './search.ts';
import type { Terrain } from './terrain.ts';

export interface Water {
  river: number[]; // cells along the 滏阳河, source first
  streams: number[][];
  waterways: { kind: 'river' | 'stream'; name: string | null; geometry: LineString }[];
  /** Cells of the spring pond (named 黑龙洞) and of a reservoir. */
  pond: number[];
  reservoir: number[];
}

const inExtent = (x: number, y: number) => x > 0 && y > 0 && x < WIDTH_M && y < HEIGHT_M;

function cellMoves(L: Lattice, step: (a: number, b: number, len: number) => number): Expand {
  return (a, visit) => {
    const i = a % L.nx, j = (a - i) / L.nx;
    for (let dj = -1; dj <= 1; dj++) for (let di = -1; di <= 1; di++) {
      if ((!di && !dj) || i + di < 0 || j + dj < 0 || i + di >= L.nx || j + dj >= L.ny) continue;
      const b = cid(L, i + di, j + dj), [x, y] = cellCenter(L, b);
      if (inExtent(x, y)) visit(b, step(a, b, L.s * Math.hypot(di, dj)));
    }
  };
}

/** Corner-cutting smoothing (Chaikin), endpoints kept. */
export function chaikin(pts: [number, number][], rounds: number): [number, number][] {
  let p = pts;
  for (let r = 0; r < rounds; r++) {
    const q: [number, number][] = [p[0]];
    for (let k = 0; k + 1 < p.length; k++) {
      const [ax, ay] = p[k], [bx, by] = p[k + 1];
      q.push([0.75 * ax + 0.25 * bx, 0.75 * ay + 0.25 * by], [0.25 * ax + 0.75 * bx, 0.25 * ay + 0.75 * by]);
    }
    q.push(p[p.length - 1]);
    p = q;
  }
  return p;
}

const line = (L: Lattice, cells: number[], head?: [number, number]): LineString => {
  const pts = cells.map((c) => cellCenter(L, c));
  if (head) pts[0] = head;
  return { type: 'LineString', coordinates: chaikin(pts, 3).map(([x, y]) => toLngLat(x, y)) };
};

export function buildWater(L: Lattice, mask: Uint8Array, depth: Int16Array, T: Terrain, seed: number): Water {
  const meander = fbm(seed, 'river-meander', 3);
  const riverStep = (_a: number, b: number, len: number) => {
    const [x, y] = cellCenter(L, b);
    return len * (0.7 + 0.004 * T.cellElev[b] + 0.35 * (1 + meander.at(x / 1600, y / 1600)));
  };
  const src = fromUV(...RIVER.source), source = cellAt(L, src[0], src[1]);
  const eastEdge = (c: number) => cellCenter(L, c)[0] > WIDTH_M - L.s;
  const [mx, my] = fromUV(...RIVER.mouth);
  const river = cheapestPath(source, eastEdge, cellMoves(L, riverStep),
    (c) => { const [x, y] = cellCenter(L, c); return 0.35 * Math.hypot(x - mx, y - my); }) ?? [source];

  const valleyStep = (_a: number, b: number, len: number) => len * (0.3 + T.cellRelief[b] / 60 + (mask[b] ? 0 : 3));
  const streams: number[][] = [];
  VALLEYS.forEach((v: readonly UV[]) => {
    const inside = v.filter(([u, w]) => { const [x, y] = fromUV(u, w), c = cellAt(L, x, y); return depth[c] >= 3; });
    if (inside.length < 2) return;
    const [ax, ay] = fromUV(...inside[0]), [bx, by] = fromUV(...inside[inside.length - 1]);
    const a = cellAt(L, ax, ay), b = cellAt(L, bx, by);
    const path = cheapestPath(a, (c) => c === b, cellMoves(L, valleyStep));
    if (path && path.length > 8) streams.push(path);
  });

  const pond = nearestFirst([source], cellMoves(L, (_a, b, len) => len * (1 + T.cellRelief[b] / 20)), 4);
  const rv = VALLEYS[0][2], [rx, ry] = fromUV(...rv);
  const reservoir = nearestFirst([cellAt(L, rx, ry)], cellMoves(L, (_a, b, len) => len * (1 + T.cellRelief[b] / 8)), 22)
    .filter((c) => mask[c] && depth[c] > 2);

  const waterways: Water['waterways'] = [
    { kind: 'river', name: RIVER.name, geometry: line(L, river, src) },
    ...streams.map((s) => ({ kind: 'stream' as const, name: null, geometry: line(L, s) })),
  ];
  return { river, streams, waterways, pond, reservoir };
}

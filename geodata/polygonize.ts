// Turns a labelling of lattice cells into polygons: for every label, the cell sides whose
// neighbour has another label are chained into rings (region on the left, so outer rings run
// counter-clockwise and holes clockwise, as RFC 7946 wants). Every vertex is kept, so two
// regions that share a boundary share exactly the same positions.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { toLngLat } from './frame.ts';
import type { Lattice } from './lattice.ts';

type Rings = number[][]; // closed rings of vertex ids (first id repeated at the end)

function sideEdges(L: Lattice, labels: Int32Array): Map<number, number[]> {
  const byLabel = new Map<number, number[]>(); // flat [from, to, from, to, …]
  const w = L.nx + 1;
  for (let j = 0; j < L.ny; j++) {
    for (let i = 0; i < L.nx; i++) {
      const c = j * L.nx + i, lab = labels[c];
      if (lab < 0) continue;
      const p = j * w + i, q = p + 1, r = p + w + 1, s = p + w;
      let list = byLabel.get(lab);
      if (!list) byLabel.set(lab, (list = []));
      if (j === 0 || labels[c - L.nx] !== lab) list.push(p, q);
      if (i === L.nx - 1 || labels[c + 1] !== lab) list.push(q, r);
      if (j === L.ny - 1 || labels[c + L.nx] !== lab) list.push(r, s);
      if (i === 0 || labels[c - 1] !== lab) list.push(s, p);
    }
  }
  return byLabel;
}

function chain(L: Lattice, flat: number[]): Rings {
  const w = L.nx + 1, n = flat.length / 2;
  const out = new Map<number, number[]>();
  for (let e = 0; e < n; e++) {
    const from = flat[2 * e];
    const list = out.get(from);
    if (list) list.push(e); else out.set(from, [e]);
  }
  const used = new Uint8Array(n), rings: Rings = [];
  for (let e0 = 0; e0 < n; e0++) {
    if (used[e0]) continue;
    const start = flat[2 * e0], ring = [start];
    let e = e0;
    for (;;) {
      used[e] = 1;
      const a = flat[2 * e], b = flat[2 * e + 1];
      ring.push(b);
      if (b === start) break;
      const dx = (b % w) - (a % w), dy = Math.floor(b / w) - Math.floor(a / w);
      let best = -1, bestTurn = -Infinity;
      for (const f of out.get(b) ?? []) {
        if (used[f]) continue;
        const c = flat[2 * f + 1];
        const ex = (c % w) - (b % w), ey = Math.floor(c / w) - Math.floor(b / w);
        const turn = dx * ey - dy * ex; // > 0 left: keeps diagonal touches as separate rings
        if (turn > bestTurn) { bestTurn = turn; best = f; }
      }
      if (best < 0) throw new Error('polygonize: open ring (labels inconsistent)');
      e = best;
    }
    rings.push(ring);
  }
  return rings;
}

const ij = (L: Lattice, v: number): [number, number] => [v % (L.nx + 1), Math.floor(v / (L.nx + 1))];

function signedArea(L: Lattice, ring: number[]): number {
  let a = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [x1, y1] = ij(L, ring[k]), [x2, y2] = ij(L, ring[k + 1]);
    a += x1 * y2 - x2 * y1;
  }
  return a / 2;
}

function inside(L: Lattice, ring: number[], x: number, y: number): boolean {
  let hit = false;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [x1, y1] = ij(L, ring[k]), [x2, y2] = ij(L, ring[k + 1]);
    if ((y1 > y) !== (y2 > y) && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) hit = !hit;
  }
  return hit;
}

/** Groups rings into polygons (outer ring first, then its holes), in vertex ids. */
function assemble(L: Lattice, rings: Rings): number[][][] {
  const outers = rings.filter((r) => signedArea(L, r) > 0).map((r) => [r]);
  for (const hole of rings.filter((r) => signedArea(L, r) < 0)) {
    const [x1, y1] = ij(L, hole[0]), [x2, y2] = ij(L, hole[1]);
    const px = (x1 + x2) / 2 + 0.25 * (y1 === y2 ? 0 : 1), py = (y1 + y2) / 2 + 0.25 * (y1 === y2 ? 1 : 0);
    const owner = outers.length === 1 ? outers[0] : outers.find((o) => inside(L, o[0], px, py));
    (owner ?? outers[0]).push(hole);
  }
  return outers;
}

export type LabelPolygons = Map<number, number[][][]>;

/** Polygons (as vertex-id rings) of every label ≥ 0. */
export function traceLabels(L: Lattice, labels: Int32Array): LabelPolygons {
  const result: LabelPolygons = new Map();
  for (const [label, flat] of sideEdges(L, labels)) result.set(label, assemble(L, chain(L, flat)));
  return result;
}

export function ringCoords(L: Lattice, ring: number[]): Position[] {
  return ring.map((v) => toLngLat(L.vx[v], L.vy[v]));
}

export function toGeometry(L: Lattice, polys: number[][][]): Polygon | MultiPolygon {
  const coords = polys.map((rings) => rings.map((r) => ringCoords(L, r)));
  return coords.length === 1 ? { type: 'Polygon', coordinates: coords[0] } : { type: 'MultiPolygon', coordinates: coords };
}

/** Removes diagonal-only contacts (2 × 2 windows A B / B' A) that would pinch rings, by giving
 *  one of the off-diagonal cells label A. `frozen` cells are never relabelled. */
export function removePinches(L: Lattice, labels: Int32Array, frozen?: Uint8Array): number {
  let changed = 0;
  for (let pass = 0; pass < 4; pass++) {
    let n = 0;
    for (let j = 0; j + 1 < L.ny; j++) {
      for (let i = 0; i + 1 < L.nx; i++) {
        const a = j * L.nx + i, b = a + 1, c = a + L.nx, d = c + 1;
        for (const [x, y, o1, o2] of [[a, d, b, c], [b, c, a, d]]) {
          const lx = labels[x];
          if (lx < 0 || lx !== labels[y] || labels[o1] === lx || labels[o2] === lx) continue;
          const target = frozen?.[o1] ? o2 : o1;
          if (frozen?.[target]) continue;
          labels[target] = lx; n++;
        }
      }
    }
    changed += n;
    if (n === 0) break;
  }
  return changed;
}

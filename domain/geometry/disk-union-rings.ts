// Chains the uncovered arcs of the disk union into closed rings and writes their vertices.
// At a union vertex P the boundary leaves circle i where neighbour k's interval begins; it goes on
// along k from the end of i's interval on k, i.e. the arc of k whose start was cut by i. That pair
// (k, i) names the successor exactly, with no coordinate matching. Only where three or more circles
// meet in one point (a lattice of centres, exact tangencies) can that arc be missing; then the
// successor is the unclaimed arc starting nearest to P.
// Arcs run CCW, so the union lies to their left: outer rings come out CCW and holes CW, as
// RFC 7946 §3.1.6 asks, with no rewinding.
// Vertices: each arc's exact start point, then the fixed angles 2πk/N strictly inside it — the
// angles GEOS's buffer uses for quad_segs = N/4 — so the result is the union of the same N-gons up
// to the tiny caps between a chord and the circle near union vertices (areas agree to ~10⁻⁴).
import type { CircleArcs } from './disk-union-arcs.ts';
import { RingWriter } from './disk-union-snap.ts';

/** Arcs this close to a fixed vertex (radians; 2·10⁻⁷ m at r = 200 m) do not repeat it. */
const SAME_ANGLE = 1e-9;

export interface Ring { coords: [number, number][]; signedArea: number }

export function chainRings(xy: Float64Array, r: number, vertices: number, arcs: CircleArcs): Ring[] {
  const step = (2 * Math.PI) / vertices;
  // Exact 0 and ±1 at the quarter angles, so disks exactly 2r apart along an axis touch in one
  // shared vertex instead of two vertices an ulp apart (Math.cos(π/2) is 6·10⁻¹⁷).
  const q = vertices / 4;
  const cos = Float64Array.from({ length: vertices }, (_, k) => (k % q === 0 ? [1, 0, -1, 0][k / q] : Math.cos(k * step)));
  const sin = Float64Array.from({ length: vertices }, (_, k) => (k % q === 0 ? [0, 1, 0, -1][k / q] : Math.sin(k * step)));
  const rings: Ring[] = [];
  const writer = new RingWriter(r);
  for (const i of arcs.wholeCircles) {
    for (let k = 0; k < vertices; k++) writer.put(xy[2 * i] + r * cos[k], xy[2 * i + 1] + r * sin[k]);
    for (const piece of writer.take()) rings.push(closeRing(piece));
  }
  const circleOf = new Int32Array(arcs.count);
  for (let i = 0; i + 1 < arcs.firstArc.length; i++) circleOf.fill(i, arcs.firstArc[i], arcs.firstArc[i + 1]);
  const next = successors(xy, r, arcs, circleOf);
  const done = new Uint8Array(arcs.count);
  for (let g0 = 0; g0 < arcs.count; g0++) {
    if (done[g0]) continue;
    for (let g = g0; !done[g]; g = next[g]) {
      done[g] = 1;
      const i = circleOf[g], cx = xy[2 * i], cy = xy[2 * i + 1];
      const s = arcs.start[g], e = arcs.end[g];
      writer.put(cx + r * Math.cos(s), cy + r * Math.sin(s));
      let k0 = Math.floor(s / step) + 1, k1 = Math.ceil(e / step) - 1;
      if (k0 * step - s < SAME_ANGLE) k0++;
      if (e - k1 * step < SAME_ANGLE) k1--;
      for (let k = k0; k <= k1; k++) writer.put(cx + r * cos[k % vertices], cy + r * sin[k % vertices]);
    }
    for (const piece of writer.take()) rings.push(closeRing(piece));
  }
  return rings;
}

function closeRing(coords: [number, number][]): Ring {
  let twice = 0;
  for (let a = coords.length - 1, b = 0; b < coords.length; a = b++) {
    twice += coords[a][0] * coords[b][1] - coords[b][0] * coords[a][1];
  }
  coords.push([coords[0][0], coords[0][1]]);
  return { coords, signedArea: twice / 2 };
}

/** next[g] = the arc that continues the boundary where arc g ends. */
function successors(xy: Float64Array, r: number, arcs: CircleArcs, circleOf: Int32Array): Int32Array {
  const next = new Int32Array(arcs.count).fill(-1);
  const claimed = new Uint8Array(arcs.count);
  for (let i = 0; i + 1 < arcs.firstArc.length; i++) {
    for (let g = arcs.firstArc[i]; g < arcs.firstArc[i + 1]; g++) {
      const k = arcs.endBy[g];
      for (let h = arcs.firstArc[k]; h < arcs.firstArc[k + 1]; h++) {
        if (arcs.startBy[h] === i) { next[g] = h; claimed[h] = 1; break; }
      }
    }
  }
  const tolerance = r * 1e-7;
  for (let g = 0; g < arcs.count; g++) {
    if (next[g] >= 0) continue;
    const i = circleOf[g];
    const px = xy[2 * i] + r * Math.cos(arcs.end[g]), py = xy[2 * i + 1] + r * Math.sin(arcs.end[g]);
    let best = -1, bestD2 = tolerance * tolerance;
    for (const c of arcs.index.within(px, py, r + tolerance)) {
      for (let h = arcs.firstArc[c]; h < arcs.firstArc[c + 1]; h++) {
        if (claimed[h]) continue;
        const dx = xy[2 * c] + r * Math.cos(arcs.start[h]) - px, dy = xy[2 * c + 1] + r * Math.sin(arcs.start[h]) - py;
        if (dx * dx + dy * dy <= bestD2) { best = h; bestD2 = dx * dx + dy * dy; }
      }
    }
    if (best < 0) throw new Error(`disk union: no arc continues the boundary at (${px}, ${py}); please report these points`);
    next[g] = best;
    claimed[best] = 1;
  }
  return next;
}

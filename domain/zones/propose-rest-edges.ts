// District minus zones that share its boundary, without a general clipper, when the polygons
// come from one tiling: an escalated township runs along the district line with the very same
// vertices (geodata traces all admin units from one lattice; surveyed units share nodes too). Then
// each shared edge appears once in each direction and cancels, and what is left chains into the
// rings of the rest. turf's difference took ~80 ms for the demo's district minus two townships;
// this takes a few. Any sign that the inputs are not such a tiling — an edge used twice the same
// way, a vertex with two ways out, edges that touch or cross, rings nested the wrong way — answers
// null and the caller falls back to turf.
import Flatbush from 'flatbush';
import type { Position } from 'geojson';
import { pointInRings } from '../geometry/point-in-ring.ts';

type Ring = Position[];
type Edge = [number, number, number, number];

const signedArea = (r: Ring) => r.reduce((s, p, i) => (i === 0 ? 0 : s + r[i - 1][0] * p[1] - p[0] * r[i - 1][1]), 0) / 2;
const ccw = (r: Ring, want: boolean) => (signedArea(r) > 0 === want ? r : [...r].reverse());
const inside = (r: Ring, p: Position) => pointInRings([r as unknown as [number, number][]], p[0], p[1]);
const cross = (ax: number, ay: number, bx: number, by: number, cx: number, cy: number) => (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);

/** Closed segments ab and cd meet (touching and collinear overlap included). */
function meet([ax, ay, bx, by]: Edge, [cx, cy, dx, dy]: Edge): boolean {
  const d1 = cross(cx, cy, dx, dy, ax, ay), d2 = cross(cx, cy, dx, dy, bx, by), d3 = cross(ax, ay, bx, by, cx, cy), d4 = cross(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  const on = (px: number, py: number, qx: number, qy: number, rx: number, ry: number, d: number) =>
    d === 0 && Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  return on(cx, cy, dx, dy, ax, ay, d1) || on(cx, cy, dx, dy, bx, by, d2) || on(ax, ay, bx, by, cx, cy, d3) || on(ax, ay, bx, by, dx, dy, d4);
}

/** Edges left after cancelling each edge against its reverse; null when one repeats the same way. */
function survivingEdges(district: Ring[][], zones: Ring[][]): Edge[] | null {
  const live = new Map<string, Edge>();
  const add = (ring: Ring) => {
    for (let i = 1; i < ring.length; i++) {
      const [ax, ay] = ring[i - 1], [bx, by] = ring[i];
      if (ax === bx && ay === by) continue;
      const back = `${bx},${by},${ax},${ay}`, key = `${ax},${ay},${bx},${by}`;
      if (live.delete(back)) continue;
      if (live.has(key)) return false;
      live.set(key, [ax, ay, bx, by]);
    }
    return true;
  };
  const ok = district.every((rings) => rings.every((r, k) => add(ccw(r, k === 0))))
    && zones.every((rings) => rings.every((r, k) => add(ccw(r, k !== 0)))); // zones enter reversed
  return ok ? [...live.values()] : null;
}

/** Chains edges into closed rings; null unless every vertex has exactly one way in and one out. */
function chain(edges: Edge[]): Ring[] | null {
  const out = new Map<string, number>(), into = new Set<string>();
  for (const [i, [ax, ay, bx, by]] of edges.entries()) {
    const from = `${ax},${ay}`, to = `${bx},${by}`;
    if (out.has(from) || into.has(to)) return null;
    out.set(from, i);
    into.add(to);
  }
  const used = new Uint8Array(edges.length), rings: Ring[] = [];
  for (let s = 0; s < edges.length; s++) {
    if (used[s]) continue;
    const ring: Ring = [[edges[s][0], edges[s][1]]];
    for (let i = s; !used[i];) {
      used[i] = 1;
      ring.push([edges[i][2], edges[i][3]]);
      const next = out.get(`${edges[i][2]},${edges[i][3]}`);
      if (next === undefined) return null;
      i = next;
    }
    rings.push(ring);
  }
  return rings;
}

/** No two edges meet except consecutive ones at their joint, and those must not fold back. */
function simple(edges: Edge[]): boolean {
  const index = new Flatbush(Math.max(1, edges.length));
  for (const [ax, ay, bx, by] of edges) index.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
  if (edges.length === 0) index.add(0, 0, 0, 0);
  index.finish();
  const foldsBack = ([ax, ay, bx, by]: Edge, [, , cx, cy]: Edge) => cross(ax, ay, bx, by, cx, cy) === 0 && (bx - ax) * (cx - bx) + (by - ay) * (cy - by) < 0;
  return edges.every((e, i) => index.search(Math.min(e[0], e[2]), Math.min(e[1], e[3]), Math.max(e[0], e[2]), Math.max(e[1], e[3])).every((j) => {
    if (j <= i) return true;
    const f = edges[j];
    if (e[2] === f[0] && e[3] === f[1] && !(f[2] === e[0] && f[3] === e[1])) return !foldsBack(e, f);
    if (f[2] === e[0] && f[3] === e[1] && !(e[2] === f[0] && e[3] === f[1])) return !foldsBack(f, e);
    return !meet(e, f);
  }));
}

/** The district minus the zones as polygons (outer CCW, holes CW), or null when the inputs do not
 * share their boundaries vertex for vertex and a clipper is needed. */
export function subtractTiles(district: Ring[][], zones: Ring[][]): Ring[][] | null {
  const edges = survivingEdges(district, zones);
  const rings = edges && simple(edges) ? chain(edges) : null;
  if (!rings) return null;
  const area = rings.map(signedArea), outers = rings.map((_, i) => i).filter((i) => area[i] > 0);
  // winding by containment: an outer must lie in as many holes as outers, a hole in one outer more
  for (const [i, r] of rings.entries()) {
    const depth = rings.reduce((w, o, j) => (j !== i && inside(o, r[0]) ? w + Math.sign(area[j]) : w), 0);
    if (depth !== (area[i] > 0 ? 0 : 1)) return null;
  }
  const polys = new Map(outers.map((i) => [i, [rings[i]]]));
  for (const [i, r] of rings.entries()) {
    if (area[i] > 0) continue;
    const host = outers.filter((o) => inside(rings[o], r[0])).sort((a, b) => area[a] - area[b])[0];
    polys.get(host)!.push(r);
  }
  return [...polys.values()];
}

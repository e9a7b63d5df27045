// From network edges to road features: edges are chained into ways between junctions (nodes of
// degree ≠ 2, or where class or name changes), so features meet only at their end vertices,
// which is what a routing graph built later needs. Country roads are smoothed (Laplacian, a few
// rounds) except at pinned nodes next to houses and town blocks, so they curve instead of
// zig-zagging across the lattice; town streets stay straight.
import type { LineString } from 'geojson';
import { toLngLat } from '../frame.ts';
import type { EdgeInfo, Network, RoadClass } from './network.ts';

export interface RoadFeature { name: string | null; cls: RoadClass; nodes: number[]; geometry: LineString }

const SMOOTH: ReadonlySet<RoadClass> = new Set(['trunk', 'primary', 'secondary', 'tertiary']);

export function buildWays(net: Network, pinned: (node: number) => boolean): RoadFeature[] {
  const visited = new Set<number>(), out: RoadFeature[] = [];
  const key = (a: number, b: number) => (a < b ? a * 2 ** 20 + b : b * 2 ** 20 + a);
  const same = (a: EdgeInfo, b: EdgeInfo) => a.cls === b.cls && a.name === b.name;
  const isJunction = (n: number): boolean => {
    const nb = net.neighbours(n);
    return nb.length !== 2 || !same(net.get(n, nb[0])!, net.get(n, nb[1])!);
  };
  const walk = (start: number, next: number) => {
    const info = net.get(start, next)!, nodes = [start];
    let prev = start, cur = next;
    visited.add(key(start, next));
    for (;;) {
      nodes.push(cur);
      if (cur === start || isJunction(cur)) break;
      const step = net.neighbours(cur).find((m) => m !== prev)!;
      visited.add(key(cur, step));
      prev = cur; cur = step;
    }
    out.push({ name: info.name, cls: info.cls, nodes, geometry: { type: 'LineString', coordinates: [] } });
  };
  const sorted: number[] = [];
  for (let n = 0; n < net.degree.length; n++) if (net.degree[n] > 0) sorted.push(n);
  for (const n of sorted) {
    if (!isJunction(n)) continue;
    for (const m of net.neighbours(n)) if (!visited.has(key(n, m))) walk(n, m);
  }
  for (const n of sorted) for (const m of net.neighbours(n)) if (!visited.has(key(n, m))) walk(n, m); // loops
  for (const f of out) f.geometry.coordinates = shape(net, f, pinned).map(([x, y]) => toLngLat(x, y));
  return out;
}

function shape(net: Network, f: RoadFeature, pinned: (node: number) => boolean): [number, number][] {
  const pts = f.nodes.map((n) => net.g.xy(n));
  if (!SMOOTH.has(f.cls) || pts.length < 3) return pts;
  const fixed = f.nodes.map((n, k) => k === 0 || k === f.nodes.length - 1 || pinned(n));
  for (let round = 0; round < 4; round++) {
    const next = pts.map((p) => [p[0], p[1]] as [number, number]);
    for (let k = 1; k + 1 < pts.length; k++) {
      if (fixed[k]) continue;
      next[k] = [0.5 * pts[k][0] + 0.25 * (pts[k - 1][0] + pts[k + 1][0]), 0.5 * pts[k][1] + 0.25 * (pts[k - 1][1] + pts[k + 1][1])];
    }
    for (let k = 0; k < pts.length; k++) pts[k] = next[k];
  }
  return pts;
}

// Tiny hand-made road networks for the routing specs, laid out in metres around a Fengfeng origin
// and converted to lng/lat. The graph centres its projection on the data, not on (X0, Y0), so a
// hand-computed length holds to ~1e-4 relative (the scale changes 2e-5 per 200 m north: `near`).
import { expect } from 'vitest';
import { localProjectionAt, unproject } from '../../../domain/geometry/local-projection.ts';
import type { RoadClass } from '../../../domain/layers.ts';
import type { RoadInput, Snapped } from '../../../domain/routing/types.ts';

export const X0 = 114.2, Y0 = 36.4;
const projection = localProjectionAt(X0, Y0);

/** [lng, lat] of a spot `xMeters` east and `yMeters` north of the origin. */
export const at = (xMeters: number, yMeters: number): [number, number] => unproject(xMeters, yMeters, projection);

let nextId = 1;
export function road(roadClass: RoadClass, ...xy: [number, number][]): RoadInput {
  return { id: nextId++, roadClass, oneway: false, coordinates: xy.map(([x, y]) => at(x, y)) };
}
export const oneway = (r: RoadInput): RoadInput => ({ ...r, oneway: true });

/** Interleaved lng/lat of spots given in metres. */
export const spots = (...xy: [number, number][]): Float64Array => Float64Array.from(xy.flatMap(([x, y]) => at(x, y)));

/**
 * A grid of `cols` × `rows` nodes `stepMeters` apart, centred on the origin; node (i, j) is at
 * gridXY(i, j). Every side is a one-edge residential road; `keep(kind, i, j)` may drop some.
 */
export function grid(cols: number, rows: number, stepMeters: number, keep: (horizontal: boolean, i: number, j: number) => boolean = () => true, cls: RoadClass = 'residential') {
  const gridXY = (i: number, j: number): [number, number] => [(i - (cols - 1) / 2) * stepMeters, (j - (rows - 1) / 2) * stepMeters];
  const roads: RoadInput[] = [];
  for (let j = 0; j < rows; j++) for (let i = 0; i < cols; i++) {
    if (i + 1 < cols && keep(true, i, j)) roads.push(road(cls, gridXY(i, j), gridXY(i + 1, j)));
    if (j + 1 < rows && keep(false, i, j)) roads.push(road(cls, gridXY(i, j), gridXY(i, j + 1)));
  }
  return { roads, gridXY };
}

/** The entries `indices` of a Snapped, as a Snapped. */
export function pick(s: Snapped, ...indices: number[]): Snapped {
  return {
    edge: Int32Array.from(indices, (i) => s.edge[i]),
    t: Float64Array.from(indices, (i) => s.t[i]),
    accessMeters: Float64Array.from(indices, (i) => s.accessMeters[i]),
  };
}

/** Walking minutes for metres at 4 km/h. */
export const walk = (meters: number) => meters / (4000 / 60);

/** Hand-computed metres or minutes, to 1e-4 relative (see the header). */
export function near(actual: number, expected: number): void {
  if (expected === Infinity) expect(actual).toBe(Infinity);
  else expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-4 * Math.max(1, Math.abs(expected)));
}

/** The node at a spot given in metres (nearest; the specs only ask for exact vertices). */
export function nodeAt(g: { nodeCount: number; lng: Float64Array; lat: Float64Array }, xy: [number, number]): number {
  const [lng, lat] = at(xy[0], xy[1]);
  let best = -1, bestD = Infinity;
  for (let n = 0; n < g.nodeCount; n++) {
    const d = (g.lng[n] - lng) ** 2 + (g.lat[n] - lat) ** 2;
    if (d < bestD) { bestD = d; best = n; }
  }
  return best;
}

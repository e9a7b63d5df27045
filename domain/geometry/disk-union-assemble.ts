// Groups the rings of the disk union into polygons: CCW rings are shells, CW rings are holes, and
// each hole belongs to the smallest shell around it. An island in a hole is a shell of its own
// that does not contain the hole, so "smallest shell containing a point of the hole" picks the
// hole's true shell even with islands nested in lakes nested in islands.
// Rings never cross (they are pieces of one union's boundary), so one point per hole decides.
import Flatbush from 'flatbush';
import { pointInRings } from './point-in-ring.ts';
import type { Ring } from './disk-union-rings.ts';

export interface DiskUnion {
  polygons: number[][][][]; // MultiPolygon coordinates in metres: shell CCW first, holes CW
  areaSquareMeters: number;
}

export function assemblePolygons(rings: Ring[]): DiskUnion {
  const shells = rings.filter((g) => g.signedArea > 0);
  const holes = rings.filter((g) => g.signedArea < 0);
  const polygons: number[][][][] = shells.map((g) => [g.coords]);
  let area = shells.reduce((sum, g) => sum + g.signedArea, 0);
  if (holes.length === 0) return { polygons, areaSquareMeters: area };
  if (shells.length === 1) {
    for (const h of holes) { polygons[0].push(h.coords); area += h.signedArea; }
    return { polygons, areaSquareMeters: area };
  }
  const boxes = shells.map((g) => ringBox(g.coords));
  const index = new Flatbush(shells.length);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();
  for (const h of holes) {
    const [x0, y0, x1, y1] = ringBox(h.coords);
    // The midpoint of the hole's first edge: on the hole's ring, away from any shell's ring.
    const px = (h.coords[0][0] + h.coords[1][0]) / 2, py = (h.coords[0][1] + h.coords[1][1]) / 2;
    // Every hole lies in exactly one shell, whose box holds the hole's box: one such box decides.
    const around = index.search(x0, y0, x1, y1).filter((s) => boxes[s][0] <= x0 && boxes[s][1] <= y0 && boxes[s][2] >= x1 && boxes[s][3] >= y1);
    let best = around.length === 1 ? around[0] : -1;
    if (around.length > 1) {
      for (const s of around) {
        if (best >= 0 && shells[s].signedArea >= shells[best].signedArea) continue;
        if (pointInRings([shells[s].coords], px, py)) best = s;
      }
    }
    if (best < 0) throw new Error(`disk union: a hole near (${px}, ${py}) has no shell; please report these points`);
    polygons[best].push(h.coords);
    area += h.signedArea;
  }
  return { polygons, areaSquareMeters: area };
}

function ringBox(coords: [number, number][]): [number, number, number, number] {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
  for (const [x, y] of coords) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}

// Where roads cross a zone's boundary: each is a checkpoint (卡口) the zone needs (domain-rules.md
// §1.1 封控区 "区域封闭"; §3.3 the district's road accesses). Each road is cut where it meets the
// boundary into pieces that lie inside, outside or along it; the meeting points are handed to
// crossing-clusters.ts, which decides where traffic can really pass. A road through the zone gives
// one checkpoint per crossing; a road that touches a corner and turns back, or ends on the
// boundary with nothing beyond, gives none — which matters because zones cut from village and
// grid outlines follow the streets. Checked on the demo: the district outline gets exactly the 5
// trunk-road exits the generator put there (geodata/README.md, "5 boundary" checkpoints).
import type { BandedPolygon } from './polygon-bands.ts';
import type { ImpactIndex } from './impact-index.ts';
import { CrossingClusters } from './crossing-clusters.ts';

export interface RoadCrossing { lng: number; lat: number; roadId: number; roadName: string | null; roadClass: string }

/** Hits closer than this along one road are one crossing (a boundary vertex met by two edges). */
const SAME_CROSSING_METERS = 1;
const METERS_PER_DEGREE = 111_320;
/** A road vertex this close to a boundary edge's line (~1 cm) lies on it. */
const COLLINEAR_DEGREES = 1e-7;
// Bigger roads first: those are the checkpoints a commander staffs first.
const CLASS_ORDER = ['trunk', 'primary', 'secondary', 'tertiary', 'residential', 'lane'];

interface Hit { pos: number; x: number; y: number }
type Piece = 'in' | 'out' | 'along' | 'point';

const rank = (roadClass: string) => { const i = CLASS_ORDER.indexOf(roadClass); return i < 0 ? CLASS_ORDER.length : i; };

/** Equirectangular distance in metres: exact to < 0.1 % over a township. */
function meters(a: readonly [number, number], b: readonly [number, number]): number {
  const dx = (a[0] - b[0]) * METERS_PER_DEGREE * Math.cos((a[1] * Math.PI) / 180);
  return Math.hypot(dx, (a[1] - b[1]) * METERS_PER_DEGREE);
}

export function roadCrossings(index: ImpactIndex, polygon: BandedPolygon): RoadCrossing[] {
  if (!index.segments) return [];
  const { edges } = polygon;
  const c = index.roadCoords;
  const hitsByRoad = new Map<number, Hit[]>();
  for (let e = 0; e < edges.length; e += 4) {
    const ax = edges[e], ay = edges[e + 1], bx = edges[e + 2], by = edges[e + 3];
    const found = index.segments.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    for (const seg of found) {
      const o = index.segmentStart[seg];
      const px = c[o], py = c[o + 1], qx = c[o + 2], qy = c[o + 3];
      const road = index.segmentRoad[seg];
      let list = hitsByRoad.get(road);
      const hit = (t: number) => {
        if (!list) hitsByRoad.set(road, (list = []));
        list.push({ pos: o / 2 + t, x: px + t * rx, y: py + t * ry });
      };
      // Segment–segment intersection by Cramer's rule (t along the road, u along the edge).
      const rx = qx - px, ry = qy - py, sx = bx - ax, sy = by - ay;
      const den = rx * sy - ry * sx;
      if (den !== 0) {
        const t = ((ax - px) * sy - (ay - py) * sx) / den;
        const u = ((ax - px) * ry - (ay - py) * rx) / den;
        if (t >= 0 && t <= 1 && u >= 0 && u <= 1) hit(t);
        continue;
      }
      // Parallel: a road lying on the edge (a street that is the boundary) touches it where their
      // overlap begins and ends; those ends are what joins it to the roads meeting it there.
      const len2 = rx * rx + ry * ry;
      if (len2 === 0 || Math.abs((ax - px) * ry - (ay - py) * rx) / Math.sqrt(len2) > COLLINEAR_DEGREES) continue;
      const ta = ((ax - px) * rx + (ay - py) * ry) / len2, tb = ((bx - px) * rx + (by - py) * ry) / len2;
      const lo = Math.max(0, Math.min(ta, tb)), hi = Math.min(1, Math.max(ta, tb));
      if (lo <= hi) { hit(lo); hit(hi); }
    }
  }
  const clusters = new CrossingClusters(SAME_CROSSING_METERS, (road) => rank(index.roads[road].roadClass));
  for (const [road, hits] of hitsByRoad) {
    const first = index.roadVertexStart[road], last = index.roadVertexStart[road + 1] - 1;
    const kept = dedupe(hits.sort((a, b) => a.pos - b.pos));
    // Breakpoints along the road: its start, each hit, its end; piece i runs from breakpoint i to
    // i + 1 and lies wholly inside, outside or along the boundary. A piece shorter than the
    // tolerance (a road ending on the boundary) touches it at one place and has no side.
    const marks = [pointAt(c, first), ...kept.map((h): [number, number] => [h.x, h.y]), pointAt(c, last)];
    const positions = [first, ...kept.map((h) => h.pos), last];
    const pieces = positions.slice(1).map((p, i): Piece => {
      if (meters(marks[i], marks[i + 1]) < SAME_CROSSING_METERS) return 'point';
      const [mx, my] = pointAt(c, (positions[i] + p) / 2);
      if (polygon.nearBoundary(mx, my, SAME_CROSSING_METERS)) return 'along';
      return polygon.contains(mx, my) ? 'in' : 'out';
    });
    const at = kept.map((h, i) => {
      let id = -1;
      for (const piece of [pieces[i], pieces[i + 1]]) {
        if (piece === 'in' || piece === 'out') id = clusters.add({ x: h.x, y: h.y, road, inside: piece === 'in' });
      }
      return id >= 0 ? id : clusters.add({ x: h.x, y: h.y, road, inside: null });
    });
    // A piece along the boundary joins the contacts at its two ends into one cluster.
    for (let i = 1; i < kept.length; i++) if (pieces[i] === 'along' || pieces[i] === 'point') clusters.link(at[i - 1], at[i]);
  }
  const out = clusters.checkpoints().map(({ x, y, road }): RoadCrossing => {
    const { id, name, roadClass } = index.roads[road];
    return { lng: x, lat: y, roadId: id, roadName: name, roadClass };
  });
  // Not by name: localeCompare of Chinese depends on the runtime's ICU data; ids are stable.
  return out.sort((a, b) => rank(a.roadClass) - rank(b.roadClass) || a.roadId - b.roadId || a.lng - b.lng || a.lat - b.lat);
}

function dedupe(sorted: Hit[]): Hit[] {
  const kept: Hit[] = [];
  for (const h of sorted) {
    const prev = kept[kept.length - 1];
    if (prev && meters([h.x, h.y], [prev.x, prev.y]) < SAME_CROSSING_METERS) continue;
    kept.push(h);
  }
  return kept;
}

/** The point at `pos` along the flat coordinate array (integer part = vertex, fraction = along the
 * next segment). */
function pointAt(c: Float64Array, pos: number): [number, number] {
  const v = Math.floor(pos), f = pos - v;
  if (f === 0 || v * 2 + 3 >= c.length) return [c[v * 2], c[v * 2 + 1]];
  return [c[v * 2] + f * (c[v * 2 + 2] - c[v * 2]), c[v * 2 + 1] + f * (c[v * 2 + 3] - c[v * 2 + 1])];
}

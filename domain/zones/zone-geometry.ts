// A zone polygon from a user (drawn, or a proposal accepted as is) is checked before it is stored,
// and every refusal carries a stable code the API answers 422 with. Zones are drawn inside the
// district that declares them (domain-rules.md §1.1 "防范区 = the rest of the county", §1.2 "低风险区
// = the rest of the county"): a zone reaching outside would shut in people another government
// answers for. Proposals are cut from the district's own rings (propose.ts: the rest of the
// county is the district minus the other zones), so a 1 m tolerance absorbs the last-digit drift
// of polygon clipping; anything beyond that is a real overreach.
import { area } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { validateGeometry } from '../geometry/validate.ts';
import { geometryBbox } from '../geometry/bbox.ts';
import { bandPolygon, type BandedPolygon } from './polygon-bands.ts';
import { edgeTree, somePiece } from './boundary-pieces.ts';

export type ZoneGeometryCheck = { ok: true; geometry: Polygon | MultiPolygon }
  | { ok: false; code: 'invalid_geometry' | 'self_intersection' | 'too_many_vertices' | 'outside_district'; reason: string };

/** Positions counted as validate.ts counts them (closing positions included). A township outline
 * in the demo has < 500; 2 000 keeps the self-intersection test and the stored JSON small. */
export const MAX_ZONE_VERTICES = 2_000;
const TOLERANCE_METERS = 1;
/** "On the boundary" for the overlap test: 1 mm, far below any surveyed edge yet above float noise. */
const TOUCH_METERS = 0.001;

function countPositions(c: unknown): number {
  if (!Array.isArray(c)) return 0;
  if (typeof c[0] === 'number') return 1;
  let n = 0;
  for (const x of c) n += countPositions(x);
  return n;
}

export function checkZoneGeometry(input: unknown, district: Polygon | MultiPolygon): ZoneGeometryCheck {
  // Counted before validation: the self-intersection test is quadratic in the worst case.
  const n = countPositions((input as { coordinates?: unknown } | null)?.coordinates);
  if (n > MAX_ZONE_VERTICES) return { ok: false, code: 'too_many_vertices', reason: `the polygon has ${n} vertices; at most ${MAX_ZONE_VERTICES} are allowed` };
  const v = validateGeometry(input, ['Polygon', 'MultiPolygon']);
  if (!v.ok) return { ok: false, code: /intersects itself/.test(v.reason) ? 'self_intersection' : 'invalid_geometry', reason: v.reason };
  const geometry = v.geometry as Polygon | MultiPolygon;
  if (!(area(geometry) > 1)) return { ok: false, code: 'invalid_geometry', reason: 'the polygon has no area (under 1 m²)' };
  const outside = reachesOutside(bandPolygon(geometry), bandPolygon(district));
  if (outside) return { ok: false, code: 'outside_district', reason: outside };
  return { ok: true, geometry };
}

/** Why `zone` is not within `district` (tolerance 1 m), or null when it is. */
function reachesOutside(zone: BandedPolygon, district: BandedPolygon): string | null {
  const out = (x: number, y: number) => !district.contains(x, y) && !district.nearBoundary(x, y, TOLERANCE_METERS);
  const e = zone.edges;
  for (let o = 0; o < e.length; o += 4) {
    if (out(e[o], e[o + 1])) return `vertex [${e[o].toFixed(6)}, ${e[o + 1].toFixed(6)}] lies outside the district`;
  }
  // All vertices in: an edge can still cut across a bay of the district's outline.
  if (somePiece(zone, district, edgeTree(district), (p) => out(p.x, p.y))) return 'an edge of the polygon crosses the district boundary';
  // Edges in too: the zone can still enclose a hole of the district (or the gap between two parts).
  const d = district.edges;
  for (let o = 0; o < d.length; o += 4) {
    if (zone.contains(d[o], d[o + 1]) && !zone.nearBoundary(d[o], d[o + 1], TOLERANCE_METERS)) return 'the polygon encloses ground outside the district';
  }
  return null;
}

/**
 * Whether the interiors of two areas overlap (exactly, up to 1 mm): a zone and a team's area
 * that only share an edge — adjacent grids, a compound on the street that bounds a grid — do not,
 * so the neighbouring team is not sent into someone else's zone; a bbox test would say they do.
 * Interiors overlap exactly when a piece of one boundary runs strictly inside the other area, or
 * when both share a stretch of boundary with their interiors on the same side of it.
 */
export function polygonsIntersect(a: Polygon | MultiPolygon, b: Polygon | MultiPolygon): boolean {
  const ba = geometryBbox(a), bb = geometryBbox(b); // cheap reject first: most pairs are far apart
  if (ba[0] > bb[2] || bb[0] > ba[2] || ba[1] > bb[3] || bb[1] > ba[3]) return false;
  const pa = bandPolygon(a), pb = bandPolygon(b);
  const strictlyIn = (p: BandedPolygon, x: number, y: number) => p.contains(x, y) && !p.nearBoundary(x, y, TOUCH_METERS);
  if (somePiece(pb, pa, edgeTree(pa), (q) => strictlyIn(pa, q.x, q.y))) return true;
  return somePiece(pa, pb, edgeTree(pb), (q) => {
    if (strictlyIn(pb, q.x, q.y)) return true;
    if (!pb.nearBoundary(q.x, q.y, TOUCH_METERS)) return false;
    // A shared stretch: step 1 cm off it to a's side and ask whether b is there too.
    const dx = q.bx - q.ax, dy = q.by - q.ay, len = Math.hypot(dx, dy), step = 1e-7;
    const sides: [number, number][] = [[q.x - (dy / len) * step, q.y + (dx / len) * step], [q.x + (dy / len) * step, q.y - (dx / len) * step]];
    const inA = sides.find(([x, y]) => pa.contains(x, y));
    return inA !== undefined && strictlyIn(pb, inA[0], inA[1]);
  });
}

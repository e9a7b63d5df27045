// Snapping a pen to what is already on the map (issue 4 item 5: "snap to building and compound
// edges where it helps"). terra-draw asks `snapping.toCustom` for a position on every pointer
// move; the map side (PlanDraw.vue) collects the rendered building and compound rings near the
// pointer in screen pixels, and this pure part picks the target: the nearest corner within the
// tolerance, else the nearest point on an edge. Corners win over edges because a corner shared
// with a building is what makes a zone boundary follow the block instead of cutting through it.

export interface ScreenPoint { x: number; y: number }
export interface SnapHit { point: ScreenPoint; kind: 'vertex' | 'edge'; distancePx: number }

/** Pixels: about a fingertip on a mouse, small enough not to jump across a street at zoom 16. */
export const SNAP_TOLERANCE_PX = 10;

const dist = (a: ScreenPoint, b: ScreenPoint) => Math.hypot(a.x - b.x, a.y - b.y);

/** The closest point to `p` on the segment a–b. */
export function closestOnSegment(p: ScreenPoint, a: ScreenPoint, b: ScreenPoint): ScreenPoint {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const len2 = dx * dx + dy * dy;
  if (len2 === 0) return a;
  const t = Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / len2));
  return { x: a.x + t * dx, y: a.y + t * dy };
}

/** The snap target for `pointer` among `rings` (closed or open point lists), or null if none is near. */
export function nearestSnap(pointer: ScreenPoint, rings: readonly (readonly ScreenPoint[])[],
  tolerancePx = SNAP_TOLERANCE_PX): SnapHit | null {
  let vertex: SnapHit | null = null;
  let edge: SnapHit | null = null;
  for (const ring of rings) {
    for (let i = 0; i < ring.length; i++) {
      const d = dist(pointer, ring[i]);
      if (d <= tolerancePx && (!vertex || d < vertex.distancePx)) vertex = { point: ring[i], kind: 'vertex', distancePx: d };
      if (i === 0) continue;
      const q = closestOnSegment(pointer, ring[i - 1], ring[i]);
      const e = dist(pointer, q);
      if (e <= tolerancePx && (!edge || e < edge.distancePx)) edge = { point: q, kind: 'edge', distancePx: e };
    }
  }
  return vertex ?? edge;
}

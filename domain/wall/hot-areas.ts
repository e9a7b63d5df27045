// The wall's focus rotates over the hottest areas: villages (and communities) ranked by the cases
// reported in the last 7 days, with each area's bbox for the camera. A case outside every village
// polygon (a gap in the gazetteer) counts for its township instead, so it is not lost.
import { areaAt, type PolygonArea, type Ring } from '../geometry/point-in-ring.ts';
import type { CaseFacts } from './cases.ts';
import { last7 } from './days.ts';
import type { HotArea } from './types.ts';

export const HOT_AREAS_TOP = 5;

export interface Area extends PolygonArea { id: number; name: string; kind: 'village' | 'township'; bbox: [number, number, number, number]; polygons: Ring[][] }

/** Areas with ≥ 1 case known in the 7 days ending `today`, most cases first (then id), top `top`. */
export function hotAreas(cases: CaseFacts[], villages: readonly Area[], townships: readonly Area[], today: string, top = HOT_AREAS_TOP): HotArea[] {
  const window = new Set(last7(today));
  const hits = new Map<Area, number>();
  for (const c of cases) {
    if (!window.has(c.knownOn)) continue;
    const area = areaAt(villages, c.point[0], c.point[1]) ?? areaAt(townships, c.point[0], c.point[1]);
    if (area) hits.set(area, (hits.get(area) ?? 0) + 1);
  }
  return [...hits].sort(([a, m], [b, n]) => n - m || (a.kind === b.kind ? a.id - b.id : a.kind === 'village' ? -1 : 1)).slice(0, top)
    .map(([a, cases7d]) => ({ id: a.id, name: a.name, kind: a.kind, cases7d, bbox: a.bbox }));
}

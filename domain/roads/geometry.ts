// One road feature's line(s), checked and brought to WGS-84 (architecture.md principle 2: CRS
// conversion at the import edge, domain/sheets/crs.ts). Elevation is dropped; ordinates are kept
// to 1e-7° (~1 cm), the precision at which the routing graph merges vertices
// (domain/routing/types.ts), so two roads that share an end vertex in the file still share it.
import type { LineString, MultiLineString, Position } from 'geojson';
import type { SheetCrs } from '../sheets/import-fields.ts';
import { toWgs84 } from '../sheets/crs.ts';
import { MAX_VERTICES } from '../geometry/validate.ts';

/** GCJ-02 and BD-09 are offsets defined only over China: gcoord's own box (its isInChina test),
 * outside which it leaves a position unmoved — a file in them with points elsewhere is wrong. */
const CHINA = { minLng: 72.004, minLat: 0.8293, maxLng: 137.8347, maxLat: 55.8271 };
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

export type LineCheck = { ok: true; geometry: LineString | MultiLineString; vertices: number }
  | { ok: false; code: 'unsupported_geometry' | 'bad_position' | 'out_of_range' | 'outside_china' | 'too_few_positions' | 'zero_length' | 'too_many_vertices'; detail: string };

function position(p: unknown, crs: SheetCrs): Position | string {
  if (!Array.isArray(p) || p.length < 2 || p.length > 3 || !p.every((n) => typeof n === 'number' && Number.isFinite(n))) return 'bad_position';
  const [lng, lat] = p as number[];
  if (lng < -180 || lng > 180 || lat < -90 || lat > 90) return 'out_of_range';
  if (crs !== 'WGS84' && (lng < CHINA.minLng || lng > CHINA.maxLng || lat < CHINA.minLat || lat > CHINA.maxLat)) return 'outside_china';
  const [x, y] = toWgs84(lng, lat, crs);
  return [round7(x), round7(y)];
}

const DETAIL: Record<string, string> = {
  bad_position: 'a position must be 2 or 3 finite numbers',
  out_of_range: 'a position is outside lng [-180, 180] / lat [-90, 90] (lng and lat swapped?)',
  outside_china: 'a position lies outside China, where GCJ-02 and BD-09 are defined',
};

/** Checks and converts the line(s) of a LineString or MultiLineString; anything else is refused. */
export function roadGeometry(input: unknown, crs: SheetCrs, reversed: boolean): LineCheck {
  const g = (typeof input === 'object' && input !== null ? input : {}) as { type?: unknown; coordinates?: unknown };
  if (g.type !== 'LineString' && g.type !== 'MultiLineString') {
    return { ok: false, code: 'unsupported_geometry', detail: `geometry type ${String(g.type ?? 'missing')} is not LineString or MultiLineString` };
  }
  const raw = g.type === 'LineString' ? [g.coordinates] : g.coordinates;
  if (!Array.isArray(raw) || raw.length === 0) return { ok: false, code: 'too_few_positions', detail: 'no coordinates' };
  const lines: Position[][] = [];
  let vertices = 0;
  for (const line of raw) {
    if (!Array.isArray(line) || line.length < 2) return { ok: false, code: 'too_few_positions', detail: 'every line needs at least 2 positions' };
    vertices += line.length;
    if (vertices > MAX_VERTICES) return { ok: false, code: 'too_many_vertices', detail: `more than ${MAX_VERTICES} vertices` };
    const out: Position[] = [];
    for (const p of line) {
      const q = position(p, crs);
      if (typeof q === 'string') return { ok: false, code: q as 'bad_position', detail: `${DETAIL[q]}: ${JSON.stringify(p).slice(0, 60)}` };
      out.push(q);
    }
    if (out.every((q) => q[0] === out[0][0] && q[1] === out[0][1])) return { ok: false, code: 'zero_length', detail: 'a line whose positions are all the same' };
    lines.push(out);
  }
  // Stored in the direction traffic goes (oneway = -1 draws it against the line).
  if (reversed) { lines.reverse(); lines.forEach((l) => l.reverse()); }
  const geometry = g.type === 'LineString' ? { type: 'LineString' as const, coordinates: lines[0] } : { type: 'MultiLineString' as const, coordinates: lines };
  return { ok: true, geometry, vertices };
}

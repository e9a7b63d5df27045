// An independent count of the coverage sums for the tests: straight from the database rows, with
// nothing of domain/routing but the published speeds. Every road vertex is a node (same
// coordinates, same node), a point meets the nearest usable edge within 300 m (perpendicular
// foot), and minutes spread by Bellman-Ford (relax every edge until nothing changes) — slow and
// obvious, fine for a few dozen edges. Sealed zones are boxes here, so an edge is closed when it
// touches the box (an end inside or crossing an edge of it).
import type { LineString, Polygon } from 'geojson';
import type { Db } from '../../server/db/database.ts';
import { ACCESS_MAX_METERS, WALK_KMH } from '../../domain/routing/speeds.ts';

const M_PER_DEG = 111_320;
type P = [number, number];
type Box = [number, number, number, number];
interface Edge { a: number; b: number; pa: P; pb: P; meters: number; open: boolean }

const meters = (p: P, q: P) => Math.hypot((p[0] - q[0]) * M_PER_DEG * Math.cos(((p[1] + q[1]) / 2) * Math.PI / 180), (p[1] - q[1]) * M_PER_DEG);
const walk = (m: number) => m / ((WALK_KMH * 1000) / 60);
const inBox = ([x, y]: P, b: Box) => x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];

/** Does segment p–q touch box b? (Liang–Barsky clipping.) */
export function touches(p: P, q: P, b: readonly number[]): boolean {
  let t0 = 0, t1 = 1;
  const dx = q[0] - p[0], dy = q[1] - p[1];
  for (const [pp, qq] of [[-dx, p[0] - b[0]], [dx, b[2] - p[0]], [-dy, p[1] - b[1]], [dy, b[3] - p[1]]]) {
    if (pp === 0) { if (qq < 0) return false; continue; }
    const r = qq / pp;
    if (pp < 0) t0 = Math.max(t0, r); else t1 = Math.min(t1, r);
    if (t0 > t1) return false;
  }
  return true;
}

/** The foot of p on segment a–b: fraction t and metres away (in a local flat frame). */
function foot(p: P, a: P, b: P): { t: number; d: number } {
  const k = Math.cos((p[1] * Math.PI) / 180);
  const ax = a[0] * k, ay = a[1], bx = b[0] * k, by = b[1], px = p[0] * k, py = p[1];
  const len2 = (bx - ax) ** 2 + (by - ay) ** 2;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / len2));
  return { t, d: meters(p, [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])]) };
}

export interface Brute { residents: number; covered: number; insideSealed: number; minutesOf: (p: P) => number }

/** Walking coverage of the active testing sites at `minutes`, with `sealed` boxes closed (or none). */
export async function bruteCoverage(db: Db, minutes: number, sealed: Box[]): Promise<Brute> {
  const roads = await db.kysely.selectFrom('roads').select(['geometry', 'class']).execute();
  const nodes = new Map<string, number>();
  const node = (p: P) => { const key = `${p[0].toFixed(7)},${p[1].toFixed(7)}`; if (!nodes.has(key)) nodes.set(key, nodes.size); return nodes.get(key)!; };
  const edges: Edge[] = [];
  for (const r of roads) {
    const c = (JSON.parse(r.geometry) as LineString).coordinates as P[];
    for (let i = 1; i < c.length; i++) {
      edges.push({ a: node(c[i - 1]), b: node(c[i]), pa: c[i - 1], pb: c[i], meters: meters(c[i - 1], c[i]),
        open: r.class !== 'expressway' && !sealed.some((b) => touches(c[i - 1], c[i], b)) });
    }
  }
  const snap = (p: P) => {
    let best: { e: Edge; t: number; d: number } | null = null;
    for (const e of edges) {
      if (!e.open) continue;
      const f = foot(p, e.pa, e.pb);
      if (f.d <= ACCESS_MAX_METERS && (!best || f.d < best.d)) best = { e, ...f };
    }
    return best;
  };
  const sites = await db.kysely.selectFrom('testing_sites').select(['min_lng', 'min_lat']).where('status', '=', 'active').where('valid_to', 'is', null).execute();
  const sources = sites.map((s): P => [s.min_lng, s.min_lat]).filter((p) => !sealed.some((b) => inBox(p, b))).map(snap).filter((s) => s !== null);
  const dist = new Array<number>(nodes.size).fill(Infinity);
  for (const s of sources) {
    dist[s.e.a] = Math.min(dist[s.e.a], walk(s.d + s.t * s.e.meters));
    dist[s.e.b] = Math.min(dist[s.e.b], walk(s.d + (1 - s.t) * s.e.meters));
  }
  for (let changed = true; changed;) {
    changed = false;
    for (const e of edges) {
      if (!e.open) continue;
      const m = walk(e.meters);
      if (dist[e.a] + m < dist[e.b]) { dist[e.b] = dist[e.a] + m; changed = true; }
      if (dist[e.b] + m < dist[e.a]) { dist[e.a] = dist[e.b] + m; changed = true; }
    }
  }
  const minutesOf = (p: P): number => {
    const s = snap(p);
    if (!s) return Infinity;
    let best = Math.min(dist[s.e.a] + walk(s.t * s.e.meters), dist[s.e.b] + walk((1 - s.t) * s.e.meters));
    for (const f of sources) if (f.e === s.e) best = Math.min(best, walk(f.d + Math.abs(f.t - s.t) * s.e.meters));
    return best + walk(s.d);
  };
  const homes = await db.kysely.selectFrom('households').innerJoin('address_points as a', 'a.id', 'households.address_point_id')
    .select(['households.residents', 'a.min_lng', 'a.min_lat']).execute();
  let residents = 0, covered = 0, insideSealed = 0;
  for (const h of homes) {
    const p: P = [h.min_lng, h.min_lat];
    residents += h.residents;
    if (sealed.some((b) => inBox(p, b))) insideSealed += h.residents;
    else if (minutesOf(p) <= minutes) covered += h.residents;
  }
  return { residents, covered, insideSealed, minutesOf };
}

/** The boxes of the active sealed zones of incident 1 (the fixtures' zones are all boxes). */
export async function sealedBoxes(db: Db): Promise<Box[]> {
  const rows = await db.kysely.selectFrom('control_zone_versions').select(['geometry']).where('kind', '=', 'sealed').where('status', '=', 'active')
    .where('valid_to', 'is', null).execute();
  return rows.map((r) => {
    const ring = (JSON.parse(r.geometry) as Polygon).coordinates[0];
    const xs = ring.map((c) => c[0]), ys = ring.map((c) => c[1]);
    return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
  });
}

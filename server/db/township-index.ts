// Which township a person lives in, for the registry's township column and filter: the
// township polygons (admin_units, level township) read once per database and tested in JS with
// the same even–odd rule as the scope predicate (domain/geometry/point-in-ring.ts). A district
// has a dozen townships; admin units change only with a new seed, so the index is kept.
import type { Bbox } from '../../domain/geometry/bbox.ts';
import { pointInRings, polygonsOf, type Ring } from '../../domain/geometry/point-in-ring.ts';
import type { Db } from './database.ts';

export interface Township { id: number; name: string; bbox: Bbox; polygons: Ring[][] }

const cache = new WeakMap<object, Promise<Township[]>>();

async function load(db: Db): Promise<Township[]> {
  const rows = await db.kysely.selectFrom('admin_units').select(['id', 'name', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('level', '=', 'township').orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, name: r.name, bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat],
    polygons: polygonsOf(JSON.parse(r.geometry) as { type: string; coordinates: unknown }) }));
}

export function townships(db: Db): Promise<Township[]> {
  let p = cache.get(db.kysely);
  if (!p) {
    p = load(db);
    cache.set(db.kysely, p);
    p.catch(() => cache.delete(db.kysely));
  }
  return p;
}

/** The township holding [lng, lat], or null (outside every township). */
export function townshipAt(list: Township[], lng: number, lat: number): Township | null {
  for (const t of list) {
    const [a, b, c, d] = t.bbox;
    if (lng < a || lng > c || lat < b || lat > d) continue;
    if (t.polygons.some((rings) => pointInRings(rings, lng, lat))) return t;
  }
  return null;
}

// The areas the wall's focus rotates over (domain/wall/hot-areas.ts): every village/community and
// township polygon, read once per database and kept, like township-index.ts (admin units change
// only with a new seed; a district has a few hundred of them).
import { polygonsOf } from '../../domain/geometry/point-in-ring.ts';
import type { Area } from '../../domain/wall/hot-areas.ts';
import type { Db } from './database.ts';

const cache = new WeakMap<object, Promise<{ villages: Area[]; townships: Area[] }>>();

async function load(db: Db): Promise<{ villages: Area[]; townships: Area[] }> {
  const rows = await db.kysely.selectFrom('admin_units').select(['id', 'name', 'level', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('level', 'in', ['village', 'township']).orderBy('id').execute();
  const areas = rows.map((r) => ({ level: r.level, area: { id: r.id, name: r.name, kind: r.level === 'village' ? 'village' as const : 'township' as const,
    bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat] as [number, number, number, number],
    polygons: polygonsOf(JSON.parse(r.geometry) as { type: string; coordinates: unknown }) } }));
  return { villages: areas.filter((a) => a.level === 'village').map((a) => a.area), townships: areas.filter((a) => a.level === 'township').map((a) => a.area) };
}

export function wallAreas(db: Db): Promise<{ villages: Area[]; townships: Area[] }> {
  let p = cache.get(db.kysely);
  if (!p) {
    p = load(db);
    cache.set(db.kysely, p);
    p.catch(() => cache.delete(db.kysely));
  }
  return p;
}

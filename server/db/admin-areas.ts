// The village/community and township polygons (admin_units), read once per database and kept
// (derived-cache.ts): the registry's township column and filter test a person's home against the
// townships, the wall's hot areas (domain/wall/hot-areas.ts) a case against the villages, then
// the townships — with domain/geometry areaAt, the even–odd rule of the scope predicate. Admin
// units change only with a new seed; a district has a few hundred.
import { polygonsOf } from '../../domain/geometry/point-in-ring.ts';
import type { Area } from '../../domain/wall/hot-areas.ts';
import type { Db } from './database.ts';
import { perDatabase } from './derived-cache.ts';

export interface AdminAreas { villages: Area[]; townships: Area[] }

const index = perDatabase(async (db): Promise<AdminAreas> => {
  const rows = await db.kysely.selectFrom('admin_units').select(['id', 'name', 'level', 'geometry', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('level', 'in', ['village', 'township']).orderBy('id').execute();
  const areas = rows.map((r): Area => ({ id: r.id, name: r.name, kind: r.level === 'village' ? 'village' : 'township',
    bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat], polygons: polygonsOf(JSON.parse(r.geometry) as { type: string; coordinates: unknown }) }));
  return { villages: areas.filter((a) => a.kind === 'village'), townships: areas.filter((a) => a.kind === 'township') };
});

export const adminAreas = (db: Db): Promise<AdminAreas> => index.get(db);

// The inputs of the impact index (domain/zones/impact-index.ts): every household at its address
// point, building bbox centres and road lines, read once per database and kept (the demo's
// 161k households load in about a second; a polygon's impact then takes milliseconds). Open
// closed-loop items change all day, so they are read per request, inside the polygon's bbox.
import type { LineString, MultiLineString } from 'geojson';
import { buildImpactIndex, type ImpactIndex, type ImpactSource } from '../../domain/zones/impact-index.ts';
import type { Db } from './database.ts';
import { PAGE, paged, perDatabase } from './derived-cache.ts';


export async function loadImpactSource(db: Db): Promise<ImpactSource> {
  const src: ImpactSource = { households: [], buildings: [], roads: [] };
  const k = db.kysely;
  await paged((after) => k.selectFrom('households').innerJoin('address_points as a', 'a.id', 'households.address_point_id')
    .select(['households.id', 'households.residents', 'households.age_65_plus', 'households.building_id', 'a.min_lng', 'a.min_lat'])
    .where('households.id', '>', after).orderBy('households.id').limit(PAGE).execute(),
  (r) => src.households.push({ lng: r.min_lng, lat: r.min_lat, residents: r.residents, over65: r.age_65_plus, buildingId: r.building_id }));
  await paged((after) => k.selectFrom('buildings').select(['id', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('id', '>', after).orderBy('id').limit(PAGE).execute(),
  (r) => src.buildings.push({ id: r.id, lng: (r.min_lng + r.max_lng) / 2, lat: (r.min_lat + r.max_lat) / 2 }));
  await paged((after) => k.selectFrom('roads').select(['id', 'name', 'class', 'geometry']).where('id', '>', after).orderBy('id').limit(PAGE).execute(),
    (r) => {
      const g = JSON.parse(r.geometry) as LineString | MultiLineString;
      const lines = g.type === 'LineString' ? [g.coordinates] : g.type === 'MultiLineString' ? g.coordinates : [];
      for (const line of lines) src.roads.push({ id: r.id, name: r.name, roadClass: r.class, coordinates: line as [number, number][] });
    });
  return src;
}

const impactIndexes = perDatabase((db) => loadImpactSource(db).then(buildImpactIndex));

/** The index of this database, built on first use (a failed build is retried next time). */
export const impactIndexOf = (db: Db): Promise<ImpactIndex> => impactIndexes.get(db);

/** Drops the built index after the roads changed (POST /roads/import): the next impact rebuilds it. */
export const forgetImpactIndex = (db: Db): void => impactIndexes.forget(db);

/** People with an open closed-loop step (status active, a step not done), at their home point. */
export async function openLoopItems(db: Db, bbox: [number, number, number, number]): Promise<{ lng: number; lat: number }[]> {
  const rows = await db.kysely.selectFrom('persons').select(['persons.min_lng', 'persons.min_lat'])
    .where('persons.status', '=', 'active').where(db.inBbox('persons', bbox))
    .where((eb) => eb.exists(eb.selectFrom('loop_steps as s').select('s.id').whereRef('s.person_id', '=', 'persons.id').where('s.done_at', 'is', null)))
    .orderBy('persons.id').execute();
  return rows.map((r) => ({ lng: r.min_lng, lat: r.min_lat }));
}

// The address gazetteer of a database (domain/address/gazetteer.ts), read once and kept like the
// impact index (impact-source.ts): admin units, places, buildings and the 161k address points of
// the demo read and index in 2–3 s on a busy 2-core machine (bench/geocode.ts), most of it the
// read. Points: an address point's own, a building's bbox centre, and for villages, townships
// and places the mean of their address points (where people live; a bbox centre can fall
// outside a concave outline), else their bbox centre.
// Imports that add address points call invalidateGazetteer.
import { buildGazetteer, type Gazetteer } from '../../domain/address/gazetteer.ts';
import type { AddressParts, GazetteerInput } from '../../domain/address/types.ts';
import type { Db } from './database.ts';
import { PAGE, paged, perDatabase } from './derived-cache.ts';

type Point = [number, number];
interface Box { min_lng: number; min_lat: number; max_lng: number; max_lat: number }
const centre = (r: Box): Point => [(r.min_lng + r.max_lng) / 2, (r.min_lat + r.max_lat) / 2];


/** Running sums of points per id, for the mean point of a unit or place. */
class Means {
  private readonly sums = new Map<number, [number, number, number]>();
  add(id: number | null | undefined, p: Point): void {
    if (id === null || id === undefined) return;
    const s = this.sums.get(id);
    if (s) { s[0] += p[0]; s[1] += p[1]; s[2]++; } else this.sums.set(id, [p[0], p[1], 1]);
  }
  get(id: number, fallback: Point): Point {
    const s = this.sums.get(id);
    return s ? [s[0] / s[2], s[1] / s[2]] : fallback;
  }
}

export async function loadGazetteerInput(db: Db): Promise<GazetteerInput> {
  const k = db.kysely;
  const units = await k.selectFrom('admin_units').select(['id', 'name', 'level', 'parent_id', 'min_lng', 'min_lat', 'max_lng', 'max_lat']).orderBy('id').execute();
  const places = await k.selectFrom('places').select(['id', 'kind', 'name', 'admin_unit_id', 'min_lng', 'min_lat', 'max_lng', 'max_lat']).orderBy('id').execute();
  const input: GazetteerInput = { units: [], places: [], buildings: [], addressPoints: [] };
  const placeOfBuilding = new Map<number, number>();
  await paged((after) => k.selectFrom('buildings').select(['id', 'place_id', 'admin_unit_id', 'name', 'min_lng', 'min_lat', 'max_lng', 'max_lat'])
    .where('id', '>', after).orderBy('id').limit(PAGE).execute(),
  (b) => {
    input.buildings.push({ id: b.id, placeId: b.place_id, adminUnitId: b.admin_unit_id, name: b.name, point: centre(b) });
    if (b.place_id !== null) placeOfBuilding.set(b.id, b.place_id);
  });
  const unitMeans = new Means();
  const placeMeans = new Means();
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  await paged((after) => k.selectFrom('address_points').select(['id', 'building_id', 'admin_unit_id', 'parts', 'min_lng', 'min_lat'])
    .where('id', '>', after).orderBy('id').limit(PAGE).execute(),
  (a) => {
    const point: Point = [a.min_lng, a.min_lat];
    input.addressPoints.push({ id: a.id, buildingId: a.building_id, adminUnitId: a.admin_unit_id, parts: JSON.parse(a.parts) as AddressParts, point });
    unitMeans.add(a.admin_unit_id, point);
    unitMeans.add(parentOf.get(a.admin_unit_id), point);
    if (a.building_id !== null) placeMeans.add(placeOfBuilding.get(a.building_id), point);
  });
  for (const u of units) {
    const level = u.level as 'district' | 'township' | 'village';
    input.units.push({ id: u.id, name: u.name, level, parentId: u.parent_id, point: unitMeans.get(u.id, centre(u)) });
  }
  for (const p of places) input.places.push({ id: p.id, kind: p.kind, name: p.name, adminUnitId: p.admin_unit_id, point: placeMeans.get(p.id, centre(p)) });
  return input;
}

const gazetteers = perDatabase((db) => loadGazetteerInput(db).then(buildGazetteer));

/** The gazetteer of this database, built on first use (a failed build is retried next time). */
export const gazetteerFor = (db: Db): Promise<Gazetteer> => gazetteers.get(db);

/** Forget the gazetteer of this database (after its address layers changed). */
export const invalidateGazetteer = (db: Db): void => gazetteers.forget(db);

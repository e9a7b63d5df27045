// What GET /alerts/{id} shows behind an alert: the line list (the persons of its subject, with
// the village of their home) and the area on the map. Rows come back with the personal fields in
// clear only as far as serialize.ts, which masks them (or, for the wall, leaves them out): the one
// masking place. The map area is the subject's own polygon (a cluster hull, a scan circle), else
// the village of the subject (an EARS village, a case's home village), else the zone or a small
// disc around the quarantine site; never a person's exact home.
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { AlertLinePerson } from '../../domain/analysis/types.ts';
import { areaAt, type Ring } from '../../domain/geometry/point-in-ring.ts';
import { toProperties, type PersonalFields } from '../serialize.ts';
import { adminAreas } from './admin-areas.ts';
import type { AlertSubject } from './alert-list.ts';
import type { Db } from './database.ts';
import { currentVersion } from './zones.ts';

/** A line list longer than this is cut (a scan cluster of a city-scale outbreak); the map and the
 * analysis layers show the rest. */
export const LINE_LIST_MAX = 1000;
const SITE_DISC_METERS = 150;
const METERS_PER_DEGREE = 111_320;

/** The subject's persons by report date (then id), masked for `personal`. */
export async function linePersons(db: Db, ids: readonly number[], personal: PersonalFields): Promise<AlertLinePerson[]> {
  const wanted = [...new Set(ids)].filter((id) => Number.isInteger(id) && id > 0);
  if (!wanted.length) return [];
  const rows = await db.kysely.selectFrom('persons').select(['id', 'category', 'name', 'sex', 'age', 'status', 'onset_date', 'report_date', 'min_lng', 'min_lat'])
    .where('id', 'in', wanted.slice(0, LINE_LIST_MAX)).execute();
  const { villages } = await adminAreas(db);
  return rows.sort((a, b) => (a.report_date ?? '9999').localeCompare(b.report_date ?? '9999') || a.id - b.id).map((r) => {
    const p = toProperties('persons', { id: r.id, category: r.category, name: r.name, sex: r.sex, age: r.age, status: r.status,
      onset_date: r.onset_date, report_date: r.report_date }, personal);
    return { id: r.id, category: r.category, name: (p.name as string | undefined) ?? null, sex: r.sex ?? null, age: r.age ?? null,
      village: areaAt(villages, r.min_lng, r.min_lat)?.name ?? null, onsetDate: r.onset_date, reportDate: r.report_date, status: r.status };
  });
}

/** Twice the signed area of a ring (shoelace), in square degrees: enough to pick the largest part. */
const ringArea = (ring: readonly Position[]) => {
  let s = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) s += (ring[j][0] + ring[i][0]) * (ring[j][1] - ring[i][1]);
  return Math.abs(s);
};

/** A Polygon for the wire (AlertDetail.geometry): a MultiPolygon's largest part. */
export function mainPolygon(g: Polygon | MultiPolygon | { type: string; coordinates: unknown } | undefined | null): Polygon | null {
  if (!g) return null;
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates as Position[][] };
  if (g.type !== 'MultiPolygon') return null;
  const parts = g.coordinates as Position[][][];
  const best = parts.reduce<Position[][] | null>((a, p) => (a === null || ringArea(p[0]) > ringArea(a[0]) ? p : a), null);
  return best && { type: 'Polygon', coordinates: best };
}

const areaPolygon = (polygons: readonly (readonly Ring[])[]): Polygon | null =>
  mainPolygon({ type: 'MultiPolygon', coordinates: polygons as unknown as Position[][][] });

/** A 24-gon of `radiusMeters` around a point (locally flat: fine at a few hundred metres). */
function disc([lng, lat]: [number, number], radiusMeters: number): Polygon {
  const dLat = radiusMeters / METERS_PER_DEGREE, dLng = dLat / Math.cos((lat * Math.PI) / 180);
  const ring: Position[] = [];
  for (let i = 0; i <= 24; i++) {
    const a = ((i % 24) / 24) * 2 * Math.PI;
    ring.push([Math.round((lng + dLng * Math.cos(a)) * 1e6) / 1e6, Math.round((lat + dLat * Math.sin(a)) * 1e6) / 1e6]);
  }
  return { type: 'Polygon', coordinates: [ring] };
}

/** The area an alert concerns, or null when its subject names none. */
export async function subjectGeometry(db: Db, s: AlertSubject): Promise<Polygon | null> {
  const own = mainPolygon(s.geometry);
  if (own) return own;
  const { villages } = await adminAreas(db);
  const unit = s.adminUnitIds?.[0] ?? s.adminUnitId;
  if (unit !== undefined) {
    const village = villages.find((v) => v.id === unit);
    if (village) return areaPolygon(village.polygons);
    const row = await db.kysely.selectFrom('admin_units').select('geometry').where('id', '=', unit).executeTakeFirst();
    return row ? mainPolygon(JSON.parse(row.geometry) as Polygon | MultiPolygon) : null;
  }
  if (s.zoneId !== undefined) return mainPolygon((await currentVersion(db, s.zoneId))?.geometry);
  if (s.siteId !== undefined) {
    const site = await db.kysely.selectFrom('quarantine_sites').select(['min_lng', 'min_lat']).where('id', '=', s.siteId).executeTakeFirst();
    return site ? disc([site.min_lng, site.min_lat], SITE_DISC_METERS) : null;
  }
  const first = s.personIds?.[0];
  if (first !== undefined) {
    const p = await db.kysely.selectFrom('persons').select(['min_lng', 'min_lat']).where('id', '=', first).executeTakeFirst();
    const village = p && areaAt(villages, p.min_lng, p.min_lat);
    return village ? areaPolygon(village.polygons) : null;
  }
  return null;
}

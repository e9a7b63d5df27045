// The proposal engine's input (domain/zones/propose-types.ts) from the database as of a day: the
// incident's cases known by then, their exposures (流调, note '居住地' = residence) with the units
// each lies in, a residence made from the home address for a case whose investigation has none,
// and the polygons of every unit mentioned plus all townships and the district.
import type { MultiPolygon, Point, Polygon } from 'geojson';
import { pointInRings, polygonsOf } from '../../domain/geometry/point-in-ring.ts';
import { CASE_CATEGORIES } from '../../domain/layers.ts';
import type { ProfileParams } from '../../domain/zones/profile.ts';
import type { ProposalExposure, ProposalInput, UnitGeometry } from '../../domain/zones/propose-types.ts';
import type { Db } from './database.ts';

export const RESIDENCE_NOTE = '居住地';

type Unit = { id: number; name: string; geometry: string };
const unit = (r: Unit): UnitGeometry => ({ id: r.id, name: r.name, geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon | Point });
const byId = (rows: Unit[]) => new Map(rows.map((r) => [r.id, unit(r)]));
const ids = (xs: (number | null)[]) => { const s = [...new Set(xs.filter((x): x is number => x !== null))]; return s.length ? s : [-1]; };

/** `today` is the Shanghai day, `at` the instant: only cases and exposures recorded by then. */
export async function proposalInput(db: Db, incidentId: number, params: ProfileParams, today: string, at: string): Promise<ProposalInput> {
  const k = db.kysely;
  const cases = await k.selectFrom('persons').select(['id', 'category', 'onset_date', 'sample_date', 'report_date', 'home_address_point_id', 'min_lng', 'min_lat'])
    .where('incident_id', '=', incidentId).where('category', 'in', CASE_CATEGORIES).where('valid_from', '<=', at)
    .where((eb) => eb.or([eb('report_date', 'is', null), eb('report_date', '<=', today)])).orderBy('id').execute();
  const personIds = ids(cases.map((c) => c.id));
  const exposures = await k.selectFrom('exposures as e').leftJoin('buildings as b', 'b.id', 'e.building_id')
    .select(['e.id', 'e.person_id', 'e.place_id', 'e.building_id', 'e.start_at', 'e.end_at', 'e.note', 'e.min_lng', 'e.min_lat',
      'b.place_id as building_place_id', 'b.grid_id as building_grid_id', 'b.admin_unit_id as building_unit_id'])
    .where('e.person_id', 'in', personIds).where('e.start_at', '<=', at).orderBy('e.id').execute();
  const withHome = new Set(exposures.filter((e) => e.note === RESIDENCE_NOTE).map((e) => e.person_id));
  const homes = await k.selectFrom('address_points').select(['id', 'building_id', 'grid_id', 'admin_unit_id', 'min_lng', 'min_lat'])
    .where('id', 'in', ids(cases.filter((c) => !withHome.has(c.id)).map((c) => c.home_address_point_id))).execute();
  const homeById = new Map(homes.map((h) => [h.id, h]));
  const homeBuildings = await k.selectFrom('buildings').select(['id', 'place_id']).where('id', 'in', ids(homes.map((h) => h.building_id))).execute();
  const buildingPlace = new Map(homeBuildings.map((b) => [b.id, b.place_id]));

  type Draft = Omit<ProposalExposure, 'placeKind' | 'villageKind' | 'townshipId'>;
  const drafts: Draft[] = exposures.map((e) => ({ id: e.id, personId: e.person_id, startAt: e.start_at, endAt: e.end_at,
    residence: e.note === RESIDENCE_NOTE, point: [e.min_lng, e.min_lat], buildingId: e.building_id, placeId: e.place_id ?? e.building_place_id ?? null,
    villageId: e.building_unit_id ?? null, gridId: e.building_grid_id ?? null }));
  for (const c of cases) {
    if (withHome.has(c.id)) continue;
    const h = c.home_address_point_id === null ? undefined : homeById.get(c.home_address_point_id);
    const day = c.report_date ?? c.sample_date ?? c.onset_date ?? today;
    drafts.push({ id: null, personId: c.id, startAt: new Date(`${day}T00:00:00+08:00`).toISOString(), endAt: new Date(`${day}T00:00:00+08:00`).toISOString(),
      residence: true, point: h ? [h.min_lng, h.min_lat] : [c.min_lng, c.min_lat], buildingId: h?.building_id ?? null,
      placeId: h?.building_id == null ? null : (buildingPlace.get(h.building_id) ?? null), villageId: h?.admin_unit_id ?? null, gridId: h?.grid_id ?? null });
  }

  const places = await k.selectFrom('places').select(['id', 'name', 'kind', 'admin_unit_id', 'grid_id', 'geometry']).where('id', 'in', ids(drafts.map((d) => d.placeId))).execute();
  const placeById = new Map(places.map((p) => [p.id, p]));
  for (const d of drafts) {
    const p = d.placeId === null ? undefined : placeById.get(d.placeId);
    d.villageId ??= p?.admin_unit_id ?? null;
    d.gridId ??= p?.grid_id ?? null;
  }
  await locate(db, drafts);
  const admin = await k.selectFrom('admin_units').select(['id', 'name', 'level', 'kind', 'parent_id', 'geometry'])
    .where((eb) => eb.or([eb('level', 'in', ['district', 'township']), eb('id', 'in', ids(drafts.map((d) => d.villageId)))])).orderBy('id').execute();
  const village = new Map(admin.filter((a) => a.level === 'village').map((a) => [a.id, a]));
  const district = admin.find((a) => a.level === 'district');
  if (!district) throw new Error('the database holds no district');
  const buildings = await k.selectFrom('buildings').select(['id', 'name', 'geometry']).where('id', 'in', ids(drafts.map((d) => d.buildingId))).execute();
  const grids = await k.selectFrom('grids').select(['id', 'name', 'geometry']).where('id', 'in', ids(drafts.map((d) => d.gridId))).execute();

  return {
    params, today,
    cases: cases.map((c) => ({ id: c.id, category: c.category, onsetDate: c.onset_date, sampleDate: c.sample_date, reportDate: c.report_date })),
    exposures: drafts.map((d) => {
      const v = d.villageId === null ? undefined : village.get(d.villageId);
      return { ...d, placeKind: d.placeId === null ? null : (placeById.get(d.placeId)?.kind ?? null),
        villageKind: v ? (v.kind === 'village' ? 'village' : 'community') : null, townshipId: v?.parent_id ?? null };
    }),
    units: { buildings: byId(buildings), places: byId(places), villages: byId([...village.values()]), grids: byId(grids),
      townships: byId(admin.filter((a) => a.level === 'township')), district: unit(district) },
  };
}

/** Exposures at a bare point (no building or place): their village and grid by point in polygon. */
async function locate(db: Db, drafts: { point: [number, number]; villageId: number | null; gridId: number | null }[]): Promise<void> {
  const bare = drafts.filter((d) => d.villageId === null || d.gridId === null);
  if (!bare.length) return;
  const inside = (rows: { id: number; geometry: string }[], [lng, lat]: [number, number]) =>
    rows.find((r) => polygonsOf(JSON.parse(r.geometry)).some((rings) => pointInRings(rings, lng, lat)))?.id ?? null;
  for (const d of bare) {
    const box: [number, number, number, number] = [d.point[0], d.point[1], d.point[0], d.point[1]];
    if (d.villageId === null) {
      d.villageId = inside(await db.kysely.selectFrom('admin_units').select(['id', 'geometry']).where('level', '=', 'village')
        .where(db.inBbox('admin_units', box)).execute(), d.point);
    }
    if (d.gridId === null) d.gridId = inside(await db.kysely.selectFrom('grids').select(['id', 'geometry']).where(db.inBbox('grids', box)).execute(), d.point);
  }
}

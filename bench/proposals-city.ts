// City-scale proposal input: n cases drawn from geodata's city persons (geodata/scenario/city.ts,
// 1,000,000 tracked persons clustered on the outbreak's settlements), each with one residence
// exposure synthesised from the home address point, as server/db/zone-proposal-input.ts does for
// a case whose investigation is not entered yet. The home's building, compound, village, grid and
// township come from the demo rows the address point belongs to (geodata/rows/built.ts: the city
// persons live at the demo's address points).
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { DemoData } from '../geodata/types.ts';
import type { Db } from '../server/db/database.ts';
import type { ProposalCase, ProposalExposure, ProposalUnits, UnitGeometry } from '../domain/zones/propose-types.ts';

type Home = { addressPointId: number; point: [number, number] };
const INFECTED = new Set(['confirmed', 'asymptomatic']);

/** The first n infected city persons (after the demo's own `skip`) reported in [from, to]: the
 * extra persons are drawn at random, so the first n in id order are a random sample. */
export function sampleCityCases(data: DemoData, skip: number, n: number, from: string, to: string): { cases: ProposalCase[]; homes: Map<number, Home> } {
  const cases: ProposalCase[] = [], homes = new Map<number, Home>();
  let seen = 0;
  for (const p of data.persons ?? []) {
    if (seen++ < skip || !INFECTED.has(p.category) || !p.report_date || p.report_date < from || p.report_date > to) continue;
    cases.push({ id: p.id, category: p.category, onsetDate: p.onset_date ?? null, sampleDate: p.sample_date ?? null, reportDate: p.report_date });
    homes.set(p.id, { addressPointId: p.home_address_point_id!, point: (p.geometry as Point).coordinates as [number, number] });
    if (cases.length === n) break;
  }
  return { cases, homes };
}

const inChunks = async <T>(ids: number[], f: (chunk: number[]) => Promise<T[]>): Promise<T[]> => {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += 5_000) out.push(...(await f(ids.slice(i, i + 5_000))));
  return out;
};

/** Residence exposures of the sampled cases with the unit ids of each home, and the unit polygons. */
export async function cityExposuresAndUnits(db: Db, cases: ProposalCase[], homes: Map<number, Home>): Promise<{ exposures: ProposalExposure[]; units: ProposalUnits }> {
  const k = db.kysely;
  const points = new Map((await inChunks([...new Set([...homes.values()].map((h) => h.addressPointId))], (ids) =>
    k.selectFrom('address_points').select(['id', 'building_id', 'grid_id', 'admin_unit_id']).where('id', 'in', ids).execute())).map((r) => [r.id, r]));
  const buildingIds = [...new Set([...points.values()].flatMap((p) => (p.building_id === null ? [] : [p.building_id])))];
  const buildings = await inChunks(buildingIds, (ids) => k.selectFrom('buildings').select(['id', 'name', 'place_id', 'geometry']).where('id', 'in', ids).execute());
  const placeOf = new Map(buildings.map((b) => [b.id, b.place_id]));
  const places = await k.selectFrom('places').select(['id', 'name', 'kind', 'geometry']).execute();
  const kindOf = new Map(places.map((p) => [p.id, p.kind]));
  const admin = await k.selectFrom('admin_units').select(['id', 'name', 'level', 'kind', 'parent_id', 'geometry']).execute();
  const village = new Map(admin.filter((a) => a.level === 'village').map((a) => [a.id, a]));
  const exposures = cases.map((c): ProposalExposure => {
    const home = homes.get(c.id)!, ap = points.get(home.addressPointId)!, v = ap.admin_unit_id === null ? undefined : village.get(ap.admin_unit_id);
    const placeId = ap.building_id === null ? null : placeOf.get(ap.building_id) ?? null;
    const day = c.sampleDate ?? c.reportDate!;
    return {
      id: null, personId: c.id, startAt: `${day}T00:00:00+08:00`, endAt: `${c.reportDate}T23:59:59+08:00`, residence: true, point: home.point,
      buildingId: ap.building_id, placeId, placeKind: placeId === null ? null : kindOf.get(placeId) ?? null, villageId: ap.admin_unit_id,
      villageKind: v ? (v.kind === 'village' ? 'village' : 'community') : null, gridId: ap.grid_id, townshipId: v?.parent_id ?? null,
    };
  });
  const unit = (r: { id: number; name: string | null; geometry: unknown }): UnitGeometry =>
    ({ id: r.id, name: r.name ?? '', geometry: JSON.parse(String(r.geometry)) as Polygon | MultiPolygon | Point });
  const byId = (rows: { id: number; name: string | null; geometry: unknown }[]) => new Map(rows.map((r) => [r.id, unit(r)]));
  const grids = await k.selectFrom('grids').select(['id', 'name', 'geometry']).execute();
  return {
    exposures,
    units: { buildings: byId(buildings), places: byId(places), villages: byId([...village.values()]), grids: byId(grids),
      townships: byId(admin.filter((a) => a.level === 'township')), district: unit(admin.find((a) => a.level === 'district')!) },
  };
}

// A hand-made street north of the tiny district for the coverage tests (issue 8), in its own
// township 测试镇 and village 测试村 (grid 测试村第1网格), away from the tiny district's sealed zone:
//
//   36.54  +------------------- 测试北街 -------------------+            (residential)
//          | 西联路 (lane)                          东联路 (lane) |
//   36.53  A--H1--H3'--H2--[H4 sealed]--H5-----H6--P1--H7------------H8--P2-- (测试大街 | 测试东街)
//         114.300                 114.308         114.316 114.320          114.338
//
// Vertices every 0.002° of longitude (≈ 179 m at 36.53° N, 2.7 minutes' walk at 4 km/h). A =
// testing site 测试采样点 at the west end; the sealed zone (a 封控区 of the incident) covers
// 114.307–114.309, closing the street there, so with avoidSealed H5 can only be reached round the
// north street (> 60 minutes). H3 stands 100 m north of the street, H9 2 km from any road.
// Candidates: school P1 (near the uncovered H6, H7), square P2 (near H8), public building P3 at A
// (already a site, so never a candidate). A fever clinic at the east end; an active checkpoint
// where the street enters the sealed zone from the west.
import type { Db } from '../../server/db/database.ts';

export const Y = 36.53;
export const NORTH = 36.54;
export const SEALED_BOX = [114.307, 36.525, 114.309, 36.535] as const;
const T0 = '2022-06-01T00:00:00.000Z';

const box = (x0: number, y0: number, x1: number, y1: number) => ({ type: 'Polygon' as const, coordinates: [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]] });
const spatial = (geometry: { type: string; coordinates: unknown }, xs: number[], ys: number[]) =>
  ({ geometry: JSON.stringify(geometry), min_lng: Math.min(...xs), min_lat: Math.min(...ys), max_lng: Math.max(...xs), max_lat: Math.max(...ys) });
const polygonRow = (x0: number, y0: number, x1: number, y1: number) => spatial(box(x0, y0, x1, y1), [x0, x1], [y0, y1]);
const pointRow = (x: number, y: number) => spatial({ type: 'Point', coordinates: [x, y] }, [x], [y]);
const lineRow = (coords: [number, number][]) => spatial({ type: 'LineString', coordinates: coords }, coords.map((c) => c[0]), coords.map((c) => c[1]));
const along = (x0: number, x1: number, y: number, step = 0.002): [number, number][] => {
  const out: [number, number][] = [];
  for (let i = 0; x0 + i * step <= x1 + 1e-9; i++) out.push([Number((x0 + i * step).toFixed(4)), y]);
  return out;
};

/** [lng, lat, residents] of the households H1…H9 (one household per address point). */
export const HOMES: [number, number, number][] = [
  [114.302, Y, 3], [114.306, Y, 4], [114.304, Y + 0.0009, 2], [114.308, Y, 5], [114.310, Y, 6],
  [114.314, Y, 7], [114.320, Y, 8], [114.338, Y, 9], [114.330, 36.56, 1],
];

export interface CoverageFixture { villageId: number; townshipId: number; gridId: number; siteId: number; zoneId: number; placeIds: number[] }

export async function addCoverageStreet(db: Db): Promise<CoverageFixture> {
  const k = db.kysely;
  const id = (r: { id: number }) => r.id;
  const townshipId = id(await k.insertInto('admin_units').values({ code: '130406199', name: '测试镇', level: 'township', kind: 'town', parent_id: 1,
    population: 45, households: 9, synthetic: 1, ...polygonRow(114.29, 36.51, 114.35, 36.57) }).returning('id').executeTakeFirstOrThrow());
  const villageId = id(await k.insertInto('admin_units').values({ code: '130406199201', name: '测试村', level: 'village', kind: 'village', parent_id: townshipId,
    population: 45, households: 9, synthetic: 1, ...polygonRow(114.29, 36.51, 114.35, 36.57) }).returning('id').executeTakeFirstOrThrow());
  const gridId = id(await k.insertInto('grids').values({ code: '130406199201-01', name: '测试村第1网格', admin_unit_id: villageId, population: 20, households: 4,
    synthetic: 1, ...polygonRow(114.299, 36.52, 114.3095, 36.54) }).returning('id').executeTakeFirstOrThrow());
  const roads: [string, 'residential' | 'lane', [number, number][]][] = [
    ['测试大街', 'residential', along(114.300, 114.320, Y)], ['测试东街', 'residential', along(114.320, 114.340, Y)],
    ['测试北街', 'residential', along(114.300, 114.320, NORTH, 0.01)],
    ['西联路', 'lane', [[114.300, Y], [114.300, NORTH]]], ['东联路', 'lane', [[114.320, Y], [114.320, NORTH]]],
  ];
  for (const [name, cls, coords] of roads) await k.insertInto('roads').values({ name, class: cls, oneway: 0, synthetic: 1, ...lineRow(coords) }).execute();
  for (const [n, [x, y, residents]] of HOMES.entries()) {
    const ap = id(await k.insertInto('address_points').values({ building_id: null, grid_id: x < 114.3095 && y < 36.54 ? gridId : null, admin_unit_id: villageId,
      address: `测试村${n + 1}号`, parts: '{}', synthetic: 1, ...pointRow(x, y) }).returning('id').executeTakeFirstOrThrow());
    await k.insertInto('households').values({ address_point_id: ap, building_id: null, residents, age_0_14: 0, age_15_64: residents, age_65_plus: 0 }).execute();
  }
  const temporal = { valid_from: T0, valid_to: null, created_at: T0, updated_at: T0, synthetic: 1 };
  const siteId = id(await k.insertInto('testing_sites').values({ name: '测试采样点', kind: 'fixed', capacity_per_hour: 150, opening_hours: '07:00-19:00', status: 'active',
    ...pointRow(114.300, Y), ...temporal }).returning('id').executeTakeFirstOrThrow());
  await k.insertInto('resources').values({ kind: 'feverClinic', name: '测试发热门诊', capacity: 20, status: 'active', ...pointRow(114.340, Y),
    valid_from: T0, valid_to: null, synthetic: 1 }).execute();
  await k.insertInto('checkpoints').values({ name: '测试大街卡口', kind: 'compoundGate', road_id: null, road_name: '测试大街', status: 'active', shifts: 3, staff: 6,
    throughput_per_day: 500, ...pointRow(114.3071, Y), ...temporal }).execute();
  const placeIds: number[] = [];
  for (const [kind, name, x] of [['school', '测试小学', 114.316], ['square', '测试广场', 114.336], ['publicBuilding', '测试村委会', 114.300]] as const) {
    placeIds.push(id(await k.insertInto('places').values({ kind, subkind: null, name, admin_unit_id: villageId, grid_id: null, population: 0, households: 0,
      synthetic: 1, ...polygonRow(x - 0.0003, Y - 0.0003, x + 0.0003, Y + 0.0003) }).returning('id').executeTakeFirstOrThrow()));
  }
  const zoneId = id(await k.insertInto('control_zones').values({ incident_id: 1, name: '测试封控区', current_version: 1 }).returning('id').executeTakeFirstOrThrow());
  await k.insertInto('control_zone_versions').values({ zone_id: zoneId, version: 1, kind: 'sealed', status: 'active', justification: '[]', last_infection_at: null,
    downgrade_on: null, lift_on: null, created_at: T0, valid_from: T0, valid_to: null, ...polygonRow(...SEALED_BOX) }).execute();
  // The contact forecast: case 3 reported two days before the test clock, and one traced contact (case 1 → contact 4).
  await k.updateTable('persons').set({ report_date: '2022-06-10' }).where('id', '=', 3).execute();
  await k.insertInto('contact_links').values({ from_person_id: 1, to_person_id: 4, contact_type: 'household', last_exposure_at: '2022-06-01T10:00:00.000Z' }).execute();
  return { villageId, townshipId, gridId, siteId, zoneId, placeIds };
}

// Data for the daily-analysis tests on top of the tiny district: 16 small villages in a 4×4 block
// south of its township (0.012° × 0.010°, about 1.07 × 1.11 km, each also a 网格 grid of the same
// shape), a quiet background of cases (one per village every 10 days over 120 days, never two
// within 500 m and 7 days of each other), a planted outbreak (12 cases in one village over the
// last 3 days) and flat syndromic counts with a planted spike.
import { addDays } from '../../domain/zones/calendar.ts';
import type { Db } from '../../server/db/database.ts';
import { idNo } from './access-fixture.ts';

const X0 = 114.02, Y0 = 36.32, W = 0.012, H = 0.01;
const spatialBox = (x0: number, y0: number) => {
  const g = { type: 'Polygon', coordinates: [[[x0, y0], [x0 + W, y0], [x0 + W, y0 + H], [x0, y0 + H], [x0, y0]]] };
  return { geometry: JSON.stringify(g), min_lng: x0, min_lat: y0, max_lng: x0 + W, max_lat: y0 + H };
};
/** Village i's centre (row i / 4, column i % 4). */
export const centreOf = (i: number): [number, number] => [X0 + (i % 4) * W + W / 2, Y0 + Math.floor(i / 4) * H + H / 2];

/** Adds the 16 villages (parent: township 2) and a grid over each; answers their ids in order. */
export async function addVillages(db: Db): Promise<{ villageIds: number[]; gridIds: number[] }> {
  const villageIds: number[] = [], gridIds: number[] = [];
  for (let i = 0; i < 16; i++) {
    const [x0, y0] = [X0 + (i % 4) * W, Y0 + Math.floor(i / 4) * H];
    const v = await db.kysely.insertInto('admin_units').values({ code: `130406103${String(300 + i)}`, name: `测试${i + 1}村`, level: 'village', kind: 'village',
      parent_id: 2, population: 1000, households: 300, synthetic: 1, ...spatialBox(x0, y0) }).returning('id').executeTakeFirstOrThrow();
    const g = await db.kysely.insertInto('grids').values({ code: `130406103${String(300 + i)}-01`, name: `测试${i + 1}村第1网格`, admin_unit_id: v.id,
      population: 1000, households: 300, synthetic: 1, ...spatialBox(x0, y0) }).returning('id').executeTakeFirstOrThrow();
    villageIds.push(v.id);
    gridIds.push(g.id);
  }
  return { villageIds, gridIds };
}

let serial = 0;
/** Confirmed cases of incident 1 reported on `day` at the given points; answers their ids. */
export async function addCases(db: Db, cases: { day: string; at: [number, number] }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const c of cases) {
    const [x, y] = c.at;
    const n = serial++;
    const r = await db.kysely.insertInto('persons').values({ incident_id: 1, category: 'confirmed', name: `聚集${n}`, id_number: idNo(String(600 + (n % 400))),
      phone: '13900006000', sex: 'male', age: 30, home_address_point_id: null, home_address: null, status: 'active', onset_date: addDays(c.day, -1),
      sample_date: c.day, report_date: c.day, geometry: JSON.stringify({ type: 'Point', coordinates: [x, y] }), min_lng: x, min_lat: y, max_lng: x, max_lat: y,
      valid_from: `${c.day}T02:00:00.000Z`, valid_to: null, created_at: `${c.day}T02:00:00.000Z`, updated_at: `${c.day}T02:00:00.000Z`, synthetic: 1 })
      .returning('id').executeTakeFirstOrThrow();
    ids.push(r.id);
  }
  return ids;
}

/** Background cases: village v has one every 10 days over the 120 days before `day`, staggered by
 * village, ≤ 0.002° from its centre (so never within 500 m of another village's). */
export function background(day: string): { day: string; at: [number, number] }[] {
  return Array.from({ length: 16 * 12 }, (_, k) => {
    const v = k % 16, j = Math.floor(k / 16);
    const [x, y] = centreOf(v);
    return { day: addDays(day, -119 + ((v * 7 + 10 * j) % 120)), at: [x + ((j % 3) - 1) * 0.002, y + ((j % 2) * 2 - 1) * 0.0015] as [number, number] };
  });
}

/** The outbreak: 4 cases a day in village v on the 3 days ending `day`, within ~100 m of its centre. */
export function outbreak(v: number, day: string): { day: string; at: [number, number] }[] {
  const [x, y] = centreOf(v);
  return Array.from({ length: 12 }, (_, k) => ({ day: addDays(day, -Math.floor(k / 4)), at: [x + (k % 4) * 0.0004 - 0.0006, y + (k % 3) * 0.0004 - 0.0004] as [number, number] }));
}

/** Daily counts of a village and kind from `from` to `to`: `count(date)`. */
export async function addSyndromic(db: Db, adminUnitId: number, kind: 'feverClinic' | 'feverDrug', from: string, to: string, count: (date: string) => number) {
  const rows = [];
  for (let d = from; d <= to; d = addDays(d, 1)) rows.push({ admin_unit_id: adminUnitId, date: d, kind, count: count(d) });
  await db.kysely.insertInto('syndromic_counts').values(rows).execute();
}

// What the zone clock (domain/zones/clock.ts) needs from the database for one zone on one day:
// the infections found inside its polygon (cases reported by then, by their home point, and any
// NAT round of the zone that found positives), the last exposure of their close contacts, and
// the zone's NAT rounds up to that day. Also the test-round rows themselves (POST
// /zones/{id}/test-rounds).
import type { MultiPolygon, Polygon } from 'geojson';
import { CASE_CATEGORIES } from '../../domain/layers.ts';
import { pointInRings, polygonsOf } from '../../domain/geometry/point-in-ring.ts';
import type { Db } from './database.ts';

export interface TestRoundRow { id: number; zoneId: number; date: string; tested: number; positives: number; note: string | null; actor: string; createdAt: string }

/** Infections: confirmed and asymptomatic cases (suspected ones are not yet infections). */
const INFECTED = CASE_CATEGORIES.filter((c) => c !== 'suspected');

export interface ZoneCases { infections: string[]; lastContactExposureAt: string | null }

/** Cases reported on or before `today` whose home point lies inside the polygon. Their
 * infection date is the report date (domain-rules.md §1.1 counts from the reported infection). */
export async function casesInside(db: Db, geometry: Polygon | MultiPolygon, bbox: [number, number, number, number], today: string,
  endOfToday: string): Promise<ZoneCases> {
  const rows = await db.kysely.selectFrom('persons').select(['id', 'report_date', 'min_lng', 'min_lat'])
    .where('category', 'in', INFECTED).where('report_date', 'is not', null).where('report_date', '<=', today)
    .where(db.inBbox('persons', bbox)).orderBy('id').execute();
  const polygons = polygonsOf(geometry);
  const inside = rows.filter((r) => polygons.some((rings) => pointInRings(rings, r.min_lng, r.min_lat)));
  if (!inside.length) return { infections: [], lastContactExposureAt: null };
  const ids = inside.map((r) => r.id);
  const last = await db.kysely.selectFrom('contact_links').select((eb) => eb.fn.max('last_exposure_at').as('at'))
    .where('from_person_id', 'in', ids).where('last_exposure_at', '<=', endOfToday).executeTakeFirst();
  return { infections: inside.map((r) => r.report_date!), lastContactExposureAt: (last?.at as string | null | undefined) ?? null };
}

/** The clock's infection dates: the cases inside, and the date of every round of the zone's
 * residents that found positives — a positive in mass testing is an infection inside the zone on
 * that day even before the case record exists (it restarts the clock, §1.2; 2021 管控区 → 封控区, §1.1). */
export function clockInfections(cases: ZoneCases, rounds: readonly { date: string; positives: number }[]): string[] {
  return [...cases.infections, ...rounds.filter((r) => r.positives > 0).map((r) => r.date)];
}

const toRound = (r: { id: number; zone_id: number; round_date: string; tested: number; positives: number; note: string | null; actor: string; created_at: string }): TestRoundRow => ({
  id: r.id, zoneId: r.zone_id, date: r.round_date, tested: r.tested, positives: r.positives, note: r.note, actor: r.actor, createdAt: r.created_at,
});

/** NAT rounds of the zones, oldest first; `today`: only rounds dated on or before it (replay). */
export async function testRounds(db: Db, zoneIds: number[], today?: string): Promise<TestRoundRow[]> {
  if (!zoneIds.length) return [];
  let q = db.kysely.selectFrom('zone_test_rounds').selectAll().where('zone_id', 'in', zoneIds);
  if (today) q = q.where('round_date', '<=', today);
  return (await q.orderBy('round_date').orderBy('id').execute()).map(toRound);
}

export async function insertTestRound(tx: Db, r: Omit<TestRoundRow, 'id'>): Promise<TestRoundRow> {
  const row = await tx.kysely.insertInto('zone_test_rounds').values({ zone_id: r.zoneId, round_date: r.date, tested: r.tested,
    positives: r.positives, note: r.note, actor: r.actor, created_at: r.createdAt }).returning('id').executeTakeFirstOrThrow();
  return { ...r, id: row.id };
}

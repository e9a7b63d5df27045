// The rows the daily analyses read for one incident and day: its cases (confirmed and
// asymptomatic; their day is the report date, else the onset date; their point is the home
// geometry) and the syndromic counts per village, kind and day. Only ids, dates, points and
// counts leave the database here, never a person's data. The areas they are counted in are in
// areas.ts (kept per database).
import { sql } from 'kysely';
import type { SyndromicKind } from '../../domain/analysis/types.ts';
import { endOfShanghaiDay } from '../../domain/zones/calendar.ts';
import type { Db } from '../db/database.ts';

export const ANALYSED_CATEGORIES = ['confirmed', 'asymptomatic'] as const;

export interface CasePoint { id: number; day: string; lng: number; lat: number }

/** The incident's cases whose day lies in [from, to], as the records stood at the end of `to`
 * (a record ended — merged, withdrawn — before then is left out), by day then id. */
export async function casePoints(db: Db, incidentId: number, from: string, to: string): Promise<CasePoint[]> {
  const day = sql<string>`coalesce(report_date, onset_date)`;
  const rows = await db.kysely.selectFrom('persons').select(['id', day.as('day'), 'min_lng', 'min_lat'])
    .where('incident_id', '=', incidentId).where('category', 'in', ANALYSED_CATEGORIES)
    .where(day, '>=', from).where(day, '<=', to)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', endOfShanghaiDay(to))]))
    .orderBy(day).orderBy('id').execute();
  return rows.map((r) => ({ id: r.id, day: r.day, lng: r.min_lng, lat: r.min_lat }));
}

export interface SyndromicRow { adminUnitId: number; date: string; kind: SyndromicKind; count: number }

/** The syndromic counts of these villages dated in [from, to]. Asked by village, so the unique
 * index (admin_unit_id, date, kind) serves each range: the demo's 28 days are 12k of 158k rows. */
export async function syndromicRows(db: Db, unitIds: readonly number[], from: string, to: string): Promise<SyndromicRow[]> {
  if (!unitIds.length) return [];
  const rows = await db.kysely.selectFrom('syndromic_counts').select(['admin_unit_id', 'date', 'kind', 'count'])
    .where('admin_unit_id', 'in', unitIds).where('date', '>=', from).where('date', '<=', to).execute();
  return rows.map((r) => ({ adminUnitId: r.admin_unit_id, date: r.date, kind: r.kind, count: Number(r.count) }));
}

/** One unit's (or, `unitIds` null, the whole district's) daily counts of a kind in [from, to],
 * summed in SQL: the district series is one row per day, not 216. Days without a row are absent. */
export async function syndromicTotals(db: Db, unitIds: number[] | null, kind: SyndromicKind, from: string, to: string): Promise<Map<string, number>> {
  let q = db.kysely.selectFrom('syndromic_counts').select(['date', (eb) => eb.fn.sum<number>('count').as('n')])
    .where('kind', '=', kind).where('date', '>=', from).where('date', '<=', to);
  if (unitIds) q = q.where('admin_unit_id', 'in', unitIds.length ? unitIds : [-1]);
  const rows = await q.groupBy('date').execute();
  return new Map(rows.map((r) => [r.date, Number(r.n)]));
}

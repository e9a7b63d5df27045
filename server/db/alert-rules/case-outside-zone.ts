// case_outside_zone (issue 7 item 4): a confirmed or asymptomatic case known in the last 14 days
// whose home lies outside every zone in force — an infection nobody has drawn a control area
// around yet (domain-rules.md §1.1–1.2 draw the zones around the cases' homes). Orange, one alert
// per person; it ends when a zone covering the home comes into force or the case leaves the
// 14-day window. The case's day is its report date, else its onset date (as the daily analyses
// count it). Points are tested in memory against the few zone polygons with the even–odd rule of
// the scope predicate (domain/geometry areaAt), never per row in SQL.
import { areaAt, polygonsOf } from '../../../domain/geometry/point-in-ring.ts';
import { addDays } from '../../../domain/zones/calendar.ts';
import { adminAreas } from '../admin-areas.ts';
import type { Db } from '../database.ts';
import { IN_FORCE } from '../wall-intervals.ts';
import { versionsAt } from '../zones.ts';
import type { RuleContext, StateAlert, StateRule } from './types.ts';

export const CASE_OUTSIDE_ZONE = 'case_outside_zone';
export const CASE_WINDOW_DAYS = 14;
const INFECTED = ['confirmed', 'asymptomatic'] as const;

async function evaluate(db: Db, ctx: RuleContext): Promise<StateAlert[]> {
  const from = addDays(ctx.today, -(CASE_WINDOW_DAYS - 1));
  const cases = await db.kysely.selectFrom('persons').select(['id', 'category', 'report_date', 'onset_date', 'min_lng', 'min_lat'])
    .where('incident_id', '=', ctx.incidentId).where('category', 'in', INFECTED)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', ctx.now)]))
    .where((eb) => eb.or([eb.and([eb('report_date', '>=', from), eb('report_date', '<=', ctx.today)]),
      eb.and([eb('report_date', 'is', null), eb('onset_date', '>=', from), eb('onset_date', '<=', ctx.today)])]))
    .orderBy('id').execute();
  if (!cases.length) return [];
  const zones = (await versionsAt(db, { at: ctx.now, statuses: [...IN_FORCE] })).filter((v) => v.incidentId === ctx.incidentId)
    .map((v) => ({ bbox: v.bbox, polygons: polygonsOf(v.geometry) }));
  const { villages } = await adminAreas(db);
  return cases.filter((c) => !areaAt(zones, c.min_lng, c.min_lat)).map((c): StateAlert => {
    const village = areaAt(villages, c.min_lng, c.min_lat);
    const day = (c.report_date ?? c.onset_date)!;
    return { rule: CASE_OUTSIDE_ZONE, key: `${CASE_OUTSIDE_ZONE}:person:${c.id}`, level: 'orange', raise: true,
      title: `病例住址不在任何现行管控区域内：人员 #${c.id}${village ? `（${village.name}）` : ''}，${day} 报告`,
      detail: { params: { personId: c.id, category: c.category, village: village?.name ?? '', reportDate: day },
        subject: { personIds: [c.id], ...(village ? { adminUnitIds: [village.id] } : {}) } } };
  });
}

export const caseOutsideZone: StateRule = { rule: CASE_OUTSIDE_ZONE, evaluate };

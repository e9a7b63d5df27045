// The facts an incident's grade is suggested from (domain/incident/grade.ts, 《国家突发公共卫生事件
// 应急预案》2006, domain-rules.md §2.2): the infections (confirmed and asymptomatic cases) known in
// the disease's counting window up to today (one mean incubation period of 6 days; a week for
// cholera and class B/C diseases: gradeWindowDays), by report date (else onset); whether
// the event is spreading (more than in the window before); no deaths are recorded by this system;
// one county, because a township system sees its own district only. Also the stored grade decision.
import { gradeWindowDays } from '../../domain/incident/diseases.ts';
import type { GradeFacts } from '../../domain/incident/grade.ts';
import { addDays, endOfShanghaiDay } from '../../domain/zones/calendar.ts';
import type { Db } from './database.ts';

const INFECTED = ['confirmed', 'asymptomatic'] as const;

export async function gradeFacts(db: Db, incident: { id: number; disease: string }, today: string): Promise<GradeFacts> {
  const window = gradeWindowDays(incident.disease);
  const from = addDays(today, -(window - 1));
  const before = addDays(from, -window);
  const rows = await db.kysely.selectFrom('persons').select(['report_date', 'onset_date']).where('incident_id', '=', incident.id)
    .where('category', 'in', INFECTED)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>', endOfShanghaiDay(today))]))
    .where((eb) => eb.or([eb('report_date', '>=', before), eb.and([eb('report_date', 'is', null), eb('onset_date', '>=', before)])])).execute();
  let last = 0, prev = 0;
  for (const r of rows) {
    const day = r.report_date ?? r.onset_date;
    if (!day || day > today) continue;
    if (day >= from) last++;
    else prev++;
  }
  return { disease: incident.disease, casesInWindow: last, countiesAffected: 1, deaths: 0, spreading: last > prev };
}

export interface GradeRow {
  id: number; disease: string; grade_confirmed: 'I' | 'II' | 'III' | 'IV' | null; warning_colour: 'red' | 'orange' | 'yellow' | 'blue' | null;
  grade_confirmed_by: string | null; grade_confirmed_at: string | null; grade_reason: string | null;
}

export async function gradeRow(db: Db, id: number): Promise<GradeRow | undefined> {
  return db.kysely.selectFrom('incidents').select(['id', 'disease', 'grade_confirmed', 'warning_colour', 'grade_confirmed_by', 'grade_confirmed_at', 'grade_reason'])
    .where('id', '=', id).executeTakeFirst();
}

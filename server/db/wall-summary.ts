// The reads behind GET /api/v1/wall/summary, each a single aggregate query (counts grouped in
// SQL; the loops by their current step, found with the board's correlated lookup on
// loop_steps_person). PostgreSQL sends count() as bigint text, hence Number() on every count.
import { sql } from 'kysely';
import type { Colour, AlertItem, SiteOccupancy } from '../../domain/wall/types.ts';
import type { TeamLoops } from '../../domain/wall/loops.ts';
import type { SummaryInput } from '../../domain/wall/summary.ts';
import type { Db } from './database.ts';
import { adminAreas } from './admin-areas.ts';
import { IN_FORCE, quarantineSteps, wallCases, wallContext } from './wall-intervals.ts';
import { wallCoverage } from './wall-coverage.ts';

/** Active zone versions in force at `now`, per kind. */
async function zoneCounts(db: Db, incidentId: number, now: string) {
  const rows = await db.kysely.selectFrom('control_zone_versions as v').innerJoin('control_zones as z', 'z.id', 'v.zone_id')
    .select(['v.kind', (eb) => eb.fn.countAll().as('n')])
    .where('z.incident_id', '=', incidentId).where('v.status', 'in', [...IN_FORCE]).where('v.valid_from', '<=', now)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', now)])).groupBy('v.kind').execute();
  return rows.map((r) => ({ kind: r.kind, count: Number(r.n) }));
}

/** Every site with its rooms and rooms occupied (quarantine_rooms.occupant_person_id, rooms.ts). */
async function sites(db: Db): Promise<SiteOccupancy[]> {
  const rows = await db.kysely.selectFrom('quarantine_sites as s').leftJoin('quarantine_rooms as r', 'r.site_id', 's.id')
    .select(['s.id', 's.name', 's.status', 's.valid_to', (eb) => eb.fn.count('r.id').as('total'), (eb) => eb.fn.count('r.occupant_person_id').as('occupied')])
    .groupBy(['s.id', 's.name', 's.status', 's.valid_to']).orderBy('s.id').execute();
  // A site whose record has ended counts as closed (room-occupancy.ts siteSummaries).
  return rows.map((r) => ({ id: r.id, name: r.name, status: r.valid_to === null ? r.status : 'closed', total: Number(r.total), occupied: Number(r.occupied) }));
}

/** Open loops per team of their current step (first open step by seq), with the overdue ones. */
async function teamLoops(db: Db, incidentId: number, now: string): Promise<TeamLoops[]> {
  const current = db.kysely.selectFrom('persons as p').where('p.incident_id', '=', incidentId)
    .select(sql<number | null>`(select s.id from loop_steps s where s.person_id = p.id and s.done_at is null and s.cancelled_at is null
      order by s.seq, s.id limit 1)`.as('step_id'));
  const rows = await db.kysely.selectFrom(current.as('c')).innerJoin('loop_steps as cs', 'cs.id', 'c.step_id').leftJoin('teams as t', 't.id', 'cs.team_id')
    .select(['cs.team_id', 't.name', (eb) => eb.fn.countAll().as('open'),
      sql<number>`sum(case when cs.due_at < ${now} then 1 else 0 end)`.as('overdue'),
      sql<string | null>`min(case when cs.due_at < ${now} then cs.due_at end)`.as('oldest')])
    .groupBy(['cs.team_id', 't.name']).execute();
  return rows.map((r) => ({ teamId: r.team_id, team: r.name, open: Number(r.open), overdue: Number(r.overdue), oldestDueAt: r.oldest }));
}

/** Distinct persons with each step done. */
async function reached(db: Db, incidentId: number) {
  const rows = await db.kysely.selectFrom('loop_steps as s').innerJoin('persons as p', 'p.id', 's.person_id')
    .select(['s.step', (eb) => eb.fn.count('s.person_id').distinct().as('n')])
    .where('p.incident_id', '=', incidentId).where('s.done_at', 'is not', null).groupBy('s.step').execute();
  return rows.map((r) => ({ step: r.step, persons: Number(r.n) }));
}

async function tasks(db: Db, incidentId: number, now: string) {
  const r = await db.kysely.selectFrom('tasks').where('incident_id', '=', incidentId).where('status', 'in', ['open', 'inProgress'])
    .select([(eb) => eb.fn.countAll().as('open'), sql<number | null>`sum(case when due_at < ${now} then 1 else 0 end)`.as('overdue')])
    .executeTakeFirstOrThrow();
  return { open: Number(r.open), overdue: Number(r.overdue ?? 0) };
}

/** Open alerts: counts per level and the latest 20 (titles name step and person id, never a person). */
async function alerts(db: Db, incidentId: number): Promise<{ counts: { level: Colour; count: number }[]; latest: AlertItem[] }> {
  const open = db.kysely.selectFrom('alerts').where('incident_id', '=', incidentId).where('status', '=', 'open');
  const counts = await open.select(['level', (eb) => eb.fn.countAll().as('n')]).groupBy('level').execute();
  const latest = await open.select(['id', 'level', 'rule', 'title', 'raised_at']).orderBy('raised_at', 'desc').orderBy('id', 'desc').limit(20).execute();
  return { counts: counts.map((r) => ({ level: r.level, count: Number(r.n) })),
    latest: latest.map((a) => ({ id: a.id, level: a.level, rule: a.rule, title: a.title, raisedAt: a.raised_at })) };
}

const EMPTY = { cases: [], zoneCounts: [], quarantineSteps: [], teamLoops: [], reached: [], tasks: { open: 0, overdue: 0 }, alertCounts: [], latestAlerts: [] };

/** Everything domain/wall/summary.ts needs, for the open incident at `now`. */
export async function summaryInput(db: Db, now: string): Promise<SummaryInput> {
  const [{ incident, profile }, areas, siteList, coverage] = await Promise.all([wallContext(db), adminAreas(db), sites(db), wallCoverage(db, now)]);
  if (!incident) return { incident, profile, sites: siteList, coverage, ...areas, ...EMPTY };
  const id = incident.id;
  const [cases, zones, steps, loops, funnel, taskCounts, alertRows] = await Promise.all([wallCases(db, id), zoneCounts(db, id, now),
    quarantineSteps(db, id, true), teamLoops(db, id, now), reached(db, id), tasks(db, id, now), alerts(db, id)]);
  return { incident, profile, cases, zoneCounts: zones, sites: siteList, quarantineSteps: steps, teamLoops: loops, reached: funnel,
    tasks: taskCounts, alertCounts: alertRows.counts, latestAlerts: alertRows.latest, coverage, ...areas };
}


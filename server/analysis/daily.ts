// One day's analyses for an incident: read (cases of the 365 days up to the day, the last 28 days
// of syndromic counts, the areas), compute (ST-DBSCAN, the scan, Gi*, EARS, the grade suggestion)
// outside any transaction — the scan takes seconds and yields to the event loop — then write it
// all in one short transaction: the four analysis_runs rows, the alerts of the rules (rules.ts),
// incidents.grade_suggested (never grade_confirmed: a person confirms) and the change events.
// Days run one at a time per database, so the scheduler and POST /analysis/run never interleave.
import { gradeWindowDays } from '../../domain/incident/diseases.ts';
import { suggestGrade } from '../../domain/incident/grade.ts';
import { areaAt } from '../../domain/geometry/point-in-ring.ts';
import { SCAN_DEFAULTS } from '../../domain/scan/space-time-permutation.ts';
import { addDays } from '../../domain/zones/calendar.ts';
import { upsertAlert } from '../db/alerts.ts';
import type { Db } from '../db/database.ts';
import { getIncident } from '../db/profiles.ts';
import { emitChanges, type Change } from '../live/emit.ts';
import { EARS_SERIES_DAYS, earsDay, hotspotsDay, stDbscanDay } from './analyses.ts';
import { assign, districtUnits, grids } from './areas.ts';
import { casePoints, syndromicRows, type CasePoint } from './inputs.ts';
import { dayAlerts } from './rules.ts';
import { resolveStale } from './stale-alerts.ts';
import { SCAN_STUDY_DAYS, scanDay } from './scan-run.ts';
import { earlierScanSignals, newestDay, upsertRuns } from './store.ts';

export interface DailyOutcome {
  day: string;
  counts: { clusters: number; scan: number; hotspots: number; signals: number };
  alerts: { raised: number; updated: number; resolved: number };
  runIds: number[];
  ms: { total: number; scan: number };
}
export interface DailyRun {
  incidentId: number;
  day: string; // the analysed Asia/Shanghai day
  ranAt: string; // analysis_runs.ran_at and the alerts' raised time
  /** The write's own time for the change events (default ranAt). */
  now?: string;
  /** Runs inside the write transaction after everything else (POST /analysis/run's audit entry). */
  within?: (tx: Db, outcome: DailyOutcome) => Promise<void>;
}

const queues = new WeakMap<Db, Promise<unknown>>();
function serial<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  const next = (queues.get(db) ?? Promise.resolve()).catch(() => undefined).then(fn);
  queues.set(db, next);
  return next;
}

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));
const inWindow = (cases: readonly CasePoint[], from: string, to: string) => cases.filter((c) => c.day >= from && c.day <= to).length;

export function runDailyAnalyses(db: Db, run: DailyRun): Promise<DailyOutcome> {
  return serial(db, () => analyse(db, run));
}

async function analyse(db: Db, run: DailyRun): Promise<DailyOutcome> {
  const t0 = performance.now();
  const { incidentId, day, ranAt } = run;
  const [{ villages: places, townships }, g, incident] = await Promise.all([districtUnits(db), grids(db), getIncident(db, incidentId)]);
  if (!incident) throw new Error(`no incident ${incidentId}`);
  const cases = await casePoints(db, incidentId, addDays(day, -(SCAN_STUDY_DAYS - 1)), day);
  const syndromic = await syndromicRows(db, places.map((p) => p.id), addDays(day, -(EARS_SERIES_DAYS - 1)), day);
  const earlier = await earlierScanSignals(db, incidentId, day, SCAN_DEFAULTS.maxWindowDays);
  const names = new Map<number, string>([...townships, ...places.map((p): [number, string] => [p.id, p.name])]);
  const townshipOf = new Map(places.map((p) => [p.id, p.townshipId]));
  // Each analysis is synchronous: hand the event loop back between them.
  const st = stDbscanDay(cases, day);
  await tick();
  const hs = hotspotsDay(cases, g, day);
  await tick();
  const ea = earsDay(syndromic, { names, townshipOf }, day);
  await tick();
  const t1 = performance.now();
  const sc = await scanDay(places, cases, assign(places, cases), day, earlier);
  const scanMs = performance.now() - t1;
  // The plan counts cases in one incubation period (6 days; a week for cholera and class B/C), and
  // "spreading" when that window holds more than the one before it. A township system sees one
  // county and records no deaths (the facts S-ALERTS's grade route uses too).
  const w = gradeWindowDays(incident.disease), w0 = addDays(day, -(w - 1));
  const casesInWindow = inWindow(cases, w0, day), casesBefore = inWindow(cases, addDays(w0, -w), addDays(w0, -1));
  const grade = suggestGrade({ disease: incident.disease, casesInWindow, countiesAffected: 1, deaths: 0, spreading: casesInWindow > casesBefore });
  const alerts = dayAlerts({ clusters: st.clusters, scan: sc.clusters, signals: ea.signals, townships: new Set(townships.keys()) }, incidentId, day, ranAt, names,
    ([lng, lat]) => areaAt(places, lng, lat)?.name ?? null);
  const counts = { clusters: st.clusters.length, scan: sc.clusters.length, hotspots: hs.cells.length, signals: ea.signals.length };

  return db.transaction(async (tx) => {
    const newest = await newestDay(tx, incidentId);
    const runIds = await upsertRuns(tx, incidentId, day, ranAt, [{ kind: 'stDbscan', params: st.params, result: st.clusters },
      { kind: 'scan', params: sc.params, result: sc.clusters }, { kind: 'hotspots', params: hs.params, result: hs.cells },
      { kind: 'ears', params: ea.params, result: ea.signals }]);
    const tally = { raised: 0, updated: 0, resolved: 0 };
    for (const a of alerts) {
      const r = await upsertAlert(tx, a);
      if (r !== 'unchanged') tally[r]++;
    }
    // Only the newest day speaks for the incident now: rerunning an old day leaves the suggestion
    // and the alerts it no longer raises.
    let gradeChanged = false;
    if (newest === null || day >= newest) {
      tally.resolved = await resolveStale(tx, incidentId, day, ranAt, alerts);
      const r = await tx.kysely.updateTable('incidents').set({ grade_suggested: grade.grade }).where('id', '=', incidentId)
        .where((eb) => grade.grade === null ? eb('grade_suggested', 'is not', null)
          : eb.or([eb('grade_suggested', 'is', null), eb('grade_suggested', '!=', grade.grade)])).executeTakeFirst();
      gradeChanged = Number(r.numUpdatedRows) > 0;
    }
    const changes: Change[] = [{ resource: 'analysis', ids: runIds }];
    if (tally.raised + tally.updated + tally.resolved) changes.push({ resource: 'alerts' }, { resource: 'dashboard' });
    if (gradeChanged) changes.push({ resource: 'incidents', ids: [incidentId] });
    await emitChanges(tx, run.now ?? ranAt, changes);
    const outcome: DailyOutcome = { day, counts, alerts: tally, runIds, ms: { total: Math.round(performance.now() - t0), scan: Math.round(scanMs) } };
    await run.within?.(tx, outcome);
    return outcome;
  });
}

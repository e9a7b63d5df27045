// analysis_runs (migration 007): one row per incident, kind and day, params and result as JSON.
// The map and GET /analysis/latest read the newest run of each kind, the scan reads the clusters
// signalled on earlier days (new vs ongoing), and the scheduler asks which days are done.
import type { AnalysisKind, AnalysisLatest, ScanClusterOut } from '../../domain/analysis/types.ts';
import { addDays } from '../../domain/zones/calendar.ts';
import type { Db } from '../db/database.ts';
import { openIncidentId } from '../db/records.ts';
import { SCAN_ALERT_DAYS } from './rules.ts';

export const ANALYSIS_KINDS: readonly AnalysisKind[] = ['stDbscan', 'scan', 'hotspots', 'ears'];

export interface RunRow { kind: AnalysisKind; params: Record<string, number>; result: unknown }

/** Inserts or replaces the day's run of each kind; answers the rows' ids. */
export async function upsertRuns(tx: Db, incidentId: number, day: string, ranAt: string, runs: readonly RunRow[]): Promise<number[]> {
  const ids: number[] = [];
  for (const r of runs) {
    const values = { incident_id: incidentId, kind: r.kind, day, ran_at: ranAt, params: JSON.stringify(r.params), result: JSON.stringify(r.result) };
    const row = await tx.kysely.insertInto('analysis_runs').values(values)
      .onConflict((oc) => oc.columns(['incident_id', 'kind', 'day']).doUpdateSet({ ran_at: values.ran_at, params: values.params, result: values.result }))
      .returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return ids;
}

/** Days in [from, to] that have a run of every kind. */
export async function analysedDays(db: Db, incidentId: number, from: string, to: string): Promise<Set<string>> {
  const rows = await db.kysely.selectFrom('analysis_runs').select(['day', (eb) => eb.fn.countAll().as('n')])
    .where('incident_id', '=', incidentId).where('day', '>=', from).where('day', '<=', to).groupBy('day').execute();
  return new Set(rows.filter((r) => Number(r.n) >= ANALYSIS_KINDS.length).map((r) => r.day));
}

/** The newest analysed day of the incident (any kind), or null. */
export async function newestDay(db: Db, incidentId: number): Promise<string | null> {
  const r = await db.kysely.selectFrom('analysis_runs').select((eb) => eb.fn.max('day').as('day')).where('incident_id', '=', incidentId).executeTakeFirst();
  return r?.day ?? null;
}

/** The village ids of scan clusters that reached the alert threshold on the `lookbackDays` days
 * before `day`: a cluster sharing a village with one of them is ongoing, not new. */
export async function earlierScanSignals(db: Db, incidentId: number, day: string, lookbackDays: number): Promise<number[][]> {
  const rows = await db.kysely.selectFrom('analysis_runs').select('result').where('incident_id', '=', incidentId).where('kind', '=', 'scan')
    .where('day', '>=', addDays(day, -lookbackDays)).where('day', '<', day).execute();
  return rows.flatMap((r) => (JSON.parse(r.result) as ScanClusterOut[]).filter((k) => k.recurrenceDays >= SCAN_ALERT_DAYS.yellow).map((k) => k.locationIds));
}

type Latest<K extends AnalysisKind> = NonNullable<AnalysisLatest[K]>;

/** The newest run of each kind for the open incident (nulls when there is none). */
export async function latestAnalysis(db: Db): Promise<AnalysisLatest> {
  const incidentId = (await openIncidentId(db)) ?? null;
  const out: AnalysisLatest = { incidentId, day: null, stDbscan: null, scan: null, hotspots: null, ears: null };
  if (incidentId === null) return out;
  const newest = db.kysely.selectFrom('analysis_runs').select(['kind', (eb) => eb.fn.max('day').as('day')]).where('incident_id', '=', incidentId).groupBy('kind');
  const rows = await db.kysely.selectFrom('analysis_runs as r').innerJoin(newest.as('n'), (j) => j.onRef('n.kind', '=', 'r.kind').onRef('n.day', '=', 'r.day'))
    .select(['r.kind', 'r.day', 'r.ran_at', 'r.params', 'r.result']).where('r.incident_id', '=', incidentId).execute();
  for (const r of rows) {
    const head = { day: r.day, ranAt: r.ran_at, params: JSON.parse(r.params) as Record<string, number> };
    const result = JSON.parse(r.result) as unknown;
    if (r.kind === 'stDbscan') out.stDbscan = { ...head, clusters: result as Latest<'stDbscan'>['clusters'] };
    else if (r.kind === 'scan') out.scan = { ...head, clusters: result as Latest<'scan'>['clusters'] };
    else if (r.kind === 'hotspots') out.hotspots = { ...head, cells: result as Latest<'hotspots'>['cells'] };
    else out.ears = { ...head, signals: result as Latest<'ears'>['signals'] };
    if (out.day === null || r.day > out.day) out.day = r.day;
  }
  return out;
}

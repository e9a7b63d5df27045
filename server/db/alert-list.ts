// Reads of alerts for GET /alerts and GET /alerts/{id}, with the one row mapper to the wire shape
// (domain/analysis/types.ts AlertOut). An alert's `detail` JSON holds `params` (what its i18n
// message names) and `subject` (what it is about: persons, villages, a series, a site, a zone).
// Alerts written before issue 7 (loop_overdue, loop_positive: server/db/loop-escalation.ts,
// routes/loop-complete.ts) keep a flat detail with a personId: its figures become the params and
// the person the subject, so every alert has a line list the same way.
import type { Polygon, MultiPolygon } from 'geojson';
import type { AlertLevel, AlertOut, AlertStatus } from '../../domain/analysis/types.ts';
import type { Db } from './database.ts';

export interface AlertRow {
  id: number; incident_id: number; level: AlertLevel; rule: string; title: string; detail: string; status: AlertStatus; raised_at: string;
  acknowledged_at: string | null; acknowledged_by: string | null; resolved_at: string | null; resolved_by: string | null;
  dedupe_key: string | null; escalated_at: string | null;
}

/** What an alert concerns (contract-issue7.md): any of these may be present. */
export interface AlertSubject {
  personIds?: number[]; adminUnitIds?: number[]; adminUnitId?: number; kind?: string; date?: string; gridIds?: number[];
  geometry?: Polygon | MultiPolygon; siteId?: number; zoneId?: number;
}

type Params = Record<string, string | number>;
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const scalars = (o: Record<string, unknown>): Params =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) as Params;

/** The params and subject of a stored detail, whatever its age. */
export function parseDetail(text: string): { params: Params; subject: AlertSubject } {
  let d: unknown;
  try { d = JSON.parse(text); } catch { d = null; }
  if (!isObject(d)) return { params: {}, subject: {} };
  if (isObject(d.params) || isObject(d.subject)) return { params: isObject(d.params) ? scalars(d.params) : {}, subject: isObject(d.subject) ? d.subject as AlertSubject : {} };
  // Issue 5's loop alerts: { stepId, personId, step, dueAt, teamId, … } — the figures are the params.
  return { params: scalars(d), subject: typeof d.personId === 'number' ? { personIds: [d.personId] } : {} };
}

/** An alert for the wire. `withActors` false (the wall): who acknowledged or resolved stays out,
 * like a loop step's actor (staff usernames are not for an unattended screen). */
export function alertOut(r: AlertRow, withActors: boolean): AlertOut {
  return {
    id: r.id, level: r.level, rule: r.rule, title: r.title, params: parseDetail(r.detail).params, status: r.status, raisedAt: r.raised_at,
    acknowledgedAt: r.acknowledged_at, acknowledgedBy: withActors ? r.acknowledged_by : null,
    resolvedAt: r.resolved_at, resolvedBy: withActors ? r.resolved_by : null, escalatedAt: r.escalated_at,
  };
}

const columns = ['id', 'incident_id', 'level', 'rule', 'title', 'detail', 'status', 'raised_at', 'acknowledged_at', 'acknowledged_by',
  'resolved_at', 'resolved_by', 'dedupe_key', 'escalated_at'] as const;

export async function alertRow(db: Db, id: number): Promise<AlertRow | undefined> {
  return (await db.kysely.selectFrom('alerts').select(columns).where('id', '=', id).executeTakeFirst()) as AlertRow | undefined;
}

export interface AlertFilter {
  incidentId: number; statuses: AlertStatus[]; levels?: AlertLevel[]; rules?: string[]; limit: number;
  /** The last alert of the previous page (keyset on raised_at, then id). */
  afterId?: number;
}

/** A page of alerts, newest raised first (a backfilled analysis alert carries the day it was
 * found, so raised_at, not id, is the order), and whether more follow. */
export async function listAlerts(db: Db, f: AlertFilter): Promise<{ rows: AlertRow[]; more: boolean }> {
  let q = db.kysely.selectFrom('alerts').select(columns).where('incident_id', '=', f.incidentId).where('status', 'in', f.statuses);
  if (f.levels?.length) q = q.where('level', 'in', f.levels);
  if (f.rules?.length) q = q.where('rule', 'in', f.rules);
  if (f.afterId !== undefined) {
    const last = await db.kysely.selectFrom('alerts').select(['raised_at']).where('id', '=', f.afterId).executeTakeFirst();
    if (!last) return { rows: [], more: false };
    const id = f.afterId;
    q = q.where((eb) => eb.or([eb('raised_at', '<', last.raised_at), eb.and([eb('raised_at', '=', last.raised_at), eb('id', '<', id)])]));
  }
  const rows = (await q.orderBy('raised_at', 'desc').orderBy('id', 'desc').limit(f.limit + 1).execute()) as AlertRow[];
  return { rows: rows.slice(0, f.limit), more: rows.length > f.limit };
}

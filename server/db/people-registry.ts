// The registry of persons (GET /people, GET /people/{id}, the registry export): each person with
// the current step of their loop (the first open one by seq: not done, not cancelled), its due
// time and responsible team, and their township. Scope `own` (field members) is the person's
// home inside the team's areas, in SQL like the cases layer, so another area's person reads as
// missing. Rows come back with snake_case personal columns in clear: the caller masks them
// through serialize.ts, the one place that does.
import { sql } from 'kysely';
import type { PersonCategory } from '../../domain/layers.ts';
import type { Bbox } from '../../domain/geometry/bbox.ts';
import { areaAt } from '../../domain/geometry/point-in-ring.ts';
import { LOOP_STEPS, type LoopStepName } from '../../domain/loop/types.ts';
import { addDays } from '../../domain/zones/calendar.ts';
import type { Db } from './database.ts';
import { adminAreas } from './admin-areas.ts';

export interface RegistryFilter {
  categories?: PersonCategory[]; statuses?: string[]; steps?: LoopStepName[]; townshipId?: number; overdue?: boolean;
  from?: string; to?: string; q?: string; ids?: number[];
  /** Only this incident's persons (lists show the open incident's, review M9; -1: none open). */
  incidentId?: number;
  /** Scope `own`: only persons inside this team's areas. */
  teamId?: number;
  /** The board: only open loops, and (scope `own` for loops, or a filter) whose current step this team answers for. */
  openOnly?: boolean; stepTeamId?: number;
  /** A township's bbox: the spatial index narrows the rows before the exact test in JS. */
  within?: Bbox;
  limit: number; afterId?: number; now: string;
}

export interface RegistryRow {
  id: number; incident_id: number; category: PersonCategory; status: string; name: string; id_number: string; phone: string;
  sex: string; age: number; home_address: string | null; onset_date: string | null; sample_date: string | null; report_date: string | null;
  identified_at: string; source: string; geocode_level: string | null; geocode_confidence: number | null; lng: number; lat: number;
  current_step_id: number | null; current_step: LoopStepName | null; current_due_at: string | null; escalation_level: number | null;
  team_id: number | null; team_name: string | null; township_id: number | null; township_name: string | null;
}

/** Category words a `q` may name (key or Chinese label), matched whole: searching never touches
 * names or numbers, so it cannot be used to probe for a person. */
const CATEGORY_WORDS: Record<string, PersonCategory> = {
  confirmed: 'confirmed', 确诊: 'confirmed', asymptomatic: 'asymptomatic', 无症状: 'asymptomatic', 无症状感染者: 'asymptomatic',
  suspected: 'suspected', 疑似: 'suspected', closecontact: 'closeContact', 密接: 'closeContact', 密切接触者: 'closeContact',
  secondarycontact: 'secondaryContact', 次密接: 'secondaryContact', atrisktraveller: 'atRiskTraveller', 风险人员: 'atRiskTraveller',
};

/** Start of a Shanghai day as an ISO instant (UTC+8, no daylight saving since 1991). */
const dayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString();

function query(db: Db, f: RegistryFilter) {
  let inner = db.kysely.selectFrom('persons').select(['persons.id', 'persons.incident_id', 'persons.category', 'persons.status', 'persons.name',
    'persons.id_number', 'persons.phone', 'persons.sex', 'persons.age', 'persons.home_address', 'persons.onset_date', 'persons.sample_date',
    'persons.report_date', 'persons.valid_from as identified_at', 'persons.source', 'persons.geocode_level', 'persons.geocode_confidence',
    'persons.min_lng as lng', 'persons.min_lat as lat',
    sql<number | null>`(select s.id from loop_steps s where s.person_id = persons.id and s.done_at is null and s.cancelled_at is null
      order by s.seq, s.id limit 1)`.as('current_step_id')]);
  if (f.categories?.length) inner = inner.where('persons.category', 'in', f.categories);
  if (f.statuses?.length) inner = inner.where('persons.status', 'in', f.statuses as never);
  if (f.ids) inner = inner.where('persons.id', 'in', f.ids.length ? f.ids : [-1]);
  if (f.incidentId !== undefined) inner = inner.where('persons.incident_id', '=', f.incidentId);
  if (f.from) inner = inner.where('persons.valid_from', '>=', dayStart(f.from));
  if (f.to) inner = inner.where('persons.valid_from', '<', dayStart(addDays(f.to, 1)));
  if (f.afterId !== undefined) inner = inner.where('persons.id', '>', f.afterId);
  if (f.teamId !== undefined) inner = inner.where(db.inTeamAreas('persons', f.teamId, 'point'));
  if (f.within) inner = inner.where(db.inBbox('persons', f.within));
  let q = db.kysely.selectFrom(inner.as('p')).leftJoin('loop_steps as cs', 'cs.id', 'p.current_step_id').leftJoin('teams as t', 't.id', 'cs.team_id')
    .selectAll('p').select(['cs.step as current_step', 'cs.due_at as current_due_at', 'cs.escalation_level', 'cs.team_id', 't.name as team_name']);
  if (f.steps?.length) q = q.where('cs.step', 'in', f.steps);
  if (f.openOnly) q = q.where('cs.id', 'is not', null);
  if (f.stepTeamId !== undefined) q = q.where('cs.team_id', '=', f.stepTeamId);
  if (f.overdue === true) q = q.where('cs.due_at', '<', f.now);
  if (f.overdue === false) q = q.where((eb) => eb.or([eb('cs.due_at', 'is', null), eb('cs.due_at', '>=', f.now)]));
  return q.orderBy('p.id');
}

/** A page of the registry by id (keyset), and whether more follow. The township and a `q` that
 * is not an id are tested in JS after the SQL filters, before the page is cut. */
export async function listRegistry(db: Db, f: RegistryFilter): Promise<{ rows: RegistryRow[]; more: boolean }> {
  const towns = (await adminAreas(db)).townships;
  const q = f.q?.trim();
  const byId = q !== undefined && /^\d{1,9}$/.test(q) ? Number(q) : undefined;
  const word = q !== undefined && byId === undefined ? q.toLowerCase() : undefined;
  const inJs = f.townshipId !== undefined || word !== undefined;
  const within = towns.find((t) => t.id === f.townshipId)?.bbox;
  if (f.townshipId !== undefined && !within) return { rows: [], more: false };
  let s = query(db, { ...f, within, ...(byId === undefined ? {} : { ids: [byId] }) });
  if (!inJs) s = s.limit(f.limit + 1);
  const rows: RegistryRow[] = [];
  for (const r of (await s.execute()) as unknown as RegistryRow[]) {
    const town = areaAt(towns, r.lng, r.lat);
    const row = { ...r, escalation_level: r.escalation_level === null ? null : Number(r.escalation_level), township_id: town?.id ?? null, township_name: town?.name ?? null };
    if (f.townshipId !== undefined && row.township_id !== f.townshipId) continue;
    if (word !== undefined && CATEGORY_WORDS[word] !== row.category && !(row.township_name ?? '').includes(q!)) continue;
    rows.push(row);
    if (rows.length > f.limit) break;
  }
  return { rows: rows.slice(0, f.limit), more: rows.length > f.limit };
}

/** One person of the registry (scope `own` when `teamId`), or undefined. */
export async function registryRow(db: Db, id: number, now: string, teamId?: number): Promise<RegistryRow | undefined> {
  return (await listRegistry(db, { ids: [id], teamId, limit: 1, now })).rows[0];
}

/** Every open loop of the incident on the board (GET /loops/board and its export alike), by step in
 * loop order, then due time (the most overdue first), then person id. */
export async function boardRows(db: Db, f: { incidentId: number; steps?: LoopStepName[]; stepTeamId?: number; overdueOnly?: boolean; limit: number; now: string }): Promise<RegistryRow[]> {
  const { rows } = await listRegistry(db, { incidentId: f.incidentId, openOnly: true, steps: f.steps, stepTeamId: f.stepTeamId,
    overdue: f.overdueOnly ? true : undefined, limit: f.limit, now: f.now });
  const rank = (s: LoopStepName | null) => LOOP_STEPS.indexOf(s!);
  return rows.sort((a, b) => rank(a.current_step) - rank(b.current_step) || a.current_due_at!.localeCompare(b.current_due_at!) || a.id - b.id);
}

// Query functions for tasks, with one row mapper. Scope `own` is `tasks.team_id = <team>` in the
// where-clause of every read, so another team's task reads as missing (404), not as forbidden.
import type { Point, Polygon } from 'geojson';
import type { TaskStatus } from '../../domain/schemas/tasks.ts';
import type { Db } from './database.ts';

export interface Task {
  id: number; incidentId: number; type: string; title: string; teamId: number | null; teamName: string | null;
  placeId: number | null; placeName: string | null; status: TaskStatus; dueAt: string | null; note: string | null;
  geometry: Point | Polygon; createdAt: string; updatedAt: string;
}

type Row = { id: number; incident_id: number; type: string; title: string; team_id: number | null; team_name: string | null;
  place_id: number | null; place_name: string | null; status: TaskStatus; due_at: string | null; note: string | null;
  geometry: string; created_at: string; updated_at: string };

const toTask = (r: Row): Task => ({
  id: r.id, incidentId: r.incident_id, type: r.type, title: r.title, teamId: r.team_id, teamName: r.team_name,
  placeId: r.place_id, placeName: r.place_name, status: r.status, dueAt: r.due_at, note: r.note,
  geometry: JSON.parse(r.geometry) as Point | Polygon, createdAt: r.created_at, updatedAt: r.updated_at,
});

const base = (db: Db) => db.kysely.selectFrom('tasks')
  .leftJoin('teams', 'teams.id', 'tasks.team_id')
  .leftJoin('places', 'places.id', 'tasks.place_id')
  .select(['tasks.id', 'tasks.incident_id', 'tasks.type', 'tasks.title', 'tasks.team_id', 'teams.name as team_name',
    'tasks.place_id', 'places.name as place_name', 'tasks.status', 'tasks.due_at', 'tasks.note', 'tasks.geometry',
    'tasks.created_at', 'tasks.updated_at']);

export interface TaskQuery { statuses?: TaskStatus[]; teamId?: number; limit: number; afterId?: number }

/** A page of tasks by id (keyset), and whether more follow. */
export async function listTasks(db: Db, q: TaskQuery): Promise<{ tasks: Task[]; more: boolean }> {
  let s = base(db);
  if (q.statuses?.length) s = s.where('tasks.status', 'in', q.statuses);
  if (q.teamId !== undefined) s = s.where('tasks.team_id', '=', q.teamId);
  if (q.afterId !== undefined) s = s.where('tasks.id', '>', q.afterId);
  const rows = (await s.orderBy('tasks.id').limit(q.limit + 1).execute()) as Row[];
  return { tasks: rows.slice(0, q.limit).map(toTask), more: rows.length > q.limit };
}

/** `teamId`: scope `own`, only that team's task. */
export async function getTask(db: Db, id: number, teamId?: number): Promise<Task | undefined> {
  let s = base(db).where('tasks.id', '=', id);
  if (teamId !== undefined) s = s.where('tasks.team_id', '=', teamId);
  const r = (await s.executeTakeFirst()) as Row | undefined;
  return r && toTask(r);
}

export interface NewTask {
  incident_id: number; type: string; title: string; team_id: number; place_id: number | null; due_at: string; note: string | null;
  geometry: string; min_lng: number; min_lat: number; max_lng: number; max_lat: number;
}

export async function insertTask(db: Db, t: NewTask, now: string): Promise<number> {
  const r = await db.kysely.insertInto('tasks').values({ ...t, status: 'open', created_at: now, updated_at: now })
    .returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export interface TaskChange { title?: string; team_id?: number; due_at?: string; status?: TaskStatus }

export async function updateTask(db: Db, id: number, ch: TaskChange, now: string): Promise<void> {
  await db.kysely.updateTable('tasks').set({ ...ch, updated_at: now }).where('id', '=', id).execute();
}

/** A place as a task target: its name and the centre of its bbox (a point the phone can route to). */
export async function placeTarget(db: Db, id: number): Promise<{ name: string; centre: Point } | undefined> {
  const p = await db.kysely.selectFrom('places').select(['name', 'min_lng', 'min_lat', 'max_lng', 'max_lat']).where('id', '=', id).executeTakeFirst();
  return p && { name: p.name, centre: { type: 'Point', coordinates: [(p.min_lng + p.max_lng) / 2, (p.min_lat + p.max_lat) / 2] } };
}

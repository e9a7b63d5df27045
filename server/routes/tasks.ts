// GET/POST /tasks, GET/PATCH /tasks/{id}. Scope `own` (field members) is the team in the SQL
// where-clause: another team's task id answers 404 exactly like a missing one. A new task's
// target is the given Point/Polygon (validated, stored as text + bbox like every spatial row) or
// the centre of the named place's bbox; it belongs to the newest open incident.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { Geometry } from 'geojson';
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import { validateGeometry } from '../../domain/geometry/validate.ts';
import { TASK_STATUSES, TaskCreate, TaskPatch, type TaskStatus } from '../../domain/schemas/tasks.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { openIncidentId } from '../db/records.ts';
import { listTaskUpdates } from '../db/task-updates.ts';
import { getTask, insertTask, listTasks, placeTarget, updateTask } from '../db/tasks.ts';
import { teamExists } from '../db/teams.ts';
import { ApiError } from '../errors.ts';
import { emitChange } from '../live/emit.ts';
import { taskChange } from '../live/task-changes.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json, TaskDetailOut, TaskOut } from './task-schemas.ts';

const ListQuery = z.strictObject({
  status: z.string().max(100).optional().describe(`comma-separated: ${TASK_STATUSES.join(', ')}`),
  teamId: z.coerce.number().int().positive().optional().describe('ignored for field members: always their team'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(64).optional(),
});
const policy = (action: 'read' | 'create' | 'update') => ({ resource: 'tasks' as const, action });

const list = policyRoute(policy('read'), { method: 'get', path: '/tasks', tags: ['tasks'], summary: 'Tasks by id, filtered by status and team',
  request: { query: ListQuery },
  responses: { 200: { description: 'A page', ...json(z.object({ items: z.array(TaskOut), next: z.string().nullable() })) }, ...problems(400, 401, 403) } });
const read = policyRoute(policy('read'), { method: 'get', path: '/tasks/{id}', tags: ['tasks'], summary: 'A task with its progress reports',
  request: { params: IdParam },
  responses: { 200: { description: 'The task', ...json(TaskDetailOut) }, ...problems(400, 401, 403, 404) } });
const create = policyRoute(policy('create'), { method: 'post', path: '/tasks', tags: ['tasks'], summary: 'Assign a task to a team',
  request: { body: body(TaskCreate) },
  responses: { 201: { description: 'The task', ...json(TaskOut) }, ...problems(400, 401, 403, 409, 413, 415, 422) } });
const patch = policyRoute(policy('update'), { method: 'patch', path: '/tasks/{id}', tags: ['tasks'], summary: 'Change title, team, due time or status',
  request: { params: IdParam, body: body(TaskPatch) },
  responses: { 200: { description: 'The task', ...json(TaskOut) }, ...problems(400, 401, 403, 404, 415, 422) } });

function statuses(text: string | undefined): TaskStatus[] | undefined {
  const list = text?.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = list?.find((s) => !(TASK_STATUSES as readonly string[]).includes(s));
  if (bad !== undefined) throw new ApiError('invalid_query', `status: ${bad} is not one of ${TASK_STATUSES.join(', ')}`);
  return list as TaskStatus[] | undefined;
}

async function target(db: Db, b: z.infer<typeof TaskCreate>): Promise<Geometry> {
  if (b.placeId !== undefined) {
    const place = await placeTarget(db, b.placeId);
    if (!place) throw new ApiError('unknown_reference', `place ${b.placeId}`);
    return place.centre;
  }
  const g = validateGeometry(b.geometry, ['Point', 'Polygon']);
  if (!g.ok) throw new ApiError('invalid_geometry', g.reason);
  return g.geometry;
}

export function tasks(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const who = (c: Context<AppEnv>, route: string) => ({ at: deps.now().toISOString(), actor: access(c).viewer.username, entity: 'tasks',
    route, ip: clientIp(c, deps.trustProxy) });
  const found = async (id: number, teamId: number | null, from: Db = db) => {
    const task = await getTask(from, id, teamId ?? undefined);
    if (!task) throw new ApiError('not_found', `task ${id}`);
    return task;
  };
  const knownTeam = async (id: number | undefined) => {
    if (id !== undefined && !(await teamExists(db, id))) throw new ApiError('unknown_reference', `team ${id}`);
  };

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const { ownTeam } = access(c);
      const { tasks: items, more } = await listTasks(db, { statuses: statuses(q.status), teamId: ownTeam ?? q.teamId, limit: q.limit,
        afterId: q.cursor ? decodeCursor(q.cursor) : undefined });
      return c.json({ items, next: more ? encodeCursor(items[items.length - 1].id) : null }, 200);
    })
    .openapi(read, async (c) => {
      const task = await found(c.req.valid('param').id, access(c).ownTeam);
      return c.json({ ...task, updates: await listTaskUpdates(db, task.id) }, 200);
    })
    .openapi(create, async (c) => {
      const b = c.req.valid('json');
      await knownTeam(b.teamId);
      const geometry = await target(db, b);
      const incidentId = await openIncidentId(db);
      if (incidentId === undefined) throw new ApiError('conflict', 'there is no open incident to add the task to');
      const [minLng, minLat, maxLng, maxLat] = geometryBbox(geometry);
      const now = deps.now().toISOString();
      const task = await db.transaction(async (tx) => {
        const id = await insertTask(tx, { incident_id: incidentId, type: b.type, title: b.title, team_id: b.teamId, place_id: b.placeId ?? null,
          due_at: new Date(b.dueAt).toISOString(), note: b.note ?? null, geometry: JSON.stringify(geometry),
          min_lng: minLng, min_lat: minLat, max_lng: maxLng, max_lat: maxLat }, now);
        const created = await found(id, null, tx);
        await appendAudit(tx, { ...who(c, 'POST /tasks'), action: 'create', entityId: id, after: created });
        await emitChange(tx, now, taskChange(id, created.teamId));
        return created;
      });
      return c.json(task, 201, { location: `/api/v1/tasks/${task.id}` });
    })
    .openapi(patch, async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      await knownTeam(b.teamId);
      const { ownTeam } = access(c);
      const now = deps.now().toISOString();
      const task = await db.transaction(async (tx) => {
        const before = await found(id, ownTeam, tx);
        await updateTask(tx, id, { title: b.title, team_id: b.teamId, status: b.status,
          due_at: b.dueAt === undefined ? undefined : new Date(b.dueAt).toISOString() }, now);
        const after = await found(id, null, tx);
        await appendAudit(tx, { ...who(c, 'PATCH /tasks/{id}'), action: 'update', entityId: id, before, after });
        await emitChange(tx, now, taskChange(id, before.teamId, after.teamId));
        return after;
      });
      return c.json(task, 200);
    });
}

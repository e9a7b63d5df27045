// POST /tasks/{id}/updates: a progress report from the field. The phone's offline queue resends
// a report until it sees an answer, so the report's `clientId` makes it idempotent: a repeat
// answers 200 with the stored report and writes nothing; a clientId already used for another
// task is a 409. Two copies arriving at once race on the unique index of task_updates.client_id;
// the loser's transaction rolls back and it answers like a repeat. The report, the task's status
// and the audit entry commit together.
import { OpenAPIHono } from '@hono/zod-openapi';
import { TaskReport } from '../../domain/schemas/tasks.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import { isUniqueViolation, type Db } from '../db/database.ts';
import { findTaskUpdate, hasLaterUpdate, insertTaskUpdate, type TaskUpdate } from '../db/task-updates.ts';
import { getTask, updateTask } from '../db/tasks.ts';
import { ApiError } from '../errors.ts';
import { emitChange } from '../live/emit.ts';
import { taskChange } from '../live/task-changes.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json, TaskUpdateOut } from './task-schemas.ts';

const report = policyRoute({ resource: 'tasks', action: 'report' }, { method: 'post', path: '/tasks/{id}/updates', tags: ['tasks'],
  summary: 'Report progress on a task (idempotent on clientId)',
  request: { params: IdParam, body: body(TaskReport) },
  responses: {
    201: { description: 'Stored', ...json(TaskUpdateOut) },
    200: { description: 'Already received: the stored report, unchanged', ...json(TaskUpdateOut) },
    ...problems(400, 401, 403, 404, 409, 415),
  } });

/** A clientId seen before: the same report again, or a clash with another task's. */
function repeat(stored: TaskUpdate, taskId: number): TaskUpdate {
  if (stored.taskId !== taskId) throw new ApiError('conflict', `clientId ${stored.clientId} belongs to another task`);
  return stored;
}

export function taskUpdates(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(report, async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const { viewer, ownTeam } = access(c);
      const seen = await findTaskUpdate(db, b.clientId);
      // The sender's own report, resent after their team lost the task: it was stored, say so
      // (a 404 would make the phone drop what the server already has).
      if (seen && seen.userId === viewer.userId && seen.taskId === id) return c.json(seen, 200);
      if (!(await getTask(db, id, ownTeam ?? undefined))) throw new ApiError('not_found', `task ${id}`);
      if (seen) return c.json(repeat(seen, id), 200);
      const now = deps.now().toISOString();
      // A phone clock running ahead must not date a report after its arrival: it would outrank
      // every later report in the status rule below.
      const at = b.at === undefined || Date.parse(b.at) > Date.parse(now) ? now : new Date(b.at).toISOString();
      try {
        const stored = await db.transaction(async (tx) => {
          const task = (await getTask(tx, id))!;
          const before = task.status;
          if (before === 'cancelled') throw new ApiError('task_cancelled');
          const updateId = await insertTaskUpdate(tx, { task_id: id, client_id: b.clientId, user_id: viewer.userId, status: b.status,
            note: b.note ?? null, at, received_at: now });
          // Reports from several phones may arrive out of order: the status follows the one that
          // happened last on a phone, so a late resend of an older report does not undo a newer one.
          const newest = !(await hasLaterUpdate(tx, id, at));
          await updateTask(tx, id, newest ? { status: b.status } : {}, now);
          // The note is free text from the field and may name people: the audit keeps its length only.
          await appendAudit(tx, { at: now, actor: viewer.username, action: 'report', entity: 'tasks', entityId: id, route: 'POST /tasks/{id}/updates',
            ip: clientIp(c, deps.trustProxy), before: { status: before },
            after: { status: newest ? b.status : before, updateId, clientId: b.clientId, reported: b.status, at, noteLength: b.note?.length ?? 0 } });
          await emitChange(tx, now, taskChange(id, task.teamId)); // the report shows in the task's file even when the status stays
          return (await findTaskUpdate(tx, b.clientId))!;
        });
        return c.json(stored, 201);
      } catch (err) {
        if (!isUniqueViolation(err)) throw err;
        const winner = await findTaskUpdate(db, b.clientId);
        if (!winner) throw err;
        return c.json(repeat(winner, id), 200);
      }
    });
}

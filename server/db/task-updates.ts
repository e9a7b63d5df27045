// Query functions for the progress reports field members send for tasks, with one row mapper.
// `client_id` is unique in the table (migration 002): the phone's id for a report, which makes
// resending it a no-op however many times the offline queue retries.
import type { Db } from './database.ts';

export type ReportStatus = 'open' | 'inProgress' | 'done';

export interface TaskUpdate {
  id: number; taskId: number; clientId: string; status: ReportStatus; note: string | null;
  userId: number; displayName: string; at: string; receivedAt: string;
}

type Row = { id: number; task_id: number; client_id: string; status: ReportStatus; note: string | null; user_id: number;
  display_name: string; at: string; received_at: string };

const toUpdate = (r: Row): TaskUpdate => ({
  id: r.id, taskId: r.task_id, clientId: r.client_id, status: r.status, note: r.note, userId: r.user_id,
  displayName: r.display_name, at: r.at, receivedAt: r.received_at,
});

const base = (db: Db) => db.kysely.selectFrom('task_updates').innerJoin('users', 'users.id', 'task_updates.user_id')
  .select(['task_updates.id', 'task_updates.task_id', 'task_updates.client_id', 'task_updates.status', 'task_updates.note',
    'task_updates.user_id', 'users.display_name', 'task_updates.at', 'task_updates.received_at']);

/** A task's reports in the order they happened on the phones. */
export async function listTaskUpdates(db: Db, taskId: number): Promise<TaskUpdate[]> {
  const rows = (await base(db).where('task_updates.task_id', '=', taskId).orderBy('task_updates.at').orderBy('task_updates.id').execute()) as Row[];
  return rows.map(toUpdate);
}

export async function findTaskUpdate(db: Db, clientId: string): Promise<TaskUpdate | undefined> {
  const r = (await base(db).where('task_updates.client_id', '=', clientId).executeTakeFirst()) as Row | undefined;
  return r && toUpdate(r);
}

export interface NewTaskUpdate { task_id: number; client_id: string; user_id: number; status: ReportStatus; note: string | null; at: string; received_at: string }

export async function insertTaskUpdate(db: Db, u: NewTaskUpdate): Promise<number> {
  return (await db.kysely.insertInto('task_updates').values(u).returning('id').executeTakeFirstOrThrow()).id;
}

/** Whether the task already has a report that happened after `at` (a late resend must not undo it). */
export async function hasLaterUpdate(db: Db, taskId: number, at: string): Promise<boolean> {
  const r = await db.kysely.selectFrom('task_updates').select('id').where('task_id', '=', taskId).where('at', '>', at).limit(1).executeTakeFirst();
  return r !== undefined;
}

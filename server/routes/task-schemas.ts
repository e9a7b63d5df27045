// The task shapes the API sends (contract-issue3.md, "Tasks"), shared by routes/tasks.ts and
// routes/task-updates.ts for their OpenAPI responses.
import { z } from '@hono/zod-openapi';
import { DbId } from '../../domain/schemas/common.ts';
import { REPORT_STATUSES, TASK_STATUSES } from '../../domain/schemas/tasks.ts';

export const TaskUpdateOut = z.object({
  id: z.number(), taskId: z.number(), clientId: z.string(), status: z.enum(REPORT_STATUSES), note: z.string().nullable(),
  userId: z.number(), displayName: z.string(), at: z.string(), receivedAt: z.string(),
}).openapi('TaskUpdate');

export const TaskOut = z.object({
  id: z.number(), incidentId: z.number(), type: z.string(), title: z.string(), teamId: z.number().nullable(), teamName: z.string().nullable(),
  placeId: z.number().nullable(), placeName: z.string().nullable(), status: z.enum(TASK_STATUSES), dueAt: z.string().nullable(),
  note: z.string().nullable(), geometry: z.object({ type: z.enum(['Point', 'Polygon']), coordinates: z.array(z.unknown()) }),
  createdAt: z.string(), updatedAt: z.string(),
}).openapi('Task');

export const TaskDetailOut = TaskOut.extend({ updates: z.array(TaskUpdateOut) }).openapi('TaskDetail');

export const IdParam = z.object({ id: DbId });
export const body = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });
export const json = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });

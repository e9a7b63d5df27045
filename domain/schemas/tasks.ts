// Request bodies of the task endpoints (contract-issue3.md, "Tasks"): planners create and edit
// tasks; field members report progress from the phone, each report carrying the phone's own id
// (`clientId`) so that a resend after a lost answer is recognised instead of stored twice.
import { z } from 'zod';

export const TASK_TYPES = ['visit', 'sampling', 'transfer', 'delivery', 'patrol', 'other'] as const;
export const TASK_STATUSES = ['open', 'inProgress', 'done', 'cancelled'] as const;
/** What a report from the field may set; cancelling is the planner's (PATCH). */
export const REPORT_STATUSES = ['open', 'inProgress', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

const Id = z.number().int().positive();
const Title = z.string().trim().min(1).max(200);
const Time = z.iso.datetime({ offset: true });

export const TaskCreate = z.strictObject({
  type: z.enum(TASK_TYPES),
  title: Title,
  teamId: Id,
  placeId: Id.optional(),
  geometry: z.unknown().optional().meta({ description: 'GeoJSON Point or Polygon, WGS-84 [lng, lat]' }),
  dueAt: Time,
  note: z.string().max(500).optional(),
}).refine((b) => (b.placeId === undefined) !== (b.geometry === undefined), {
  message: 'give either placeId or geometry (exactly one)', path: ['placeId'],
});

export const TaskPatch = z.strictObject({
  title: Title.optional(),
  teamId: Id.optional(),
  dueAt: Time.optional(),
  status: z.enum(TASK_STATUSES).optional(),
}).refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'nothing to change' });

export const TaskReport = z.strictObject({
  clientId: z.uuid(),
  status: z.enum(REPORT_STATUSES),
  note: z.string().max(500).optional(),
  at: Time.optional().describe('when it happened on the phone (default: when received)'),
});

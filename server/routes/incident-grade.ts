// Issue 7 placeholder: GET /incidents/{id}/grade, PUT /incidents/{id}/grade (S-ALERTS fills it in).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/context.ts';
import type { Db } from '../db/database.ts';
import { validationHook } from './openapi.ts';

export function incidentGrade(_deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

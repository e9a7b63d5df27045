// Issue 7 placeholder: GET /analysis/latest, GET /analysis/syndromic, POST /analysis/run (S-ANALYSIS fills it in).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/context.ts';
import type { Db } from '../db/database.ts';
import { validationHook } from './openapi.ts';

export function analysis(_deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

// Issue 8: the coverage routes (placeholder until the routes land).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/context.ts';
import type { Db } from '../db/database.ts';
import { validationHook } from './openapi.ts';

export function coverage(deps: { db: Db; now: () => Date }) {
  void deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

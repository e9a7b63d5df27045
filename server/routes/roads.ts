// Issue 8: importing roads into the routing graph (placeholder until the route lands).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/context.ts';
import type { Db } from '../db/database.ts';
import { validationHook } from './openapi.ts';

export function roads(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  void deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
}

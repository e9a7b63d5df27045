// Placeholder: GET /wall/summary and GET /playback (issue 6).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/context.ts';
import type { Db } from '../db/database.ts';

export function wall(_deps: { db: Db; now: () => Date }) {
  return new OpenAPIHono<AppEnv>();
}

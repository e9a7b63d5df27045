// Placeholder: GET /live, the server-sent event stream (issue 6).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/context.ts';

export function live(_deps: unknown) {
  return new OpenAPIHono<AppEnv>();
}

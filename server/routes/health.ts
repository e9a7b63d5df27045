// GET /health — the database's state, for operators and the e2e harness.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { policyRoute } from '../auth/route.ts';
import type { Db } from '../db/database.ts';

const route = policyRoute('public', {
  method: 'get', path: '/health', tags: ['system'], summary: 'Service and database state',
  responses: {
    200: { description: 'Healthy', content: { 'application/json': { schema: z.object({ status: z.literal('ok'), database: z.record(z.string(), z.unknown()) }) } } },
    503: { description: 'Database unreachable', content: { 'application/json': { schema: z.object({ status: z.literal('unavailable') }) } } },
  },
});

export function health(deps: { db: Db }) {
  return new OpenAPIHono().openapi(route, async (c) => {
    try {
      const state = await deps.db.describe();
      const districts = await deps.db.kysely.selectFrom('admin_units').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return c.json({ status: 'ok' as const, database: { ...state, adminUnits: Number(districts.n) } }, 200);
    } catch {
      return c.json({ status: 'unavailable' as const }, 503);
    }
  });
}

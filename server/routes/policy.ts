// GET /policy: the access policy table itself (domain/auth/policy.ts), for the admin view. It is
// the same table every route enforces, so what the page shows is what the server does.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ACTIONS, policyRows, RESOURCES, ROLES } from '../../domain/auth/policy.ts';
import type { AppEnv } from '../auth/context.ts';
import { policyRoute } from '../auth/route.ts';
import { problems } from './openapi.ts';

const Row = z.object({ role: z.enum(ROLES), resource: z.enum(RESOURCES), action: z.enum(ACTIONS), scope: z.enum(['all', 'own']) });

const read = policyRoute({ resource: 'policy', action: 'read' }, { method: 'get', path: '/policy', tags: ['policy'],
  summary: 'The role × resource × action table and its scopes',
  responses: { 200: { description: 'Roles and the granted rows (a pair not listed is denied)',
    content: { 'application/json': { schema: z.object({ roles: z.array(z.enum(ROLES)), rows: z.array(Row) }).openapi('Policy') } } },
  ...problems(401, 403) } });

export function policy() {
  return new OpenAPIHono<AppEnv>().openapi(read, (c) => c.json({ roles: [...ROLES], rows: policyRows() }, 200));
}

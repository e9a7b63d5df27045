// POST /persons/{id}/reveal — a person's name, ID number, phone and home address in clear, for
// the roles whose policy grants `reveal` (within their scope), with a stated reason. The only
// route that sends personal data unmasked; each call is in the audit log with its reason before
// the answer leaves (reliability.md §3: display restriction, audited access).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { audit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { revealed } from '../serialize.ts';
import { problems, validationHook } from './openapi.ts';

const Revealed = z.object({ id: z.number(), name: z.string(), idNumber: z.string(), phone: z.string(), homeAddress: z.string().nullable() });

const route = policyRoute({ resource: 'personalData', action: 'reveal' }, {
  method: 'post', path: '/persons/{id}/reveal', tags: ['persons'], summary: 'Show one person\'s personal data in clear (audited)',
  request: {
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: { content: { 'application/json': { schema: z.object({ reason: z.string().trim().min(2).max(200) }) } }, required: true },
  },
  responses: { 200: { description: 'The clear values', content: { 'application/json': { schema: Revealed } } }, ...problems(400, 401, 403, 404, 415) },
});

export function reveal(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook }).openapi(route, async (c) => {
    const { viewer, ownTeam } = access(c);
    const { id } = c.req.valid('param');
    let q = deps.db.kysely.selectFrom('persons').select(['id', 'name', 'id_number', 'phone', 'home_address']).where('id', '=', id);
    if (ownTeam !== null) q = q.where(deps.db.inTeamAreas('persons', ownTeam, 'point'));
    const row = await q.executeTakeFirst();
    if (!row) throw new ApiError('not_found', `persons ${id}`);
    await audit(deps.db, { at: deps.now().toISOString(), actor: viewer.username, action: 'reveal', entity: 'persons', entityId: id,
      after: { reason: c.req.valid('json').reason, fields: ['name', 'idNumber', 'phone', 'homeAddress'] },
      route: 'POST /persons/{id}/reveal', ip: clientIp(c, deps.trustProxy) });
    return c.json(revealed(row), 200);
  });
}

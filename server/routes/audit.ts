// GET /audit (search, newest first) and GET /audit/verify (recompute the hash chain): the
// administrator's window on the append-only log. Nothing here writes.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { AppEnv } from '../auth/context.ts';
import { policyRoute } from '../auth/route.ts';
import { searchAudit, verifyAuditChain } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { problems, validationHook } from './openapi.ts';

const word = z.string().max(64);
const Query = z.strictObject({
  actor: word.optional(), action: word.optional(), entity: word.optional(), entityId: word.optional(),
  from: z.iso.datetime({ offset: true }).optional(), to: z.iso.datetime({ offset: true }).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100), cursor: z.string().max(64).optional(),
});
const Entry = z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), entity: z.string(),
  entityId: z.string().nullable(), before: z.unknown(), after: z.unknown(), route: z.string().nullable(), ip: z.string().nullable(), hash: z.string() });
const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } } });

const search = policyRoute({ resource: 'audit', action: 'read' }, { method: 'get', path: '/audit', tags: ['audit'],
  summary: 'Search the audit log, newest first', request: { query: Query },
  responses: { 200: { description: 'A page of entries', ...json(z.object({ items: z.array(Entry), next: z.string().nullable() })) }, ...problems(400, 401, 403) } });
const verify = policyRoute({ resource: 'audit', action: 'read' }, { method: 'get', path: '/audit/verify', tags: ['audit'],
  summary: 'Recompute the hash chain', responses: { 200: { description: 'The check', ...json(z.object({
    ok: z.boolean(), entries: z.number(), firstBrokenId: z.number().nullable() })) }, ...problems(401, 403) } });

const parse = (text: string | null) => (text === null ? null : JSON.parse(text) as unknown);

export function auditLog(deps: { db: Db }) {
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(search, async (c) => {
      const q = c.req.valid('query');
      const iso = (t?: string) => (t ? new Date(t).toISOString() : undefined);
      const { rows, more } = await searchAudit(deps.db, { ...q, from: iso(q.from), to: iso(q.to),
        beforeId: q.cursor ? decodeCursor(q.cursor) : undefined });
      const items = rows.map((r) => ({ id: r.id, at: r.at, actor: r.actor, action: r.action, entity: r.entity, entityId: r.entity_id,
        before: parse(r.before), after: parse(r.after), route: r.route, ip: r.ip, hash: r.hash }));
      return c.json({ items, next: more ? encodeCursor(rows[rows.length - 1].id) : null }, 200);
    })
    .openapi(verify, async (c) => c.json(await verifyAuditChain(deps.db), 200));
}

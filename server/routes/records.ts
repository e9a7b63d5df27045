// Read, create and update for the record resources (cases, checkpoints, quarantine and testing
// sites, all with created_at/updated_at): one factory, one spec per resource. Bodies are
// zod-validated, geometry is checked by domain/geometry/validate.ts (422 with the reason),
// output goes through serialize.ts. Each route carries its policy; `own` scope is applied in
// the query, so an out-of-scope id is a 404 like a missing one. Writes, their audit entry
// (masked before/after) and their live change event commit together; reads of people are audited.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { ZodObject } from 'zod';
import { personalFieldsFor, type Resource } from '../../domain/auth/policy.ts';
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import { validateGeometry } from '../../domain/geometry/validate.ts';
import type { LayerId } from '../../domain/layers.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit, audit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { LAYERS } from '../db/layers.ts';
import { getRecord, insertRecord, listRecords, updateRecord } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import { emitChanges } from '../live/emit.ts';
import { recordChanges } from '../live/record-changes.ts';
import { recordJson } from '../serialize.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { problems, validationHook } from './openapi.ts';

export interface RecordSpec {
  path: string; // e.g. /cases
  layer: LayerId;
  resource: Resource;
  tag: string;
  create: ZodObject;
  update: ZodObject;
  /** Columns a new row needs beyond its body (incident, status, validity…). */
  createDefaults: (db: Db, now: string, body: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

export interface RecordDeps { db: Db; now: () => Date; trustProxy: boolean }

const snake = (s: string) => s.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const RecordOut = z.record(z.string(), z.unknown());

/** Body (camelCase, validated) → columns (snake_case), with geometry text and bbox. */
function toColumns(body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue;
    if (k === 'geometry') {
      const g = validateGeometry(v, ['Point']);
      if (!g.ok) throw new ApiError('invalid_geometry', g.reason);
      const [minLng, minLat, maxLng, maxLat] = geometryBbox(g.geometry);
      Object.assign(out, { geometry: JSON.stringify(g.geometry), min_lng: minLng, min_lat: minLat, max_lng: maxLng, max_lat: maxLat });
    } else out[snake(k)] = v;
  }
  return out;
}

export function records(spec: RecordSpec, deps: RecordDeps) {
  const { db } = deps;
  const table = LAYERS[spec.layer].table;
  const policy = (action: 'read' | 'create' | 'update') => ({ resource: spec.resource, action });
  const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } }, required: true });
  const out = (c: Context<AppEnv>, row: Record<string, unknown>) => recordJson(table, row, personalFieldsFor(access(c).viewer.role));
  const found = async (id: number, teamId: number | null, from: Db = db) => {
    const row = await getRecord(from, spec.layer, id, teamId ?? undefined);
    if (!row) throw new ApiError('not_found', `${spec.path.slice(1)} ${id}`);
    return row;
  };
  const who = (c: Context<AppEnv>, route: string) => ({ at: deps.now().toISOString(), actor: access(c).viewer.username, entity: table,
    route, ip: clientIp(c, deps.trustProxy) });
  /** People's records read through this route go to the audit log (ids only). */
  const auditRead = async (c: Context<AppEnv>, route: string, rows: { id: number }[]) => {
    if (table !== 'persons' || !rows.length || personalFieldsFor(access(c).viewer.role) === 'hidden') return;
    await audit(db, { ...who(c, route), action: 'read', entityId: rows.length === 1 ? rows[0].id : null, after: { count: rows.length, ids: rows.map((r) => r.id) } });
  };

  const list = policyRoute(policy('read'), { method: 'get', path: spec.path, tags: [spec.tag], summary: `List ${spec.tag}`,
    request: { query: z.strictObject({ limit: z.coerce.number().int().min(1).max(1000).default(100), cursor: z.string().max(64).optional() }) },
    responses: { 200: { description: 'A page', content: { 'application/json': { schema: z.object({ items: z.array(RecordOut), next: z.string().nullable() }) } } }, ...problems(400, 401, 403) } });
  const read = policyRoute(policy('read'), { method: 'get', path: `${spec.path}/{id}`, tags: [spec.tag], summary: `Read one of ${spec.tag}`,
    request: { params: IdParam },
    responses: { 200: { description: 'The record', content: { 'application/json': { schema: RecordOut } } }, ...problems(400, 401, 403, 404) } });
  const create = policyRoute(policy('create'), { method: 'post', path: spec.path, tags: [spec.tag], summary: `Create one of ${spec.tag}`,
    request: { body: json(spec.create) },
    responses: { 201: { description: 'Created', content: { 'application/json': { schema: RecordOut } } }, ...problems(400, 401, 403, 413, 415, 422) } });
  const update = policyRoute(policy('update'), { method: 'patch', path: `${spec.path}/{id}`, tags: [spec.tag], summary: `Update one of ${spec.tag}`,
    request: { params: IdParam, body: json(spec.update) },
    responses: { 200: { description: 'Updated', content: { 'application/json': { schema: RecordOut } } }, ...problems(400, 401, 403, 404, 413, 415, 422) } });

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const { rows, more } = await listRecords(db, spec.layer, { limit: q.limit, afterId: q.cursor ? decodeCursor(q.cursor) : undefined,
        teamId: access(c).ownTeam ?? undefined });
      await auditRead(c, `GET ${spec.path}`, rows);
      return c.json({ items: rows.map((r) => out(c, r)), next: more ? encodeCursor(rows[rows.length - 1].id) : null }, 200);
    })
    .openapi(read, async (c) => {
      const row = await found(c.req.valid('param').id, access(c).ownTeam);
      await auditRead(c, `GET ${spec.path}/{id}`, [row]);
      return c.json(out(c, row), 200);
    })
    .openapi(create, async (c) => {
      const body = c.req.valid('json') as Record<string, unknown>;
      const now = deps.now().toISOString();
      const columns = { ...(await spec.createDefaults(db, now, body)), ...toColumns(body) };
      const row = await db.transaction(async (tx) => {
        const id = await insertRecord(tx, spec.layer, columns);
        const created = await found(id, null, tx);
        await appendAudit(tx, { ...who(c, `POST ${spec.path}`), action: 'create', entityId: id, after: recordJson(table, created) });
        await emitChanges(tx, now, await recordChanges(tx, spec.resource, id, [created]));
        return created;
      });
      return c.json(out(c, row), 201, { location: `/api/v1${spec.path}/${row.id}` });
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const columns = toColumns(c.req.valid('json') as Record<string, unknown>);
      const { ownTeam } = access(c);
      const now = deps.now().toISOString();
      const row = await db.transaction(async (tx) => {
        const before = await found(id, ownTeam, tx);
        await updateRecord(tx, spec.layer, id, { ...columns, updated_at: now });
        const after = await found(id, null, tx);
        await appendAudit(tx, { ...who(c, `PATCH ${spec.path}/{id}`), action: 'update', entityId: id,
          before: recordJson(table, before), after: recordJson(table, after) });
        await emitChanges(tx, now, await recordChanges(tx, spec.resource, id, [before, after]));
        return after;
      });
      return c.json(out(c, row), 200);
    });
}

// Read, create and update for the record resources (cases, checkpoints, quarantine and testing
// sites, all with created_at/updated_at): one factory, one spec per resource. Bodies are zod-validated, geometry is checked
// by domain/geometry/validate.ts (422 with the reason), output goes through serialize.ts.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import type { ZodObject } from 'zod';
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import { validateGeometry } from '../../domain/geometry/validate.ts';
import type { LayerId } from '../../domain/layers.ts';
import type { Db } from '../db/database.ts';
import { LAYERS } from '../db/layers.ts';
import { getRecord, insertRecord, listRecords, updateRecord } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import { recordJson } from '../serialize.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { ProblemSchema, validationHook } from './openapi.ts';

export interface RecordSpec {
  path: string; // e.g. /cases
  layer: LayerId;
  tag: string;
  create: ZodObject;
  update: ZodObject;
  /** Columns a new row needs beyond its body (incident, status, validity…). */
  createDefaults: (db: Db, now: string, body: Record<string, unknown>) => Promise<Record<string, unknown>>;
}

export interface RecordDeps { db: Db; now: () => Date }

const snake = (s: string) => s.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
const problems = (...codes: (400 | 404 | 413 | 415 | 422)[]) =>
  Object.fromEntries(codes.map((s) => [s, { description: 'Problem', content: { 'application/problem+json': { schema: ProblemSchema } } }]));
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
  const json = (schema: z.ZodType) => ({ content: { 'application/json': { schema } }, required: true });
  const found = async (id: number) => {
    const row = await getRecord(db, spec.layer, id);
    if (!row) throw new ApiError('not_found', `${spec.path.slice(1)} ${id}`);
    return recordJson(table, row);
  };

  const list = createRoute({ method: 'get', path: spec.path, tags: [spec.tag], summary: `List ${spec.tag}`,
    request: { query: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(100), cursor: z.string().max(64).optional() }) },
    responses: { 200: { description: 'A page', content: { 'application/json': { schema: z.object({ items: z.array(RecordOut), next: z.string().nullable() }) } } }, ...problems(400) } });
  const read = createRoute({ method: 'get', path: `${spec.path}/{id}`, tags: [spec.tag], summary: `Read one of ${spec.tag}`,
    request: { params: IdParam },
    responses: { 200: { description: 'The record', content: { 'application/json': { schema: RecordOut } } }, ...problems(400, 404) } });
  const create = createRoute({ method: 'post', path: spec.path, tags: [spec.tag], summary: `Create one of ${spec.tag}`,
    request: { body: json(spec.create) },
    responses: { 201: { description: 'Created', content: { 'application/json': { schema: RecordOut } } }, ...problems(400, 413, 415, 422) } });
  const update = createRoute({ method: 'patch', path: `${spec.path}/{id}`, tags: [spec.tag], summary: `Update one of ${spec.tag}`,
    request: { params: IdParam, body: json(spec.update) },
    responses: { 200: { description: 'Updated', content: { 'application/json': { schema: RecordOut } } }, ...problems(400, 404, 413, 415, 422) } });

  return new OpenAPIHono({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const { rows, more } = await listRecords(db, spec.layer, { limit: q.limit, afterId: q.cursor ? decodeCursor(q.cursor) : undefined });
      return c.json({ items: rows.map((r) => recordJson(table, r)), next: more ? encodeCursor(rows[rows.length - 1].id) : null }, 200);
    })
    .openapi(read, async (c) => c.json(await found(c.req.valid('param').id), 200))
    .openapi(create, async (c) => {
      const body = c.req.valid('json') as Record<string, unknown>;
      const now = deps.now().toISOString();
      const columns = { ...(await spec.createDefaults(db, now, body)), ...toColumns(body) };
      const id = await insertRecord(db, spec.layer, columns);
      return c.json(await found(id), 201, { location: `/api/v1${spec.path}/${id}` });
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      await found(id);
      const columns = toColumns(c.req.valid('json') as Record<string, unknown>);
      await updateRecord(db, spec.layer, id, { ...columns, updated_at: deps.now().toISOString() });
      return c.json(await found(id), 200);
    });
}

// GET /layers/:layer — every map layer as a GeoJSON FeatureCollection with bbox=, at=, kind=,
// limit and an opaque keyset cursor.
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { parseBbox } from '../../domain/geometry/bbox.ts';
import { LAYER_IDS, LAYER_LIMIT_DEFAULT, LAYER_LIMIT_MAX } from '../../domain/layers.ts';
import type { Db } from '../db/database.ts';
import { LAYERS, queryLayer } from '../db/layers.ts';
import { ApiError } from '../errors.ts';
import { featureText } from '../serialize.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { ProblemSchema, validationHook } from './openapi.ts';

const Query = z.object({
  bbox: z.string().optional().describe('minLng,minLat,maxLng,maxLat (WGS-84)'),
  at: z.iso.datetime({ offset: true }).optional().describe('as-of time: features valid then (default: now)'),
  kind: z.string().regex(/^[A-Za-z,]+$/).optional().describe('comma-separated kinds (category, class) to keep'),
  limit: z.coerce.number().int().min(1).max(LAYER_LIMIT_MAX).default(LAYER_LIMIT_DEFAULT),
  cursor: z.string().max(64).optional(),
});

const route = createRoute({
  method: 'get',
  path: '/layers/{layer}',
  tags: ['layers'],
  summary: 'A map layer as a GeoJSON FeatureCollection',
  request: { params: z.object({ layer: z.string() }), query: Query },
  responses: {
    200: { description: 'FeatureCollection with `next` cursor', content: { 'application/geo+json': { schema: z.object({
      type: z.literal('FeatureCollection'), features: z.array(z.unknown()), numberReturned: z.number(), next: z.string().nullable() }) } } },
    400: { description: 'Bad query', content: { 'application/problem+json': { schema: ProblemSchema } } },
    404: { description: 'Unknown layer', content: { 'application/problem+json': { schema: ProblemSchema } } },
  },
});

export function layers(deps: { db: Db; now: () => Date }) {
  return new OpenAPIHono({ defaultHook: validationHook }).openapi(route, async (c) => {
    const { layer } = c.req.valid('param');
    const q = c.req.valid('query');
    if (!(LAYER_IDS as readonly string[]).includes(layer)) throw new ApiError('unknown_layer', `layers: ${LAYER_IDS.join(', ')}`);
    const id = layer as (typeof LAYER_IDS)[number];
    let bbox;
    if (q.bbox !== undefined) {
      const parsed = parseBbox(q.bbox);
      if (!parsed.ok) throw new ApiError('invalid_bbox', parsed.reason);
      bbox = parsed.bbox;
    }
    // Without at= a layer shows the present: current zone versions, facilities in service now.
    const at = new Date(q.at ?? deps.now()).toISOString();
    const afterId = q.cursor === undefined ? undefined : decodeCursor(q.cursor);
    const kinds = q.kind?.split(',').filter(Boolean);
    const { rows, more } = await queryLayer(deps.db, id, { bbox, at, kinds, limit: q.limit, afterId });
    const table = LAYERS[id].table;
    const next = more ? encodeCursor(rows[rows.length - 1].id) : null;
    const body = `{"type":"FeatureCollection","numberReturned":${rows.length},"next":${JSON.stringify(next)},"features":[${rows.map((r) => featureText(table, r)).join(',')}]}`;
    return c.body(body, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never;
  });
}

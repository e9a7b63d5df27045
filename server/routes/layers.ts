// GET /layers/<layer> — every map layer as a GeoJSON FeatureCollection with bbox=, at=, kind=,
// limit and an opaque keyset cursor. One route per layer, so each carries its own policy: a
// field member's operational layers hold only the rows inside the team's areas (chosen in SQL),
// and every page holding people's records is written to the audit log.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { parseBbox } from '../../domain/geometry/bbox.ts';
import { LAYER_IDS, LAYER_LIMIT_DEFAULT, LAYER_LIMIT_MAX, type LayerId } from '../../domain/layers.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { audit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { LAYERS, queryLayer } from '../db/layers.ts';
import { ApiError } from '../errors.ts';
import { featureText } from '../serialize.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { problems, validationHook } from './openapi.ts';

const Query = z.strictObject({
  bbox: z.string().optional().describe('minLng,minLat,maxLng,maxLat (WGS-84)'),
  at: z.iso.datetime({ offset: true }).optional().describe('as-of time: features valid then (default: now)'),
  kind: z.string().regex(/^[A-Za-z,]+$/).optional().describe('comma-separated kinds (category, class) to keep'),
  limit: z.coerce.number().int().min(1).max(LAYER_LIMIT_MAX).default(LAYER_LIMIT_DEFAULT),
  cursor: z.string().max(64).optional(),
});
const Page = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()), numberReturned: z.number(), next: z.string().nullable() });

const layerRoute = (id: LayerId) => policyRoute({ resource: LAYERS[id].resource, action: 'read' }, {
  method: 'get', path: `/layers/${id}`, tags: ['layers'], summary: `Layer ${id} as a GeoJSON FeatureCollection`,
  request: { query: Query },
  responses: { 200: { description: 'FeatureCollection with `next` cursor', content: { 'application/geo+json': { schema: Page } } }, ...problems(400, 401, 403) },
});
const unknown = policyRoute('public', { method: 'get', path: '/layers/{layer}', tags: ['layers'], summary: 'Any other name: 404',
  request: { params: z.object({ layer: z.string() }) }, responses: problems(404) });

export function layers(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const id of LAYER_IDS) {
    app.openapi(layerRoute(id), async (c) => {
      const { viewer, ownTeam } = access(c);
      const q = c.req.valid('query');
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
      const { rows, more } = await queryLayer(deps.db, id, { bbox, at, kinds, limit: q.limit, afterId, teamId: ownTeam ?? undefined });
      const spec = LAYERS[id];
      const personal = personalFieldsFor(viewer.role);
      if (spec.table === 'persons' && personal === 'masked' && rows.length) {
        await audit(deps.db, { at: deps.now().toISOString(), actor: viewer.username, action: 'read', entity: 'persons',
          after: { layer: id, count: rows.length, ids: rows.map((r) => r.id) }, route: `GET /layers/${id}`, ip: clientIp(c, deps.trustProxy) });
      }
      const next = more ? encodeCursor(rows[rows.length - 1].id) : null;
      const body = `{"type":"FeatureCollection","numberReturned":${rows.length},"next":${JSON.stringify(next)},"features":[${rows.map((r) => featureText(spec.table, r, personal)).join(',')}]}`;
      return c.body(body, 200, { 'content-type': 'application/geo+json; charset=utf-8' }) as never;
    });
  }
  return app.openapi(unknown, () => {
    throw new ApiError('unknown_layer', `layers: ${LAYER_IDS.join(', ')}`);
  });
}

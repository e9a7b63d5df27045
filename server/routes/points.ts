// GET /points/<layer> (issue 7 item 1): every point of a person layer (cases, contacts) as
// columns — ids, lng, lat and a category index — for the web's display clustering, which builds
// its index in a worker. No paging (the clusterer needs them all at once) and no personal fields,
// at about 28 bytes a point before compression (the layer's GeoJSON is ~500). One route per
// layer, as /layers, so each carries its layer's policy; a field member gets only the rows inside
// the team's areas, and every read of people's points is written to the audit log.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { audit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { LAYERS } from '../db/layers.ts';
import { POINT_CATEGORIES, POINT_LAYERS, queryPoints, type PointLayer } from '../db/points.ts';
import { ApiError } from '../errors.ts';
import { problems, validationHook } from './openapi.ts';
import { json } from './task-schemas.ts';

const Query = z.strictObject({
  at: z.iso.datetime({ offset: true }).optional().describe('as-of time: persons valid then (default: now)'),
});
const PointsOut = z.object({
  layer: z.enum(POINT_LAYERS),
  count: z.number().int(),
  categories: z.array(z.string()).describe('category[i] indexes this list'),
  ids: z.array(z.number().int()),
  lng: z.array(z.number()).describe('WGS-84, 6 decimals'),
  lat: z.array(z.number()),
  category: z.array(z.number().int()),
}).openapi('PointColumns');

const pointsRoute = (id: PointLayer) => policyRoute({ resource: LAYERS[id].resource, action: 'read' }, {
  method: 'get', path: `/points/${id}`, tags: ['layers'], summary: `Every point of layer ${id} as columns (id, lng, lat, category index)`,
  request: { query: Query },
  responses: { 200: { description: 'Columns of equal length, ordered by id', ...json(PointsOut) }, ...problems(400, 401, 403) },
});
const other = policyRoute('public', { method: 'get', path: '/points/{layer}', tags: ['layers'], summary: 'Any other layer: 400 (only cases and contacts are points)',
  request: { params: z.object({ layer: z.string() }) }, responses: problems(400) });

export function points(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
  for (const layer of POINT_LAYERS) {
    app.openapi(pointsRoute(layer), async (c) => {
      const { viewer, ownTeam } = access(c);
      const q = c.req.valid('query');
      const at = new Date(q.at ?? deps.now()).toISOString();
      const cols = await queryPoints(deps.db, layer, { at, teamId: ownTeam ?? undefined });
      // Who saw which people's homes, as /layers logs it (the wall, which sees no personal field, is not logged there either).
      if (personalFieldsFor(viewer.role) === 'masked' && cols.ids.length) {
        await audit(deps.db, { at: deps.now().toISOString(), actor: viewer.username, action: 'read', entity: 'persons',
          after: { layer, count: cols.ids.length, ids: cols.ids }, route: `GET /points/${layer}`, ip: clientIp(c, deps.trustProxy) });
      }
      return c.json({ layer, count: cols.ids.length, categories: [...POINT_CATEGORIES[layer]], ...cols }, 200);
    });
  }
  return app.openapi(other, () => {
    throw new ApiError('bad_request', `points: ${POINT_LAYERS.join(', ')}`);
  });
}

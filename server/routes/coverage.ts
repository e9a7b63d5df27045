// Issue 8: resource coverage over the road network. Service-area bands, who lives within N
// minutes of a facility type (per district, township, village, grid, drawn polygon), the uncovered
// residents in 100 m cells, a route to the nearest facility, where K new sites help most, capacity
// against demand and the checkpoints zones still need. Policy coverage:read (every role that reads
// the district, never a field member). Figures, facilities and roads only: not audited.
// The computations live in server/coverage/; one question's search is cached (service.ts), so the
// /plan page's summary, bands and uncovered layer for a setting cost one Dijkstra.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MultiPolygon, Polygon } from 'geojson';
import { validateGeometry } from '../../domain/geometry/validate.ts';
import type { AppEnv } from '../auth/context.ts';
import { policyRoute } from '../auth/route.ts';
import { serviceAreasOut, summaryOut, uncoveredOut, withinOut } from '../coverage/answers.ts';
import { capacityOut } from '../coverage/capacity.ts';
import { checkpointsOut } from '../coverage/checkpoints.ts';
import { placementOut } from '../coverage/placement.ts';
import { routeOut } from '../coverage/route.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { CapacityOutSchema, CheckpointsOut, CoverageQuerySchema, PlacementBodySchema, PlacementOutSchema, RouteBodySchema, RouteOutSchema,
  ServiceAreasOut, ServiceAreasQuery, SummaryOut, UncoveredOutSchema, WithinBodySchema, WithinOut } from './coverage-schemas.ts';
import { problems, validationHook } from './openapi.ts';
import { body, json } from './task-schemas.ts';

const policy = { resource: 'coverage', action: 'read' } as const;
const tags = ['coverage'];
const get = (path: string, summary: string, description: string, schema: Parameters<typeof json>[0], query?: typeof CoverageQuerySchema | typeof ServiceAreasQuery) =>
  policyRoute(policy, { method: 'get', path, tags, summary, ...(query ? { request: { query } } : {}),
    responses: { 200: { description, ...json(schema) }, ...problems(400, 401, 403) } });

const serviceAreasRoute = policyRoute(policy, { method: 'get', path: '/coverage/service-areas', tags,
  summary: 'Service areas (isochrones) of a facility type over the roads: nested bands, e.g. 5, 10, 15 minutes',
  request: { query: ServiceAreasQuery },
  responses: { 200: { description: 'Bands largest first, the facilities and the zones closed', ...json(ServiceAreasOut) }, ...problems(400, 401, 403) } });
const summaryRoute = policyRoute(policy, { method: 'get', path: '/coverage/summary', tags,
  summary: 'Residents within N minutes of a facility type, per district, township, village and grid', request: { query: CoverageQuerySchema },
  responses: { 200: { description: 'Covered and uncovered residents by area', ...json(SummaryOut) }, ...problems(400, 401, 403) } });
const uncoveredRoute = policyRoute(policy, { method: 'get', path: '/coverage/uncovered', tags,
  summary: 'Residents not within N minutes, summed into 100 m cells', request: { query: CoverageQuerySchema },
  responses: { 200: { description: 'One point per cell (its centre)', ...json(UncoveredOutSchema) }, ...problems(400, 401, 403) } });
const withinRoute = policyRoute(policy, { method: 'post', path: '/coverage/within', tags,
  summary: 'Covered and uncovered residents inside a drawn polygon or zone', request: { body: body(WithinBodySchema) },
  responses: { 200: { description: 'The polygon\'s row (level polygon)', ...json(WithinOut) }, ...problems(400, 401, 403, 413, 415, 422) } });
const routeRoute = policyRoute(policy, { method: 'post', path: '/coverage/route', tags,
  summary: 'The quickest route from a point to a point or to the nearest facility of a type', request: { body: body(RouteBodySchema) },
  responses: { 200: { description: 'The route, or found = false and why', ...json(RouteOutSchema) }, ...problems(400, 401, 403, 413, 415) } });
const placementRoute = policyRoute(policy, { method: 'post', path: '/coverage/placement', tags,
  summary: 'Where K new sites add the most residents within N minutes (greedy maximal covering location)', request: { body: body(PlacementBodySchema) },
  responses: { 200: { description: 'The picks in order, each with the residents it adds', ...json(PlacementOutSchema) }, ...problems(400, 401, 403, 413, 415) } });
const capacityRoute = get('/coverage/capacity', 'Sampling points, samplers, test hours and quarantine rooms needed against present, per district, township and active zone',
  'Rows with the rule numbers and their sources, and the close-contact forecast', CapacityOutSchema);
const checkpointsRoute = get('/coverage/checkpoints', 'Road crossings of active zone boundaries without an active checkpoint within 50 m',
  'The suggested checkpoints and how many crossings are already manned', CheckpointsOut);

// Typed as a plain OpenAPIHono: the routes' schema types are not needed by the chain in app.ts,
// and carrying them there made its instantiation too deep for TypeScript (TS2589).
export function coverage(deps: { db: Db; now: () => Date }): OpenAPIHono<AppEnv> {
  const { db } = deps;
  const now = () => deps.now().toISOString();
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(serviceAreasRoute, async (c) => c.json(await serviceAreasOut(db, now(), c.req.valid('query')) as never, 200))
    .openapi(summaryRoute, async (c) => c.json(await summaryOut(db, now(), c.req.valid('query')), 200))
    .openapi(uncoveredRoute, async (c) => c.json(await uncoveredOut(db, now(), c.req.valid('query')) as never, 200))
    .openapi(withinRoute, async (c) => {
      const { geometry, ...q } = c.req.valid('json');
      const g = validateGeometry(geometry, ['Polygon', 'MultiPolygon']);
      if (!g.ok) throw new ApiError('invalid_geometry', g.reason);
      return c.json(await withinOut(db, now(), q, g.geometry as Polygon | MultiPolygon), 200);
    })
    .openapi(routeRoute, async (c) => c.json(await routeOut(db, now(), c.req.valid('json')) as never, 200))
    .openapi(placementRoute, async (c) => c.json(await placementOut(db, now(), c.req.valid('json')), 200))
    .openapi(capacityRoute, async (c) => c.json(await capacityOut(db, now()), 200))
    .openapi(checkpointsRoute, async (c) => c.json(await checkpointsOut(db, now()), 200));
}

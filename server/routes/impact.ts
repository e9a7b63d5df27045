// POST /impact and GET /zones/{id}/impact: who and what lies inside a polygon — residents,
// households, buildings, people over 65, open closed-loop items, checkpoints needed where roads
// cross the boundary, testing and supply needs (domain/zones/impact.ts, §1.8 ratios of the
// incident's profile). Any polygon may be asked about, also one leaving the district (a
// neighbour's proposal, a what-if), so only `outside_district` of the zone checks is waived.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import { validateGeometry } from '../../domain/geometry/validate.ts';
import { ImpactRequest } from '../../domain/schemas/zones.ts';
import { impactOf } from '../../domain/zones/impact.ts';
import { checkZoneGeometry } from '../../domain/zones/zone-geometry.ts';
import type { AppEnv } from '../auth/context.ts';
import { policyRoute } from '../auth/route.ts';
import type { Db } from '../db/database.ts';
import { impactIndexOf, openLoopItems } from '../db/impact-source.ts';
import { incidentProfile } from '../db/profiles.ts';
import { openIncidentId } from '../db/records.ts';
import { currentVersion, districtGeometry } from '../db/zones.ts';
import { ApiError } from '../errors.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';
import { ImpactOut } from './zone-schemas.ts';

const policy = { resource: 'impact' as const, action: 'read' as const };
const ofPolygon = policyRoute(policy, { method: 'post', path: '/impact', tags: ['zones'], summary: 'Impact of any polygon (drawn, proposed, what-if)',
  request: { body: body(ImpactRequest) },
  responses: { 200: { description: 'People, buildings, crossings and needs inside', ...json(ImpactOut) }, ...problems(400, 401, 403, 409, 413, 415, 422) } });
const ofZone = policyRoute(policy, { method: 'get', path: '/zones/{id}/impact', tags: ['zones'], summary: "Impact of a zone's current version",
  request: { params: IdParam },
  responses: { 200: { description: 'People, buildings, crossings and needs inside', ...json(ImpactOut) }, ...problems(400, 401, 403, 404, 409) } });

export function impact(deps: { db: Db }) {
  const { db } = deps;
  const compute = async (geometry: Polygon | MultiPolygon, incidentId: number | undefined) => {
    const profile = incidentId === undefined ? undefined : await incidentProfile(db, incidentId);
    if (!profile) throw new ApiError('conflict', 'the incident has no rule profile to take the resource ratios from');
    const bbox = geometryBbox(geometry) as [number, number, number, number];
    const [index, loop] = await Promise.all([impactIndexOf(db), openLoopItems(db, bbox)]);
    return impactOf(index, geometry, profile.params, loop);
  };

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(ofPolygon, async (c) => {
      const input = c.req.valid('json').geometry;
      const district = await districtGeometry(db);
      const check = district ? checkZoneGeometry(input, district) : null;
      let geometry: Polygon | MultiPolygon;
      if (check?.ok) geometry = check.geometry;
      else if (check && check.code !== 'outside_district') throw new ApiError(check.code, check.reason);
      else {
        const g = validateGeometry(input, ['Polygon', 'MultiPolygon']);
        if (!g.ok) throw new ApiError('invalid_geometry', g.reason);
        geometry = g.geometry as Polygon | MultiPolygon;
      }
      return c.json(await compute(geometry, await openIncidentId(db)), 200);
    })
    .openapi(ofZone, async (c) => {
      const { id } = c.req.valid('param');
      const zone = await currentVersion(db, id);
      if (!zone) throw new ApiError('not_found', `zone ${id}`);
      return c.json(await compute(zone.geometry, zone.incidentId), 200);
    });
}

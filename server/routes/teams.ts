// GET/POST /teams, GET/PUT /teams/{id}/areas. A field member sees only the own team (scope `own`
// narrows to it, so another team's id answers 404 like a missing one). Replacing areas checks
// every area first (drawn polygons by geometry/validate.ts, units and grids by existence) and
// then swaps areas, scope rings, the audit entry and the live change events in one transaction:
// all or nothing, and a field member's layers follow the new areas on the next request.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Polygon } from 'geojson';
import type { Context } from 'hono';
import { TEAM_KINDS, TeamAreasBody, TeamCreate } from '../../domain/schemas/accounts.ts';
import { validateGeometry } from '../../domain/geometry/validate.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { replaceTeamAreas, teamAreas, type AreaInput } from '../db/team-areas.ts';
import { findTeamByName, getTeam, insertTeam, listTeams, missingIds, storedAreas } from '../db/teams.ts';
import { ApiError } from '../errors.ts';
import { emitChange, emitChanges } from '../live/emit.ts';
import { teamAreaChanges, teamChange } from '../live/team-changes.ts';
import { problems, validationHook } from './openapi.ts';

const Area = z.object({ id: z.number(), kind: z.enum(['village', 'township', 'district', 'grid', 'drawn']),
  adminUnitId: z.number().nullable(), gridId: z.number().nullable(), name: z.string() }).openapi('Area');
const Team = z.object({ id: z.number(), name: z.string(), kind: z.enum(TEAM_KINDS), memberCount: z.number(), areas: z.array(Area) }).openapi('Team');
const AreaCollection = z.object({ type: z.literal('FeatureCollection'), features: z.array(z.object({ type: z.literal('Feature'), id: z.number(),
  geometry: z.object({ type: z.enum(['Polygon', 'MultiPolygon']), coordinates: z.array(z.unknown()) }), properties: z.record(z.string(), z.unknown()) })) });
const IdParam = z.object({ id: z.coerce.number().int().positive() });
const body = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });
const json = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });
const policy = (action: 'read' | 'create' | 'update') => ({ resource: 'teams' as const, action });

const list = policyRoute(policy('read'), { method: 'get', path: '/teams', tags: ['teams'], summary: 'Teams with members and areas (field members: their own)',
  responses: { 200: { description: 'The teams', ...json(z.object({ items: z.array(Team) })) }, ...problems(401, 403) } });
const areas = policyRoute(policy('read'), { method: 'get', path: '/teams/{id}/areas', tags: ['teams'], summary: "A team's areas as GeoJSON",
  request: { params: IdParam },
  responses: { 200: { description: 'One Feature per area', ...json(AreaCollection) }, ...problems(400, 401, 403, 404) } });
const create = policyRoute(policy('create'), { method: 'post', path: '/teams', tags: ['teams'], summary: 'Add a team',
  request: { body: body(TeamCreate) },
  responses: { 201: { description: 'The team', ...json(Team) }, ...problems(400, 401, 403, 409, 415) } });
const replace = policyRoute(policy('update'), { method: 'put', path: '/teams/{id}/areas', tags: ['teams'], summary: "Replace a team's areas",
  request: { params: IdParam, body: body(TeamAreasBody) },
  responses: { 200: { description: 'The team', ...json(Team) }, ...problems(400, 401, 403, 404, 413, 415, 422) } });

/** Every area checked before anything is written; the first bad one answers 422 with its index. */
async function checkAreas(db: Db, input: z.infer<typeof TeamAreasBody>['areas']): Promise<AreaInput[]> {
  const out = input.map((a, i): AreaInput => {
    if (!('geometry' in a)) return a;
    const g = validateGeometry(a.geometry, ['Polygon']);
    if (!g.ok) throw new ApiError('invalid_geometry', `areas.${i}: ${g.reason}`);
    return { geometry: g.geometry as Polygon };
  });
  const units = await missingIds(db, 'admin_units', out.flatMap((a) => ('adminUnitId' in a ? [a.adminUnitId] : [])));
  const grids = await missingIds(db, 'grids', out.flatMap((a) => ('gridId' in a ? [a.gridId] : [])));
  if (units.length || grids.length) {
    throw new ApiError('unknown_reference', [units.length && `adminUnitId ${units.join(', ')}`, grids.length && `gridId ${grids.join(', ')}`].filter(Boolean).join('; '));
  }
  return out;
}

export function teams(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const who = (c: Context<AppEnv>, route: string) => ({ at: deps.now().toISOString(), actor: access(c).viewer.username, entity: 'teams',
    route, ip: clientIp(c, deps.trustProxy) });
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ items: await listTeams(db, access(c).ownTeam ?? undefined) }, 200))
    .openapi(areas, async (c) => {
      const { id } = c.req.valid('param');
      const { ownTeam } = access(c);
      if ((ownTeam !== null && ownTeam !== id) || !(await getTeam(db, id))) throw new ApiError('not_found', `team ${id}`);
      const features = (await teamAreas(db, id)).map(({ geometry, ...p }) => ({ type: 'Feature' as const, id: p.id, geometry,
        properties: { id: p.id, kind: p.kind, name: p.name, adminUnitId: p.adminUnitId, gridId: p.gridId } }));
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    })
    .openapi(create, async (c) => {
      const input = c.req.valid('json');
      if (await findTeamByName(db, input.name)) throw new ApiError('conflict', `a team named ${input.name} exists`);
      const team = await db.transaction(async (tx) => {
        const id = await insertTeam(tx, input);
        const created = (await getTeam(tx, id))!;
        const w = who(c, 'POST /teams');
        await appendAudit(tx, { ...w, action: 'create', entityId: id, after: created });
        await emitChange(tx, w.at, teamChange(id));
        return created;
      });
      return c.json(team, 201, { location: `/api/v1/teams/${team.id}` });
    })
    .openapi(replace, async (c) => {
      const { id } = c.req.valid('param');
      if (!(await getTeam(db, id))) throw new ApiError('not_found', `team ${id}`);
      const next = await checkAreas(db, c.req.valid('json').areas);
      const team = await db.transaction(async (tx) => {
        const before = await storedAreas(tx, id);
        await replaceTeamAreas(tx, id, next);
        const w = who(c, 'PUT /teams/{id}/areas');
        await appendAudit(tx, { ...w, action: 'areas.replace', entityId: id, before: { areas: before }, after: { areas: next } });
        await emitChanges(tx, w.at, teamAreaChanges(id));
        return (await getTeam(tx, id))!;
      });
      return c.json(team, 200);
    });
}

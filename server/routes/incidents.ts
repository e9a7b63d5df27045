// GET /incidents/{id} and PUT /incidents/{id}/profile: the incident and the rule profile in
// force for it. Changing the profile changes which zone kinds exist and how every clock runs,
// so it needs a reason and is audited with the profile before and after.
import { OpenAPIHono } from '@hono/zod-openapi';
import { IncidentProfile } from '../../domain/schemas/zones.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { getIncident, getProfile, setIncidentProfile } from '../db/profiles.ts';
import { ApiError } from '../errors.ts';
import { emitChange } from '../live/emit.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';
import { IncidentOut } from './zone-schemas.ts';

const read = policyRoute({ resource: 'incidents', action: 'read' }, { method: 'get', path: '/incidents/{id}', tags: ['incidents'],
  summary: 'An incident with its rule profile', request: { params: IdParam },
  responses: { 200: { description: 'The incident', ...json(IncidentOut) }, ...problems(400, 401, 403, 404) } });
const setProfile = policyRoute({ resource: 'incidents', action: 'update' }, { method: 'put', path: '/incidents/{id}/profile', tags: ['incidents'],
  summary: 'Put another rule profile version in force (audited, with a reason)', request: { params: IdParam, body: body(IncidentProfile) },
  responses: { 200: { description: 'The incident', ...json(IncidentOut) }, ...problems(400, 401, 403, 404, 413, 415) } });

async function incidentJson(db: Db, id: number) {
  const inc = await getIncident(db, id);
  if (!inc) throw new ApiError('not_found', `incident ${id}`);
  const profile = inc.profileId === null ? undefined : await getProfile(db, inc.profileId);
  return { id: inc.id, name: inc.name, disease: inc.disease, status: inc.status, startedAt: inc.startedAt, profile: profile?.summary ?? null };
}

export function incidents(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(read, async (c) => c.json(await incidentJson(db, c.req.valid('param').id), 200))
    .openapi(setProfile, async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const before = await getIncident(db, id);
      if (!before) throw new ApiError('not_found', `incident ${id}`);
      if (!(await getProfile(db, b.profileId))) throw new ApiError('not_found', `profile ${b.profileId}`);
      const now = deps.now().toISOString();
      const out = await db.transaction(async (tx) => {
        await setIncidentProfile(tx, id, b.profileId);
        await appendAudit(tx, { at: now, actor: access(c).viewer.username, action: 'profile.change', entity: 'incidents',
          entityId: id, before: { profileId: before.profileId }, after: { profileId: b.profileId, reason: b.reason },
          route: 'PUT /incidents/{id}/profile', ip: clientIp(c, deps.trustProxy) });
        // the incident's rules (zone kinds, proposals, loop deadlines) are read as 'incidents'
        await emitChange(tx, now, { resource: 'incidents', ids: [id] });
        return incidentJson(tx, id);
      });
      return c.json(out, 200);
    });
}

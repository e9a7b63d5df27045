// GET/POST /profiles, GET /profiles/{id}: rule profiles as versioned data. A new profile (or a
// new version of a key) is checked against domain/zones/profile.ts before anything is stored:
// 422 invalid_profile names every failing path, so an editor can point at the field.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ProfileCreate } from '../../domain/schemas/zones.ts';
import { profileParams } from '../../domain/zones/profile.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { getProfile, insertProfile, listProfiles, type StoredProfile } from '../db/profiles.ts';
import { ApiError } from '../errors.ts';
import { emitChange } from '../live/emit.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';
import { ProfileOut, ProfileSummaryOut } from './zone-schemas.ts';

const policy = (action: 'read' | 'create') => ({ resource: 'profiles' as const, action });

const list = policyRoute(policy('read'), { method: 'get', path: '/profiles', tags: ['profiles'], summary: 'Rule profile versions (zone kinds, colours, ranks)',
  responses: { 200: { description: 'Every version, by key and version', ...json(z.object({ items: z.array(ProfileSummaryOut) })) }, ...problems(401, 403) } });
const read = policyRoute(policy('read'), { method: 'get', path: '/profiles/{id}', tags: ['profiles'], summary: 'A profile version with its parameters',
  request: { params: IdParam },
  responses: { 200: { description: 'The profile', ...json(ProfileOut) }, ...problems(400, 401, 403, 404) } });
const create = policyRoute(policy('create'), { method: 'post', path: '/profiles', tags: ['profiles'], summary: 'Add a profile version (version = last of the key + 1)',
  request: { body: body(ProfileCreate) },
  responses: { 201: { description: 'The new version', ...json(ProfileOut) }, ...problems(400, 401, 403, 413, 415, 422) } });

const full = (p: StoredProfile) => ({ ...p.summary, params: p.params as Record<string, unknown> });

export function profiles(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => c.json({ items: (await listProfiles(db)).map((p) => p.summary) }, 200))
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param');
      const p = await getProfile(db, id);
      if (!p) throw new ApiError('not_found', `profile ${id}`);
      return c.json(full(p), 200);
    })
    .openapi(create, async (c) => {
      const b = c.req.valid('json');
      const parsed = profileParams.safeParse(b.params);
      if (!parsed.success) {
        throw new ApiError('invalid_profile', parsed.error.issues.map((i) => `params.${i.path.join('.') || '(root)'}: ${i.message}`).join('; '));
      }
      const now = deps.now().toISOString();
      const created = await db.transaction(async (tx) => {
        const id = await insertProfile(tx, { key: b.key, name: b.name, effective_from: b.effectiveFrom, effective_to: b.effectiveTo,
          source: b.source, params: parsed.data });
        const p = (await getProfile(tx, id))!;
        await appendAudit(tx, { at: now, actor: access(c).viewer.username, action: 'create', entity: 'rule_profiles',
          entityId: id, after: { key: p.summary.key, version: p.summary.version, name: p.summary.name }, route: 'POST /profiles', ip: clientIp(c, deps.trustProxy) });
        await emitChange(tx, now, { resource: 'profiles', ids: [id] });
        return p;
      });
      return c.json(full(created), 201, { location: `/api/v1/profiles/${created.summary.id}` });
    });
}

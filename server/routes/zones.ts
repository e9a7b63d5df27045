// GET/POST /zones, GET/PUT /zones/{id}: control zones as they stood at any time (`at=`), with
// their clocks, and drafts drawn or accepted from proposals. A zone starts `proposed`; an edit
// keeps its status and adds a version, refused with 409 when the client edited an older version
// (someone else changed it) or the zone is lifted. The kind changes by edit only while proposed:
// in force it is the commander's downgrade/upgrade (zone-lifecycle.ts), with the clock rules that
// go with it. Field members (scope own) see the versions whose polygon meets their team's area
// (zone_version_teams); another zone reads as missing. The wall gets no provenance.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { AsOf, ZONE_LIFECYCLE, ZoneCreate, ZoneUpdate } from '../../domain/schemas/zones.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import type { Db } from '../db/database.ts';
import { incidentProfile } from '../db/profiles.ts';
import { openIncidentId } from '../db/records.ts';
import { testRounds } from '../db/zone-clock-input.ts';
import { currentVersion, insertZone, versionsAt, zoneVersions } from '../db/zones.ts';
import { ApiError } from '../errors.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';
import { asOf, zoneFeatures } from './zone-features.ts';
import { ZoneCollectionOut, ZoneCreatedOut, ZoneDetailOut, ZoneFeatureOut } from './zone-schemas.ts';
import { addVersion, checkedGeometry, checkJustification, withKind, zoneProfile, type Who } from './zone-writes.ts';

const ListQuery = z.strictObject({
  at: AsOf.optional().describe('ISO instant, or YYYY-MM-DD = the end of that Asia/Shanghai day (default: now)'),
  status: z.string().max(100).optional().describe(`comma-separated: ${ZONE_LIFECYCLE.join(', ')} (default: all)`),
});
const policy = (action: 'read' | 'create' | 'update') => ({ resource: 'zones' as const, action });

const list = policyRoute(policy('read'), { method: 'get', path: '/zones', tags: ['zones'], summary: 'Zones as they stood at `at`, with their clocks',
  request: { query: ListQuery },
  responses: { 200: { description: 'One feature per zone (id = zone id)', ...json(ZoneCollectionOut) }, ...problems(400, 401, 403) } });
const read = policyRoute(policy('read'), { method: 'get', path: '/zones/{id}', tags: ['zones'], summary: 'A zone: current version, every version, test rounds',
  request: { params: IdParam },
  responses: { 200: { description: 'The zone', ...json(ZoneDetailOut) }, ...problems(400, 401, 403, 404) } });
const create = policyRoute(policy('create'), { method: 'post', path: '/zones', tags: ['zones'], summary: 'Draw a zone or accept a proposal (status proposed)',
  request: { body: body(ZoneCreate) },
  responses: { 201: { description: 'The zone at version 1', ...json(ZoneCreatedOut) }, ...problems(400, 401, 403, 409, 413, 415, 422) } });
const update = policyRoute(policy('update'), { method: 'put', path: '/zones/{id}', tags: ['zones'], summary: 'Change name, kind or polygon (a new version)',
  request: { params: IdParam, body: body(ZoneUpdate) },
  responses: { 200: { description: 'The new current version', ...json(ZoneFeatureOut) }, ...problems(400, 401, 403, 404, 409, 413, 415, 422) } });

function statuses(text: string | undefined): string[] | undefined {
  const items = text?.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items?.find((s) => !(ZONE_LIFECYCLE as readonly string[]).includes(s));
  if (bad !== undefined) throw new ApiError('invalid_query', `status: ${bad} is not one of ${ZONE_LIFECYCLE.join(', ')}`);
  return items;
}

export function zones(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  /** The wall sees zones without their justification (it names cases and exposures). */
  const provenance = (c: Context<AppEnv>) => personalFieldsFor(access(c).viewer.role) !== 'hidden';
  const who = (c: Context<AppEnv>, route: string): Who => ({ actor: access(c).viewer.username, now: deps.now().toISOString(), route, ip: clientIp(c, deps.trustProxy) });

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const at = asOf(q.at, deps.now());
      const versions = await versionsAt(db, { at, statuses: statuses(q.status), teamId: access(c).ownTeam ?? undefined });
      return c.json({ type: 'FeatureCollection' as const, features: await zoneFeatures(db, versions, at, { provenance: provenance(c) }) }, 200);
    })
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param');
      const teamId = access(c).ownTeam ?? undefined;
      const current = await currentVersion(db, id, teamId);
      if (!current) throw new ApiError('not_found', `zone ${id}`);
      const now = deps.now().toISOString();
      const [feature] = await zoneFeatures(db, [current], now, { provenance: provenance(c) });
      const versions = await zoneFeatures(db, await zoneVersions(db, id, teamId), now, { withClock: false, provenance: provenance(c) });
      return c.json({ id, name: current.name, current: feature, versions, rounds: await testRounds(db, [id]) }, 200);
    })
    .openapi(create, async (c) => {
      const b = c.req.valid('json');
      const incidentId = await openIncidentId(db);
      if (incidentId === undefined) throw new ApiError('conflict', 'there is no open incident to add the zone to');
      const profile = withKind(await incidentProfile(db, incidentId), b.kind);
      const geometry = await checkedGeometry(db, b.geometry);
      await checkJustification(db, incidentId, b.justification ?? []);
      const w = who(c, 'POST /zones');
      const out = await db.transaction(async (tx) => {
        const id = await insertZone(tx, incidentId, b.name);
        const current = await addVersion(tx, id, 0, { kind: b.kind, status: 'proposed', change: 'create', source: b.source, reason: b.reason ?? null,
          profileId: profile.summary.id, proposalKey: b.proposalKey ?? null, justification: b.justification ?? [], geometry }, w);
        return { id, current };
      });
      return c.json(out, 201, { location: `/api/v1/zones/${out.id}` });
    })
    .openapi(update, async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const prev = await currentVersion(db, id);
      if (!prev) throw new ApiError('not_found', `zone ${id}`);
      if (b.baseVersion !== prev.version) throw new ApiError('version_conflict', `zone ${id} is at version ${prev.version}, not ${b.baseVersion}`);
      if (prev.status === 'lifted') throw new ApiError('invalid_transition', `zone ${id} is lifted`);
      if (b.kind !== undefined && b.kind !== prev.kind && prev.status !== 'proposed') {
        throw new ApiError('invalid_transition', `zone ${id} is ${prev.status}: change its kind with POST /zones/${id}/downgrade or /upgrade`);
      }
      const profile = withKind(await zoneProfile(db, prev), b.kind ?? prev.kind);
      const geometry = b.geometry === undefined ? prev.geometry : await checkedGeometry(db, b.geometry);
      const feature = await db.transaction((tx) => addVersion(tx, id, prev.version, { kind: b.kind ?? prev.kind, status: prev.status, change: 'edit',
        source: prev.source, reason: b.reason, name: b.name, profileId: profile.summary.id, proposalKey: prev.proposalKey,
        justification: prev.justification, geometry }, who(c, 'PUT /zones/{id}')));
      return c.json(feature, 200);
    });
}

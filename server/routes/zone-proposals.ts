// POST /zones/proposals: the zones the incident's rule profile implies from its cases and
// exposures as of a day (domain/zones/propose.ts), each with its provenance — which case and
// which exposure justify it. Nothing is stored: a planner accepts one with POST /zones
// (source 'proposal', proposalKey = the feature id) or loads it into the editor first.
import { OpenAPIHono } from '@hono/zod-openapi';
import { ProposalRequest } from '../../domain/schemas/zones.ts';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { proposeZones } from '../../domain/zones/propose.ts';
import type { AppEnv } from '../auth/context.ts';
import { policyRoute } from '../auth/route.ts';
import type { Db } from '../db/database.ts';
import { incidentProfile } from '../db/profiles.ts';
import { openIncidentId } from '../db/records.ts';
import { proposalInput } from '../db/zone-proposal-input.ts';
import { ApiError } from '../errors.ts';
import { problems, validationHook } from './openapi.ts';
import { body, json } from './task-schemas.ts';
import { asOf } from './zone-features.ts';
import { ProposalsOut } from './zone-schemas.ts';

const propose = policyRoute({ resource: 'zones', action: 'create' }, { method: 'post', path: '/zones/proposals', tags: ['zones'],
  summary: 'Zones proposed from the cases by the profile in force (not stored)', request: { body: body(ProposalRequest) },
  responses: { 200: { description: 'Proposed zones, strictest first; id = stable key', ...json(ProposalsOut) }, ...problems(400, 401, 403, 409, 413, 415) } });

export function zoneProposals(deps: { db: Db; now: () => Date }) {
  const { db } = deps;
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(propose, async (c) => {
      const at = asOf(c.req.valid('json').at, deps.now());
      const incidentId = await openIncidentId(db);
      const profile = incidentId === undefined ? undefined : await incidentProfile(db, incidentId);
      if (incidentId === undefined || !profile) throw new ApiError('conflict', 'there is no open incident with a rule profile');
      const today = shanghaiDate(at);
      const zones = proposeZones(await proposalInput(db, incidentId, profile.params, today, at));
      return c.json({ profile: profile.summary, today, type: 'FeatureCollection' as const,
        features: zones.map(({ geometry, ...p }) => ({ type: 'Feature' as const, id: p.key, geometry, properties: p })) }, 200);
    });
}

// The lifecycle of a zone, each step a new version with a reason (the commander's decision,
// action `publish`): publish proposed → active; downgrade active → active with a lower-ranked
// kind of the zone's profile; upgrade active → active with a higher-ranked one (2021: a positive
// inside a 管控区 makes it a 封控区, §1.1 — the clock's upgradeTo); lift active|proposed → lifted.
// Each step uses the profile the zone was drawn under, not the incident's current one. A step
// from the wrong status is 409 invalid_transition; from an older version than the current, 409
// version_conflict. NAT rounds of the zone's residents (zones update) feed its clock: dated no
// later than today (422 invalid_round), not on a lifted zone (409).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { TestRoundCreate, ZoneDowngrade, ZoneStep, ZoneUpgrade } from '../../domain/schemas/zones.ts';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { insertTestRound } from '../db/zone-clock-input.ts';
import { currentVersion, type ZoneVersion } from '../db/zones.ts';
import { ApiError } from '../errors.ts';
import { emitChange } from '../live/emit.ts';
import { zoneChange } from '../live/zone-changes.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';
import { TestRoundOut, ZoneFeatureOut } from './zone-schemas.ts';
import { addVersion, withKind, zoneProfile } from './zone-writes.ts';

const stepResponses = { 200: { description: 'The new current version', ...json(ZoneFeatureOut) }, ...problems(400, 401, 403, 404, 409, 413, 415, 422) };
const publishPolicy = { resource: 'zones', action: 'publish' } as const;
const publish = policyRoute(publishPolicy, { method: 'post', path: '/zones/{id}/publish', tags: ['zones'], summary: 'Put a proposed zone in force',
  request: { params: IdParam, body: body(ZoneStep) }, responses: stepResponses });
const downgrade = policyRoute(publishPolicy, { method: 'post', path: '/zones/{id}/downgrade', tags: ['zones'], summary: 'Move an active zone to a lower-ranked kind',
  request: { params: IdParam, body: body(ZoneDowngrade) }, responses: stepResponses });
const upgrade = policyRoute(publishPolicy, { method: 'post', path: '/zones/{id}/upgrade', tags: ['zones'],
  summary: 'Move an active zone to a higher-ranked kind (2021: 管控区 → 封控区 on a positive inside)',
  request: { params: IdParam, body: body(ZoneUpgrade) }, responses: stepResponses });
const lift = policyRoute(publishPolicy, { method: 'post', path: '/zones/{id}/lift', tags: ['zones'], summary: 'Lift a zone (active or proposed)',
  request: { params: IdParam, body: body(ZoneStep) }, responses: stepResponses });
const round = policyRoute({ resource: 'zones', action: 'update' }, { method: 'post', path: '/zones/{id}/test-rounds', tags: ['zones'],
  summary: "Record a NAT round of the zone's residents", request: { params: IdParam, body: body(TestRoundCreate) },
  responses: { 201: { description: 'The round', ...json(TestRoundOut) }, ...problems(400, 401, 403, 404, 409, 413, 415, 422) } });

export function zoneLifecycle(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const who = (c: Context<AppEnv>, route: string) => ({ actor: access(c).viewer.username, now: deps.now().toISOString(), route, ip: clientIp(c, deps.trustProxy) });
  /** The zone's current version, checked against the client's base version and allowed statuses. */
  const current = async (id: number, baseVersion: number, from: ZoneVersion['status'][]) => {
    const prev = await currentVersion(db, id);
    if (!prev) throw new ApiError('not_found', `zone ${id}`);
    if (baseVersion !== prev.version) throw new ApiError('version_conflict', `zone ${id} is at version ${prev.version}, not ${baseVersion}`);
    if (!from.includes(prev.status)) throw new ApiError('invalid_transition', `zone ${id} is ${prev.status}; this step needs ${from.join(' or ')}`);
    return prev;
  };
  const write = (c: Context<AppEnv>, prev: ZoneVersion, kind: string, status: ZoneVersion['status'], change: 'publish' | 'downgrade' | 'upgrade' | 'lift',
    reason: string, profileId: number | null, route: string) =>
    db.transaction((tx) => addVersion(tx, prev.zoneId, prev.version, { kind, status, change, source: prev.source, reason, profileId,
      proposalKey: prev.proposalKey, justification: prev.justification, geometry: prev.geometry }, who(c, route)));

  /** Downgrade (toKind ranks lower) or upgrade (higher) of an active zone, in its own profile. */
  const rerank = async (c: Context<AppEnv>, change: 'downgrade' | 'upgrade', id: number, b: { baseVersion: number; toKind: string; reason: string }) => {
    const prev = await current(id, b.baseVersion, ['active']);
    const profile = withKind(await zoneProfile(db, prev), b.toKind);
    const from = profile.params.zones[prev.kind]?.rank, to = profile.params.zones[b.toKind].rank;
    if (change === 'downgrade' && !(from !== undefined && to < from)) {
      throw new ApiError('invalid_downgrade', `${b.toKind} does not rank below ${prev.kind} in ${profile.summary.key}`);
    }
    if (change === 'upgrade' && !(from !== undefined && to > from)) {
      throw new ApiError('invalid_upgrade', `${b.toKind} does not rank above ${prev.kind} in ${profile.summary.key}`);
    }
    return write(c, prev, b.toKind, 'active', change, b.reason, profile.summary.id, `POST /zones/{id}/${change}`);
  };

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(publish, async (c) => {
      const b = c.req.valid('json');
      const prev = await current(c.req.valid('param').id, b.baseVersion, ['proposed']);
      const profile = withKind(await zoneProfile(db, prev), prev.kind);
      return c.json(await write(c, prev, prev.kind, 'active', 'publish', b.reason, profile.summary.id, 'POST /zones/{id}/publish'), 200);
    })
    .openapi(downgrade, async (c) => c.json(await rerank(c, 'downgrade', c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(upgrade, async (c) => c.json(await rerank(c, 'upgrade', c.req.valid('param').id, c.req.valid('json')), 200))
    .openapi(lift, async (c) => {
      const b = c.req.valid('json');
      const prev = await current(c.req.valid('param').id, b.baseVersion, ['active', 'proposed']);
      const profile = await zoneProfile(db, prev);
      return c.json(await write(c, prev, prev.kind, 'lifted', 'lift', b.reason, profile?.summary.id ?? prev.profileId, 'POST /zones/{id}/lift'), 200);
    })
    .openapi(round, async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const zone = await currentVersion(db, id);
      if (!zone) throw new ApiError('not_found', `zone ${id}`);
      if (zone.status === 'lifted') throw new ApiError('invalid_transition', `zone ${id} is lifted`);
      const w = who(c, 'POST /zones/{id}/test-rounds');
      const today = shanghaiDate(w.now);
      if (b.date > today) throw new ApiError('invalid_round', `${b.date} is after today (${today}, Asia/Shanghai)`);
      const out = await db.transaction(async (tx) => {
        const r = await insertTestRound(tx, { zoneId: id, date: b.date, tested: b.tested, positives: b.positives, note: b.note ?? null,
          actor: w.actor, createdAt: w.now });
        await appendAudit(tx, { at: w.now, actor: w.actor, action: 'test-round', entity: 'control_zones', entityId: id, after: r, route: w.route, ip: w.ip });
        await emitChange(tx, w.now, await zoneChange(tx, id, [zone.rowId])); // a round moves the zone's clock
        return r;
      });
      return c.json(out, 201);
    });
}

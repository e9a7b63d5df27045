// The registry of persons and their files (issue 5 item 1): GET /people, GET /people/{id},
// GET /chains, and POST /people/{id}/contacts, which registers a contact of a case (close
// contact) or of a close contact (secondary contact) with the loop the incident's profile plans
// for them (§1.5). Scope `own` (field members) is the person's home inside the team's areas, in
// SQL, so another area's person is a 404 like a missing one. Personal fields leave masked (the
// wall gets none); reads of people are audited (ids only), writes with their audit entry.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Point } from 'geojson';
import type { Context } from 'hono';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { validateGeometry } from '../../domain/geometry/validate.ts';
import { contactCategoryFor } from '../../domain/loop/types.ts';
import { ChainQuery, ContactCreate, PeopleQuery } from '../../domain/schemas/loops.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit, audit } from '../db/audit.ts';
import { chains } from '../db/chains.ts';
import type { Db } from '../db/database.ts';
import { loopSteps } from '../db/loops.ts';
import { contacts, exposures, personGeometry, roomOf } from '../db/people-detail.ts';
import { listRegistry, registryRow } from '../db/people-registry.ts';
import { incidentLoopContext, insertPersonWithLoop } from '../db/people.ts';
import { openIncidentId } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import { emitChanges } from '../live/emit.ts';
import { personChanges, personResources } from '../live/person-changes.ts';
import { toProperties } from '../serialize.ts';
import { geocodeHome } from './contact-geocode.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { ChainOut, ContactCreatedOut, PersonDetailOut, PersonOut } from './loop-schemas.ts';
import { personJson, stepJson } from './loop-json.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';

const list = policyRoute({ resource: 'cases', action: 'read' }, { method: 'get', path: '/people', tags: ['people'],
  summary: 'The registry: persons with category, dates, status and the current step of their loop', request: { query: PeopleQuery },
  responses: { 200: { description: 'A page, by id', ...json(z.object({ items: z.array(PersonOut), next: z.string().nullable() })) }, ...problems(400, 401, 403) } });
const read = policyRoute({ resource: 'cases', action: 'read' }, { method: 'get', path: '/people/{id}', tags: ['people'],
  summary: 'A person: exposures, contacts both ways, loop steps, room', request: { params: IdParam },
  responses: { 200: { description: 'The person', ...json(PersonDetailOut) }, ...problems(400, 401, 403, 404) } });
const chain = policyRoute({ resource: 'cases', action: 'read' }, { method: 'get', path: '/chains', tags: ['people'],
  summary: 'The transmission chain: persons, contact links and exposure places, by date', request: { query: ChainQuery },
  responses: { 200: { description: 'Nodes, links and places (no personal fields)', ...json(ChainOut) }, ...problems(400, 401, 403) } });
const addContact = policyRoute({ resource: 'contacts', action: 'create' }, { method: 'post', path: '/people/{id}/contacts', tags: ['people'],
  summary: 'Register a contact of this person, with the loop the profile plans', request: { params: IdParam, body: body(ContactCreate) },
  responses: { 201: { description: 'The contact with schedule and steps', ...json(ContactCreatedOut) }, ...problems(400, 401, 403, 404, 409, 413, 415, 422) } });

export function people(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const who = (c: Context<AppEnv>, route: string) => ({ at: deps.now().toISOString(), actor: access(c).viewer.username, entity: 'persons',
    route, ip: clientIp(c, deps.trustProxy) });
  const personal = (c: Context<AppEnv>) => personalFieldsFor(access(c).viewer.role);
  /** Reads of identifiable people go to the audit log (ids only); the wall sees no personal fields. */
  const auditRead = async (c: Context<AppEnv>, route: string, ids: number[]) => {
    if (!ids.length || personal(c) === 'hidden') return;
    await audit(db, { ...who(c, route), action: 'read', entityId: ids.length === 1 ? ids[0] : null, after: { count: ids.length, ids } });
  };
  const detail = async (c: Context<AppEnv>, id: number, from: Db = db) => {
    const now = deps.now().toISOString();
    const teamId = access(c).ownTeam ?? undefined;
    const row = await registryRow(from, id, now, teamId);
    if (!row) throw new ApiError('not_found', `people ${id}`);
    const p = personal(c);
    const linked = (await contacts(from, id, teamId)).map((k) => ({ linkId: k.linkId, direction: k.direction, contactType: k.contactType,
      lastExposureAt: k.lastExposureAt, person: k.visible ? toProperties('persons', k.person, p) : { id: k.person.id, category: k.person.category } }));
    // Free-text notes (exposures, steps) may name people or numbers: none for the wall (review M2).
    const trail = (await exposures(from, id)).map((e) => (p === 'hidden' ? { ...e, note: null } : e));
    return { ...personJson(row, p, now), geometry: await personGeometry(from, id), exposures: trail, contacts: linked,
      steps: (await loopSteps(from, id)).map((s) => stepJson(s, now, p)), room: await roomOf(from, id) };
  };

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      if (q.from && q.to && q.from > q.to) throw new ApiError('invalid_query', 'from is after to');
      const now = deps.now().toISOString();
      const { rows, more } = await listRegistry(db, { categories: q.category, statuses: q.status, steps: q.step, townshipId: q.township,
        overdue: q.overdue, from: q.from, to: q.to, q: q.q, limit: q.limit, afterId: q.cursor ? decodeCursor(q.cursor) : undefined,
        teamId: access(c).ownTeam ?? undefined, now, incidentId: (await openIncidentId(db)) ?? -1 });
      await auditRead(c, 'GET /people', rows.map((r) => r.id));
      return c.json({ items: rows.map((r) => personJson(r, personal(c), now)), next: more ? encodeCursor(rows[rows.length - 1].id) : null } as never, 200);
    })
    .openapi(read, async (c) => {
      const { id } = c.req.valid('param');
      const out = await detail(c, id);
      await auditRead(c, 'GET /people/{id}', [id]);
      return c.json(out as never, 200);
    })
    .openapi(chain, async (c) => {
      const q = c.req.valid('query');
      if (q.from && q.to && q.from > q.to) throw new ApiError('invalid_query', 'from is after to');
      const out = await chains(db, { incidentId: (await openIncidentId(db)) ?? -1, from: q.from, to: q.to, teamId: access(c).ownTeam ?? undefined });
      await auditRead(c, 'GET /chains', out.nodes.map((n) => n.id));
      return c.json(out as never, 200);
    })
    .openapi(addContact, async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const now = deps.now().toISOString();
      const index = await registryRow(db, id, now, access(c).ownTeam ?? undefined);
      if (!index) throw new ApiError('not_found', `people ${id}`);
      if (Date.parse(b.lastExposureAt) > Date.parse(now) + 5 * 60_000) throw new ApiError('validation_failed', 'lastExposureAt: lies in the future');
      const category = contactCategoryFor(index.category); // §1.5, shared with the importer
      if (!category) throw new ApiError('not_identified_under_profile', `no profile identifies contacts of a ${index.category}`);
      let home: { point: [number, number]; level: string | null; confidence: number | null };
      if (b.geometry !== undefined) {
        const g = validateGeometry(b.geometry, ['Point']);
        if (!g.ok) throw new ApiError('invalid_geometry', g.reason);
        home = { point: (g.geometry as Point).coordinates as [number, number], level: null, confidence: null };
      } else home = await geocodeHome(db, b.homeAddress!);
      const ctx = await incidentLoopContext(db, index.incident_id);
      const out = await db.transaction(async (tx) => {
        // One person per ID number and incident (the importer refuses duplicate_existing alike):
        // checked under the audit-chain lock so two officers cannot both register the same person.
        await tx.lockAuditChain();
        const known = await tx.kysely.selectFrom('persons').select('id').where('incident_id', '=', index.incident_id).where('id_number', '=', b.idNumber).executeTakeFirst();
        if (known) throw new ApiError('conflict', 'idNumber: a person with this ID number is registered in the incident already; link to that person instead');
        const { personId, schedule } = await insertPersonWithLoop(tx, { incidentId: index.incident_id, category, name: b.name, idNumber: b.idNumber,
          phone: b.phone, sex: b.sex, age: b.age, homeAddress: b.homeAddress ?? null, point: home.point, source: 'manual', geocodeLevel: home.level,
          geocodeConfidence: home.confidence, identifiedAt: now }, ctx);
        await tx.kysely.insertInto('contact_links').values({ from_person_id: id, to_person_id: personId, contact_type: b.contactType,
          last_exposure_at: new Date(b.lastExposureAt).toISOString() }).execute();
        const created = { ...(await detail(c, personId, tx)), schedule };
        const row = (await registryRow(tx, personId, now))!;
        await appendAudit(tx, { ...who(c, 'POST /people/{id}/contacts'), action: 'create', entityId: personId,
          after: { ...personJson(row, 'masked', now), indexPersonId: id, contactType: b.contactType, steps: created.steps.length } });
        // the new contact with its loop, and the index person, whose file and chain gain a contact
        await emitChanges(tx, now, [...await personChanges(tx, [personId], [...personResources([category]), 'loops']),
          ...await personChanges(tx, [id], personResources([index.category]))]);
        return { personId, created };
      });
      return c.json(out.created as never, 201, { location: `/api/v1/people/${out.personId}` });
    });
}

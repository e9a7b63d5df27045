// GET /incidents/{id}/grade and PUT /incidents/{id}/grade (issue 7 item 4): the event grade I–IV
// the 2006 national plan's criteria suggest (domain/incident/grade.ts over facts from the
// database, computed on every read and never written here), beside the grade a person confirmed,
// with the warning colour (§2.3: I red … IV blue by default, a separate field). Confirming is the
// incident's `update` (commander, admin): it needs a reason, is audited with the decision before
// and after, and tells the live stream ('incidents', and 'dashboard' for the wall). The
// suggestion never sets grade_confirmed. The wall reads the grade without who decided or why
// (a staff username and free text, like a loop step's actor and note).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { IncidentGrade } from '../../domain/analysis/types.ts';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { GRADE_COLOUR, suggestGrade } from '../../domain/incident/grade.ts';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { gradeFacts, gradeRow, type GradeRow } from '../db/grade-facts.ts';
import { ApiError } from '../errors.ts';
import { emitChanges } from '../live/emit.ts';
import { GradeConfirm, IncidentGradeOut } from './alert-schemas.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';

const readRoute = policyRoute({ resource: 'incidents', action: 'read' }, { method: 'get', path: '/incidents/{id}/grade', tags: ['incidents'],
  summary: 'The suggested event grade (2006 plan criteria) and the confirmed one', request: { params: IdParam },
  responses: { 200: { description: 'The grade', ...json(IncidentGradeOut) }, ...problems(400, 401, 403, 404) } });
const confirmRoute = policyRoute({ resource: 'incidents', action: 'update' }, { method: 'put', path: '/incidents/{id}/grade', tags: ['incidents'],
  summary: 'Confirm the event grade and warning colour (audited, with a reason)', request: { params: IdParam, body: body(GradeConfirm) },
  responses: { 200: { description: 'The grade', ...json(IncidentGradeOut) }, ...problems(400, 401, 403, 404, 413, 415) } });

/** The decision as the audit log records it. */
const decision = (r: GradeRow) => ({ grade: r.grade_confirmed, warningColour: r.warning_colour, confirmedBy: r.grade_confirmed_by,
  confirmedAt: r.grade_confirmed_at, reason: r.grade_reason });

export function incidentGrade(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const grade = async (c: Context<AppEnv>, from: Db, r: GradeRow): Promise<IncidentGrade> => {
    const withPeople = personalFieldsFor(access(c).viewer.role) !== 'hidden';
    const facts = await gradeFacts(from, r, shanghaiDate(deps.now().toISOString()));
    return { incidentId: r.id, disease: r.disease, suggested: suggestGrade(facts), confirmed: r.grade_confirmed, warningColour: r.warning_colour,
      confirmedBy: withPeople ? r.grade_confirmed_by : null, confirmedAt: r.grade_confirmed_at, reason: withPeople ? r.grade_reason : null };
  };
  const found = async (from: Db, id: number) => {
    const r = await gradeRow(from, id);
    if (!r) throw new ApiError('not_found', `incident ${id}`);
    return r;
  };

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(readRoute, async (c) => c.json(await grade(c, db, await found(db, c.req.valid('param').id)), 200))
    .openapi(confirmRoute, async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const now = deps.now().toISOString();
      const actor = access(c).viewer.username;
      const out = await db.transaction(async (tx) => {
        await tx.lockAuditChain();
        const before = await found(tx, id);
        await tx.kysely.updateTable('incidents').set({ grade_confirmed: b.grade, warning_colour: b.warningColour ?? GRADE_COLOUR[b.grade],
          grade_confirmed_by: actor, grade_confirmed_at: now, grade_reason: b.reason }).where('id', '=', id).execute();
        const after = (await gradeRow(tx, id))!;
        await appendAudit(tx, { at: now, actor, action: 'grade.confirm', entity: 'incidents', entityId: id, before: decision(before), after: decision(after),
          route: 'PUT /incidents/{id}/grade', ip: clientIp(c, deps.trustProxy) });
        await emitChanges(tx, now, [{ resource: 'incidents', ids: [id] }, { resource: 'dashboard' }]);
        return grade(c, tx, after);
      });
      return c.json(out, 200);
    });
}

// The closed loop (issue 5 item 2): GET /loops/board (every open loop by step, overdue first,
// with its responsible team), POST /loops/steps/{id}/complete (the state machine of
// domain/loop/machine.ts, with its effects: a room on check-in, the room freed on release, a
// positive NAT turning a contact into a confirmed case with a new plan and a red alert), GET
// /loops/kpis (per day) and the SLA (GET/PUT /loops/sla). Scope `own` for loops is the step's
// team: a field member sees and completes their team's steps; another team's step is a 404.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { KPI_MAX_DAYS, dailyKpis } from '../../domain/loop/kpi.ts';
import { LOOP_STEPS } from '../../domain/loop/types.ts';
import { BoardQuery, KpiQuery, SlaInput, StepComplete } from '../../domain/schemas/loops.ts';
import { addDays, daysBetween, shanghaiDate } from '../../domain/zones/calendar.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit, audit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { SLA_META_KEY, configuredSla, slaLayers, storeSla } from '../db/loop-sla.ts';
import { kpiLoops } from '../db/loops.ts';
import { boardRows } from '../db/people-registry.ts';
import { incidentProfile } from '../db/profiles.ts';
import { openIncidentId } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import { emitChanges } from '../live/emit.ts';
import { completeLoopStep } from './loop-complete.ts';
import { boardItem } from './loop-json.ts';
import { BoardOut, CompleteOut, KpiOut, SlaOut } from './loop-schemas.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';

const board = policyRoute({ resource: 'loops', action: 'read' }, { method: 'get', path: '/loops/board', tags: ['loops'],
  summary: 'Every open loop by its current step, overdue first, with the responsible team', request: { query: BoardQuery },
  responses: { 200: { description: 'The board', ...json(BoardOut) }, ...problems(400, 401, 403) } });
const complete = policyRoute({ resource: 'loops', action: 'update' }, { method: 'post', path: '/loops/steps/{id}/complete', tags: ['loops'],
  summary: 'Complete the next step of a loop (result for a NAT, room for check-in)', request: { params: IdParam, body: body(StepComplete) },
  responses: { 200: { description: 'The step, the loop after it, the effects', ...json(CompleteOut) }, ...problems(400, 401, 403, 404, 409, 413, 415, 422) } });
const kpis = policyRoute({ resource: 'loops', action: 'read' }, { method: 'get', path: '/loops/kpis', tags: ['loops'],
  summary: 'Tracing KPIs per Asia/Shanghai day (default: the last 14 days)', request: { query: KpiQuery },
  responses: { 200: { description: 'One row per day', ...json(KpiOut) }, ...problems(400, 401, 403) } });
const readSla = policyRoute({ resource: 'incidents', action: 'read' }, { method: 'get', path: '/loops/sla', tags: ['loops'],
  summary: 'The loop deadlines in force: defaults, configured, the profile\'s', responses: { 200: { description: 'The SLA', ...json(SlaOut) }, ...problems(401, 403) } });
const putSla = policyRoute({ resource: 'incidents', action: 'update' }, { method: 'put', path: '/loops/sla', tags: ['loops'],
  summary: 'Configure the loop deadlines (audited, with a reason)', request: { body: body(SlaInput) },
  responses: { 200: { description: 'The SLA', ...json(SlaOut) }, ...problems(400, 401, 403, 413, 415) } });

export function loops(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const slaOut = async (from: Db = db) => {
    const incidentId = await openIncidentId(from);
    const profile = incidentId === undefined ? undefined : await incidentProfile(from, incidentId);
    return { ...(await slaLayers(from, profile?.params ?? {})), profileKey: profile?.summary.key ?? null };
  };
  const who = (c: Context<AppEnv>, route: string, entity: string) => ({ at: deps.now().toISOString(), actor: access(c).viewer.username, entity,
    route, ip: clientIp(c, deps.trustProxy) });

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(board, async (c) => {
      const q = c.req.valid('query');
      const now = deps.now().toISOString();
      // No escalation run here: the 60 s timer (server/main.ts) writes the alerts, and the board
      // computes each level live from the due time (loop-json.ts boardItem): a read runs no
      // escalation transaction, and the wall's polling writes nothing at all (review L3).
      const { ownTeam, viewer } = access(c);
      const rows = await boardRows(db, { incidentId: (await openIncidentId(db)) ?? -1, steps: q.step, stepTeamId: ownTeam ?? q.team,
        overdueOnly: q.overdueOnly, limit: 1_000_000, now });
      const columns = LOOP_STEPS.map((step) => {
        const here = rows.filter((r) => r.current_step === step);
        return { step, count: here.length, overdue: here.filter((r) => r.current_due_at! < now).length };
      }).filter((col) => col.count > 0);
      const shown = rows.slice(0, q.limit);
      const personal = personalFieldsFor(viewer.role);
      if (shown.length && personal !== 'hidden') {
        await audit(db, { ...who(c, 'GET /loops/board', 'persons'), action: 'read', after: { count: shown.length, ids: shown.map((r) => r.id) } });
      }
      return c.json({ generatedAt: now, truncated: rows.length > shown.length, columns, items: shown.map((r) => boardItem(r, personal, now)) } as never, 200);
    })
    .openapi(complete, async (c) => {
      const out = await completeLoopStep(deps, c, c.req.valid('param').id, c.req.valid('json'));
      return c.json(out as never, 200);
    })
    .openapi(kpis, async (c) => {
      const q = c.req.valid('query');
      const now = deps.now().toISOString();
      const to = q.to ?? shanghaiDate(now);
      const from = q.from ?? addDays(to, -13);
      if (daysBetween(from, to) < 0) throw new ApiError('invalid_query', 'from is after to');
      if (daysBetween(from, to) >= KPI_MAX_DAYS) throw new ApiError('invalid_query', `at most ${KPI_MAX_DAYS} days`);
      // N of "% of contacts transferred within N h" is the transfer deadline in force.
      const withinHours = (await slaOut()).effective.transferred;
      const loopsIn = await kpiLoops(db, { incidentId: (await openIncidentId(db)) ?? -1, from, to, teamId: access(c).ownTeam ?? undefined });
      return c.json({ from, to, withinHours, items: dailyKpis(loopsIn, from, to, withinHours, now) }, 200);
    })
    .openapi(readSla, async (c) => c.json(await slaOut(), 200))
    .openapi(putSla, async (c) => {
      const { reason, ...sla } = c.req.valid('json');
      const out = await db.transaction(async (tx) => {
        const before = await configuredSla(tx);
        await storeSla(tx, sla);
        const w = who(c, 'PUT /loops/sla', 'meta');
        await appendAudit(tx, { ...w, action: 'update', entityId: SLA_META_KEY, before, after: { ...sla, reason } });
        // the deadlines are read as 'incidents' (GET /loops/sla) and feed the loop KPIs
        await emitChanges(tx, w.at, [{ resource: 'loops' }, { resource: 'incidents' }]);
        return slaOut(tx);
      });
      return c.json(out, 200);
    });
}

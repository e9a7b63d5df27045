// Early-warning alerts (issue 7 item 4): GET /alerts (newest raised first, filtered by status,
// level and rule, keyset-paged), GET /alerts/{id} (the alert with its area, its line list and, for
// an EARS signal, the syndromic series), POST /alerts/{id}/acknowledge and /resolve ("who and
// when"). Policy `alerts`: read by every district-wide role, acknowledged and resolved by the
// commander, planners and case officers; never a field member. The line list is masked at the
// one masking place (serialize.ts; the wall gets no names) and each read of it is audited like
// the registry's (ids only). Acknowledge and resolve are audited and tell the live stream
// ('alerts', and 'dashboard' for the wall's counts) in their transaction.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AlertStatus } from '../../domain/analysis/types.ts';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { alertOut, alertRow, listAlerts, parseDetail, type AlertRow } from '../db/alert-list.ts';
import { linePersons, subjectGeometry } from '../db/alert-lines.ts';
import { alertSeries } from '../db/alert-series.ts';
import { appendAudit, audit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { openIncidentId } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import { emitChanges } from '../live/emit.ts';
import { AlertDetailSchema, AlertNote, AlertOutSchema, AlertPage, AlertQuery } from './alert-schemas.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';

const read = { resource: 'alerts', action: 'read' } as const;
const update = { resource: 'alerts', action: 'update' } as const;
const STATUSES: Record<string, AlertStatus[]> = { active: ['open', 'acknowledged'], open: ['open'], acknowledged: ['acknowledged'],
  resolved: ['resolved'], all: ['open', 'acknowledged', 'resolved'] };

const listRoute = policyRoute(read, { method: 'get', path: '/alerts', tags: ['alerts'],
  summary: 'The open incident\'s alerts, newest raised first', request: { query: AlertQuery },
  responses: { 200: { description: 'A page', ...json(AlertPage) }, ...problems(400, 401, 403) } });
const readRoute = policyRoute(read, { method: 'get', path: '/alerts/{id}', tags: ['alerts'],
  summary: 'An alert with its area, its line list (masked) and, for an EARS signal, the series', request: { params: IdParam },
  responses: { 200: { description: 'The alert', ...json(AlertDetailSchema) }, ...problems(400, 401, 403, 404) } });
const step = (path: string, summary: string) => policyRoute(update, { method: 'post', path, tags: ['alerts'], summary,
  request: { params: IdParam, body: body(AlertNote) },
  responses: { 200: { description: 'The alert', ...json(AlertOutSchema) }, ...problems(400, 401, 403, 404, 409, 413, 415) } });
const ackRoute = step('/alerts/{id}/acknowledge', 'Acknowledge an alert (who and when; again: no change); 409 when resolved');
const resolveRoute = step('/alerts/{id}/resolve', 'Resolve an alert (who and when); 409 when resolved already');

export function alerts(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const personal = (c: Context<AppEnv>) => personalFieldsFor(access(c).viewer.role);
  const out = (c: Context<AppEnv>, r: AlertRow) => alertOut(r, personal(c) !== 'hidden');

  /** Acknowledge or resolve: one transaction with the audit entry and the live events. */
  const decide = (c: Context<AppEnv>, id: number, to: 'acknowledged' | 'resolved', note: string | undefined) => db.transaction(async (tx) => {
    await tx.lockAuditChain(); // two officers deciding at once: the second sees the first's answer
    const before = await alertRow(tx, id);
    if (!before) throw new ApiError('not_found', `alert ${id}`);
    if (before.status === 'resolved') throw new ApiError('alert_resolved', `alert ${id} was resolved at ${before.resolved_at}`);
    if (before.status === to) return before; // acknowledging twice changes nothing and records nothing
    const now = deps.now().toISOString();
    const viewer = access(c).viewer.username;
    await tx.kysely.updateTable('alerts').set(to === 'acknowledged' ? { status: to, acknowledged_at: now, acknowledged_by: viewer }
      : { status: to, resolved_at: now, resolved_by: viewer }).where('id', '=', id).execute();
    await appendAudit(tx, { at: now, actor: viewer, action: to === 'acknowledged' ? 'alert.acknowledge' : 'alert.resolve', entity: 'alerts', entityId: id,
      before: { status: before.status, level: before.level, rule: before.rule }, after: { status: to, note: note ?? null },
      route: `POST /alerts/{id}/${to === 'acknowledged' ? 'acknowledge' : 'resolve'}`, ip: clientIp(c, deps.trustProxy) });
    await emitChanges(tx, now, [{ resource: 'alerts', ids: [id] }, { resource: 'dashboard' }]);
    return (await alertRow(tx, id))!;
  });

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(listRoute, async (c) => {
      const q = c.req.valid('query');
      const { rows, more } = await listAlerts(db, { incidentId: (await openIncidentId(db)) ?? -1, statuses: STATUSES[q.status], levels: q.level,
        rules: q.rule, limit: q.limit, afterId: q.cursor === undefined ? undefined : decodeCursor(q.cursor) });
      return c.json({ items: rows.map((r) => out(c, r)), next: more ? encodeCursor(rows[rows.length - 1].id) : null }, 200);
    })
    .openapi(readRoute, async (c) => {
      const { id } = c.req.valid('param');
      const row = await alertRow(db, id);
      if (!row) throw new ApiError('not_found', `alert ${id}`);
      const now = deps.now().toISOString();
      const { subject } = parseDetail(row.detail);
      const p = personal(c);
      const persons = await linePersons(db, Array.isArray(subject.personIds) ? subject.personIds : [], p);
      // Reads of identifiable people go to the audit log (ids only), as GET /people does; the wall sees no personal fields.
      if (persons.length && p !== 'hidden') {
        const ids = persons.map((x) => x.id);
        await audit(db, { at: now, actor: access(c).viewer.username, action: 'read', entity: 'persons', entityId: ids.length === 1 ? ids[0] : null,
          after: { alertId: id, count: ids.length, ids }, route: 'GET /alerts/{id}', ip: clientIp(c, deps.trustProxy) });
      }
      const detail = { ...out(c, row), geometry: await subjectGeometry(db, subject), persons, series: await alertSeries(db, subject, shanghaiDate(now)) };
      return c.json(detail, 200);
    })
    .openapi(ackRoute, async (c) => c.json(out(c, await decide(c, c.req.valid('param').id, 'acknowledged', c.req.valid('json').note)), 200))
    .openapi(resolveRoute, async (c) => c.json(out(c, await decide(c, c.req.valid('param').id, 'resolved', c.req.valid('json').note)), 200));
}

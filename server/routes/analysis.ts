// GET /analysis/latest, GET /analysis/syndromic and POST /analysis/run (issue 7 items 2–3): the
// newest analysis runs of the open incident, a syndromic series with its EARS statistics, and
// running a day's analyses now. Policy `analysis` (read: every role that reads the district,
// never a field member; create: commander and planner). The reads send ids, dates, figures and
// geometries only, so they are not audited; the run is (it writes runs, alerts and the grade
// suggestion). Without an open incident the latest is all null and a run is 409 `conflict`:
// there is nothing to analyse, and the request may succeed once an incident is opened.
import { OpenAPIHono } from '@hono/zod-openapi';
import { ears } from '../../domain/syndromic/ears.ts';
import { dayRange } from '../../domain/wall/days.ts';
import { addDays, shanghaiDate } from '../../domain/zones/calendar.ts';
import { runDailyAnalyses } from '../analysis/daily.ts';
import { syndromicTotals } from '../analysis/inputs.ts';
import { latestAnalysis } from '../analysis/store.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { openIncidentId } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import { AnalysisLatestOut, RunBody, RunOut, SyndromicOut, SyndromicQuery } from './analysis-schemas.ts';
import { problems, validationHook } from './openapi.ts';
import { body, json } from './task-schemas.ts';

const read = { resource: 'analysis', action: 'read' } as const;
const latestRoute = policyRoute(read, { method: 'get', path: '/analysis/latest', tags: ['analysis'],
  summary: 'The newest ST-DBSCAN clusters, scan clusters, Gi* hot spots and EARS signals of the open incident',
  responses: { 200: { description: 'The newest run of each kind (null: none yet)', ...json(AnalysisLatestOut) }, ...problems(401, 403) } });
const syndromicRoute = policyRoute(read, { method: 'get', path: '/analysis/syndromic', tags: ['analysis'],
  summary: 'A daily syndromic series (fever-clinic visits or fever-drug sales) of a village, township or the district, with EARS C1–C3',
  request: { query: SyndromicQuery },
  responses: { 200: { description: 'The series, oldest day first; a day without a report counts 0', ...json(SyndromicOut) }, ...problems(400, 401, 403, 404) } });
const runRoute = policyRoute({ resource: 'analysis', action: 'create' }, { method: 'post', path: '/analysis/run', tags: ['analysis'],
  summary: 'Run a day\'s analyses now (default: the newest complete day); writes its runs, alerts and the grade suggestion (audited)',
  request: { body: body(RunBody) },
  responses: { 200: { description: 'What the run found and the alerts it raised or updated', ...json(RunOut) },
    ...problems(400, 401, 403, 409, 413, 415) } });

/** Days before the first shown one that the EARS baselines read (C3: 7 days, 2 back, plus 2). */
const EARS_WARMUP_DAYS = 14;

/** The units a series sums: the district (null: all), a township's villages, or one village. */
async function seriesUnits(db: Db, adminUnitId: number | undefined): Promise<{ ids: number[] | null; name: string }> {
  if (adminUnitId === undefined) {
    const d = await db.kysely.selectFrom('admin_units').select('name').where('level', '=', 'district').orderBy('id').executeTakeFirst();
    return { ids: null, name: d?.name ?? '全区' };
  }
  const u = await db.kysely.selectFrom('admin_units').select(['id', 'name', 'level']).where('id', '=', adminUnitId).executeTakeFirst();
  if (!u) throw new ApiError('not_found', `admin unit ${adminUnitId}`);
  if (u.level === 'district') return { ids: null, name: u.name };
  if (u.level === 'village') return { ids: [u.id], name: u.name };
  const vs = await db.kysely.selectFrom('admin_units').select('id').where('parent_id', '=', u.id).where('level', '=', 'village').execute();
  return { ids: vs.map((v) => v.id), name: u.name };
}

export function analysis(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const lastComplete = () => addDays(shanghaiDate(deps.now().toISOString()), -1);
  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(latestRoute, async (c) => c.json(await latestAnalysis(db) as never, 200))
    .openapi(syndromicRoute, async (c) => {
      const q = c.req.valid('query');
      const until = q.until ?? lastComplete();
      const units = await seriesUnits(db, q.adminUnitId);
      const from = addDays(until, -(q.days - 1)), warm = addDays(from, -EARS_WARMUP_DAYS);
      const totals = await syndromicTotals(db, units.ids, q.kind, warm, until);
      const dates = dayRange(warm, until);
      const counts = dates.map((d) => totals.get(d) ?? 0);
      const stats = ears(counts);
      const days = dates.map((date, i) => ({ date, count: counts[i], c1: stats[i].c1, c2: stats[i].c2, c3: stats[i].c3, methods: stats[i].methods }))
        .slice(EARS_WARMUP_DAYS);
      return c.json({ adminUnitId: q.adminUnitId ?? null, name: units.name, kind: q.kind, days }, 200);
    })
    .openapi(runRoute, async (c) => {
      const b = c.req.valid('json');
      const incidentId = await openIncidentId(db);
      if (incidentId === undefined) throw new ApiError('conflict', 'no open incident to analyse');
      const last = lastComplete();
      const day = b.day ?? last;
      if (day > last) throw new ApiError('validation_failed', `day: only a complete day can be analysed, ${last} or earlier`);
      const now = deps.now().toISOString();
      const o = await runDailyAnalyses(db, { incidentId, day, ranAt: now,
        within: (tx, out) => appendAudit(tx, { at: now, actor: access(c).viewer.username, action: 'analysis.run', entity: 'analysis_runs', entityId: day,
          after: { day, counts: out.counts, alerts: out.alerts }, route: 'POST /analysis/run', ip: clientIp(c, deps.trustProxy) }) });
      return c.json({ day: o.day, counts: o.counts, alerts: o.alerts }, 200);
    });
}

// Exports of the registry and the closed-loop board (issue 5 item 6) as XLSX or CSV: the same rows
// and filters as GET /people and GET /loops/board (server/db/people-registry.ts), masked per role
// by the same serializers (loop-json.ts → serialize.ts), formula-looking cells written as text,
// and audited with the route, the filters and the row count (reliability.md §7.5 P2, P8).
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { EXPORT_FORMATS } from '../../domain/schemas/imports.ts';
import { BoardQuery, PeopleQuery } from '../../domain/schemas/loops.ts';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { audit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { boardRows, listRegistry, type RegistryRow } from '../db/people-registry.ts';
import { openIncidentId } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import { FILE_TYPES, toCsv, toXlsx, type Column } from '../import/export-file.ts';
import { boardItem, personJson } from './loop-json.ts';
import { problems, validationHook } from './openapi.ts';

/** More rows than a township's registry holds; beyond it the export says so instead of cutting silently. */
const MAX_ROWS = 100_000;
const Format = z.enum(EXPORT_FORMATS).default('xlsx');
const RegistryQuery = PeopleQuery.omit({ limit: true, cursor: true }).extend({ format: Format });
const BoardExportQuery = BoardQuery.omit({ limit: true }).extend({ format: Format });
const file = { description: 'The file', content: { [FILE_TYPES.xlsx]: { schema: z.string().openapi({ format: 'binary' }) }, 'text/csv': { schema: z.string() } } };

const col = (key: string, zh: string, en: string): Column => ({ key, zh, en });
const REGISTRY: Column[] = [col('id', '编号', 'id'), col('category', '类别', 'category'), col('status', '状态', 'status'), col('name', '姓名', 'name'),
  col('idNumber', '身份证号', 'ID number'), col('phone', '手机', 'phone'), col('sex', '性别', 'sex'), col('age', '年龄', 'age'),
  col('homeAddress', '现住址', 'home address'), col('townshipName', '乡镇', 'township'), col('onsetDate', '发病日期', 'onset date'),
  col('sampleDate', '采样日期', 'sample date'), col('reportDate', '报告日期', 'report date'), col('identifiedAt', '发现时间', 'identified at'),
  col('currentStep', '当前环节', 'current step'), col('currentDueAt', '环节时限', 'due at'), col('overdue', '超时', 'overdue'),
  col('teamName', '责任队伍', 'team'), col('source', '来源', 'source')];
const BOARD: Column[] = [col('id', '编号', 'id'), col('category', '类别', 'category'), col('name', '姓名', 'name'), col('phone', '手机', 'phone'),
  col('townshipName', '乡镇', 'township'), col('step', '当前环节', 'step'), col('dueAt', '时限', 'due at'), col('overdue', '超时', 'overdue'),
  col('overdueHours', '超时小时', 'overdue hours'), col('escalationLevel', '升级级别', 'escalation level'), col('teamName', '责任队伍', 'team')];

const registry = policyRoute({ resource: 'cases', action: 'export' }, { method: 'get', path: '/exports/registry', tags: ['exports'],
  summary: 'The registry as XLSX or CSV (masked, audited); filters as GET /people', request: { query: RegistryQuery },
  responses: { 200: file, ...problems(400, 401, 403, 422) } });
const board = policyRoute({ resource: 'loops', action: 'export' }, { method: 'get', path: '/exports/board', tags: ['exports'],
  summary: 'The closed-loop board as XLSX or CSV (masked, audited); filters as GET /loops/board', request: { query: BoardExportQuery },
  responses: { 200: file, ...problems(400, 401, 403, 422) } });

/** Whose records left, compactly (review M4, reliability §7.5 P2/P8: "who exported person X"):
 * the sorted ids with runs of consecutive ids as [first, last] pairs. */
export function idRanges(ids: number[]): (number | [number, number])[] {
  const out: (number | [number, number])[] = [];
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j] + 1) j++;
    out.push(j === i ? sorted[i] : [sorted[i], sorted[j]]);
    i = j + 1;
  }
  return out;
}

export function exportFiles(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  async function send(c: Context<AppEnv>, what: 'registry' | 'board', format: 'xlsx' | 'csv', columns: Column[], rows: RegistryRow[],
    json: (r: RegistryRow) => Record<string, unknown>, filters: Record<string, unknown>, now: string) {
    if (rows.length > MAX_ROWS) throw new ApiError('validation_failed', `more than ${MAX_ROWS} rows: narrow the filters`);
    const items = rows.map(json);
    const bytes = format === 'xlsx' ? await toXlsx(what, columns, items, now) : toCsv(what, columns, items, now);
    await audit(db, { at: now, actor: access(c).viewer.username, action: 'export', entity: 'persons', route: `GET /exports/${what}`,
      ip: clientIp(c, deps.trustProxy), after: { format, filters, count: rows.length, ids: idRanges(rows.map((r) => r.id)) } });
    const day = shanghaiDate(now).replaceAll('-', ''); // the office's calendar day, not UTC's (review L2)
    return c.body(new Uint8Array(bytes), 200, { 'content-type': FILE_TYPES[format],
      'content-disposition': `attachment; filename="shouwang-${what}-${day}.${format}"` });
  }

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(registry, async (c) => {
      const { format, ...q } = c.req.valid('query');
      if (q.from && q.to && q.from > q.to) throw new ApiError('invalid_query', 'from is after to');
      const now = deps.now().toISOString();
      const personal = personalFieldsFor(access(c).viewer.role);
      const { rows } = await listRegistry(db, { categories: q.category, statuses: q.status, steps: q.step, townshipId: q.township,
        overdue: q.overdue, from: q.from, to: q.to, q: q.q, limit: MAX_ROWS + 1, teamId: access(c).ownTeam ?? undefined, now,
        incidentId: (await openIncidentId(db)) ?? -1 });
      return send(c, 'registry', format, REGISTRY, rows, (r) => personJson(r, personal, now), q, now) as never;
    })
    .openapi(board, async (c) => {
      const { format, ...q } = c.req.valid('query');
      const now = deps.now().toISOString();
      const personal = personalFieldsFor(access(c).viewer.role);
      const rows = await boardRows(db, { incidentId: (await openIncidentId(db)) ?? -1, steps: q.step, stepTeamId: access(c).ownTeam ?? q.team,
        overdueOnly: q.overdueOnly, limit: MAX_ROWS + 1, now });
      return send(c, 'board', format, BOARD, rows, (r) => boardItem(r, personal, now), q, now) as never;
    });
}

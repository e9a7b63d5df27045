// Case and contact list imports (issue 5 item 5; contract-issue5.md "IMPORT"): POST /imports takes
// the raw file (the one non-JSON body, under its own cap: server/app.ts), PUT …/mapping validates
// and places every row, PUT …/rows/{rowNo} settles the review queue, POST …/commit writes the
// persons in one transaction, DELETE discards. Case officers only; the commander may look.
// Personal data leave masked (row-json.ts → serialize.ts), geocode labels too, except the address
// (and its labels) of a row still to fix, in clear for the roles that may reveal (serialize.ts
// addressToFix); every read of rows is audited with its row numbers; every step with counts.
import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { personalFieldsFor } from '../../domain/auth/policy.ts';
import { suggestMapping } from '../../domain/sheets/header-synonyms.ts';
import { checkMapping } from '../../domain/sheets/mapping.ts';
import { CommitBody, ImportListQuery, ImportQuery, MappingBody, ROW_STATUSES, RowFix, RowsQuery, type RowStatus } from '../../domain/schemas/imports.ts';
import { access, type AppEnv } from '../auth/context.ts';
import { clientIp } from '../auth/middleware.ts';
import { policyRoute } from '../auth/route.ts';
import { appendAudit, audit, type AuditInput } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { openIncidentId } from '../db/records.ts';
import { ApiError } from '../errors.ts';
import { emitChange } from '../live/emit.ts';
import { addressToFix, clearToFix, geocodeLabelFor } from '../serialize.ts';
import { checkRows } from '../import/check.ts';
import { commitImport } from '../import/commit.ts';
import { claimOf, readFile } from '../import/read-file.ts';
import { fixRow } from '../import/review.ts';
import { rowOut, type RowData } from '../import/row-json.ts';
import { CommitOut, ImportCreatedOut, ImportListOut, ImportRowOut, ImportRowsOut, ImportSummaryOut } from '../import/schemas.ts';
import { getImport, insertImport, listImports, pageRows, replaceRows, saveMapping, savedMapping } from '../import/store.ts';
import { importSummary } from '../import/summary.ts';
import { UPLOAD_TYPE_NAMES, XLSX_TYPE } from '../import/upload-types.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { problems, validationHook } from './openapi.ts';
import { body, IdParam, json } from './task-schemas.ts';

const policy = (action: 'read' | 'create' | 'update') => ({ resource: 'imports' as const, action });
const RowParam = IdParam.extend({ rowNo: z.coerce.number().int().min(2).max(1_000_000) });
const file = { description: `the sheet itself (${UPLOAD_TYPE_NAMES})`, required: true,
  content: { 'text/csv': { schema: z.string() }, [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) }, 'application/octet-stream': { schema: z.string().openapi({ format: 'binary' }) } } };
const tags = ['imports'];

const upload = policyRoute(policy('create'), { method: 'post', path: '/imports', tags, summary: 'Upload a case or contact list (CSV UTF-8/GBK or XLSX)',
  request: { query: ImportQuery, body: file },
  responses: { 201: { description: 'Staged: header, row count, suggested and saved mapping', ...json(ImportCreatedOut) }, ...problems(400, 401, 403, 409, 413, 415, 422) } });
const list = policyRoute(policy('read'), { method: 'get', path: '/imports', tags, summary: 'Imports, newest first',
  request: { query: ImportListQuery }, responses: { 200: { description: 'A page', ...json(ImportListOut) }, ...problems(400, 401, 403) } });
const read = policyRoute(policy('read'), { method: 'get', path: '/imports/{id}', tags, summary: 'An import: mapping, counts per row status, report',
  request: { params: IdParam }, responses: { 200: { description: 'The import', ...json(ImportSummaryOut) }, ...problems(400, 401, 403, 404) } });
const rows = policyRoute(policy('read'), { method: 'get', path: '/imports/{id}/rows', tags, summary: 'Staged rows (masked; the address of a review or error row in clear for roles that may reveal, audited), errors and geocoding',
  request: { params: IdParam, query: RowsQuery }, responses: { 200: { description: 'A page of rows', ...json(ImportRowsOut) }, ...problems(400, 401, 403, 404) } });
const mapping = policyRoute(policy('update'), { method: 'put', path: '/imports/{id}/mapping', tags, summary: 'Apply a column mapping: validate and place every row',
  request: { params: IdParam, body: body(MappingBody) },
  responses: { 200: { description: 'The checked import', ...json(ImportSummaryOut) }, ...problems(400, 401, 403, 404, 409, 413, 415, 422) } });
const fix = policyRoute(policy('update'), { method: 'put', path: '/imports/{id}/rows/{rowNo}', tags, summary: 'Review: pick a candidate, a point on the map, or skip',
  request: { params: RowParam, body: body(RowFix) },
  responses: { 200: { description: 'The row', ...json(ImportRowOut) }, ...problems(400, 401, 403, 404, 409, 413, 415, 422) } });
const commit = policyRoute(policy('update'), { method: 'post', path: '/imports/{id}/commit', tags, summary: 'Commit all rows, or explicitly the ready ones',
  request: { params: IdParam, body: body(CommitBody) },
  responses: { 200: { description: 'Committed, with the per-row report', ...json(CommitOut) }, ...problems(400, 401, 403, 404, 409, 413, 415, 422) } });
const discard = policyRoute(policy('update'), { method: 'delete', path: '/imports/{id}', tags, summary: 'Discard a staged import (its rows are deleted)',
  request: { params: IdParam }, responses: { 204: { description: 'Discarded' }, ...problems(400, 401, 403, 404, 409) } });

function statusList(text: string | undefined): RowStatus[] | undefined {
  const items = text?.split(',').map((s) => s.trim()).filter(Boolean);
  const bad = items?.find((s) => !(ROW_STATUSES as readonly string[]).includes(s));
  if (bad !== undefined) throw new ApiError('invalid_query', `status: ${bad} is not one of ${ROW_STATUSES.join(', ')}`);
  return items as RowStatus[] | undefined;
}

export function imports(deps: { db: Db; now: () => Date; trustProxy: boolean }) {
  const { db } = deps;
  const who = (c: Context<AppEnv>, route: string): Omit<AuditInput, 'action' | 'entity'> =>
    ({ at: deps.now().toISOString(), actor: access(c).viewer.username, route, ip: clientIp(c, deps.trustProxy) });
  const found = async (id: number, from: Db = db) => {
    const imp = await getImport(from, id);
    if (!imp) throw new ApiError('not_found', `import ${id}`);
    return imp;
  };
  const open = async (id: number, from: Db) => {
    const imp = await found(id, from);
    if (imp.status === 'committed' || imp.status === 'discarded') throw new ApiError('import_closed', `import ${id} is ${imp.status}`);
    return imp;
  };
  const personal = (c: Context<AppEnv>) => personalFieldsFor(access(c).viewer.role);

  return new OpenAPIHono<AppEnv>({ defaultHook: validationHook })
    .openapi(upload, async (c) => {
      const q = c.req.valid('query');
      const sheet = await readFile(Buffer.from(await c.req.arrayBuffer()), claimOf(c.req.header('content-type') ?? '', q.filename));
      const incidentId = await openIncidentId(db);
      if (incidentId === undefined) throw new ApiError('conflict', 'there is no open incident to import into');
      const w = who(c, 'POST /imports');
      const id = await db.transaction(async (tx) => {
        const id = await insertImport(tx, { incidentId, kind: q.kind, source: q.source, filename: q.filename, sheet, actor: w.actor, at: w.at });
        await appendAudit(tx, { ...w, action: 'create', entity: 'imports', entityId: id,
          after: { kind: q.kind, source: q.source, format: sheet.format, rows: sheet.rows.length, formulaCells: sheet.formulaCells } });
        await emitChange(tx, w.at, { resource: 'imports', ids: [id] });
        return id;
      });
      const suggested = suggestMapping(sheet.header, q.kind) as Record<string, string>;
      const saved = await savedMapping(db, q.kind, q.source);
      // the sheet carries coordinates when its headers name them, or the source's saved mapping maps them here
      const coords = (m: Record<string, string>) => 'lng' in m && 'lat' in m;
      const needsCrs = coords(suggested) || (saved !== null && coords(saved.mapping) && checkMapping(q.kind, sheet.header, saved.mapping).ok);
      return c.json({ id, kind: q.kind, source: q.source, filename: q.filename, format: sheet.format, header: sheet.header, rows: sheet.rows.length,
        formulaCells: sheet.formulaCells, suggestedMapping: suggested, savedMapping: saved, needsCrs }, 201,
      { location: `/api/v1/imports/${id}` });
    })
    .openapi(list, async (c) => {
      const q = c.req.valid('query');
      const page = await listImports(db, q.limit, q.cursor ? decodeCursor(q.cursor) : undefined);
      const items = await Promise.all(page.rows.map((r) => importSummary(db, r)));
      return c.json({ items, next: page.more ? encodeCursor(page.rows[page.rows.length - 1].id) : null }, 200);
    })
    .openapi(read, async (c) => c.json(await importSummary(db, await found(c.req.valid('param').id)), 200))
    .openapi(rows, async (c) => {
      const { id } = c.req.valid('param');
      const q = c.req.valid('query');
      await found(id);
      const page = await pageRows(db, id, { statuses: statusList(q.status), limit: q.limit, afterRowNo: q.cursor ? decodeCursor(q.cursor) : undefined });
      // the review queue shows the address to fix (and its geocode labels) in clear to those who
      // may reveal it; every page with rows is audited (row numbers, never values)
      const role = access(c).viewer.role;
      const clear = page.rows.map((r) => addressToFix(role, r.status, r.data === null ? undefined : (JSON.parse(r.data) as RowData).values.homeAddress));
      const shown = page.rows.filter((r) => clearToFix(role, r.status) && (r.data !== null || r.geocode !== null || r.chosen !== null)).map((r) => r.row_no);
      if (page.rows.length) {
        const all = page.rows.map((r) => r.row_no);
        await audit(db, { ...who(c, 'GET /imports/{id}/rows'), action: 'read', entity: 'import_rows', entityId: id,
          after: { rows: all, count: all.length, clear: { fields: ['homeAddress', 'geocodeLabels'], rows: shown } } });
      }
      const items = page.rows.map((r, i) => rowOut(r, personal(c), (l) => geocodeLabelFor(role, r.status, l), clear[i]));
      return c.json({ items, next: page.more ? encodeCursor(page.rows[page.rows.length - 1].row_no) : null }, 200);
    })
    .openapi(mapping, async (c) => {
      const { id } = c.req.valid('param');
      const b = c.req.valid('json');
      const imp = await open(id, db);
      const checked = await checkRows(db, imp, b);
      const w = who(c, 'PUT /imports/{id}/mapping');
      await db.transaction(async (tx) => {
        await tx.lockAuditChain(); // after a concurrent commit or discard, never alongside it
        await open(id, tx); // not committed or discarded meanwhile
        await replaceRows(tx, id, checked.rows);
        await tx.kysely.updateTable('imports').set({ mapping: JSON.stringify(b.mapping), crs: checked.crs, status: 'checked' }).where('id', '=', id).execute();
        if (b.save) await saveMapping(tx, { kind: imp.kind, source: imp.source, mapping: b.mapping, crs: checked.crs, actor: w.actor, at: w.at });
        const counts = Object.fromEntries(['ok', 'review', 'error'].map((s) => [s, checked.rows.filter((r) => r.status === s).length]));
        await appendAudit(tx, { ...w, action: 'update', entity: 'imports', entityId: id, after: { mapping: b.mapping, crs: checked.crs, saved: !!b.save, ...counts } });
        await emitChange(tx, w.at, { resource: 'imports', ids: [id] });
      });
      return c.json(await importSummary(db, await found(id)), 200);
    })
    .openapi(fix, async (c) => {
      const { id, rowNo } = c.req.valid('param');
      const b = c.req.valid('json');
      const w = who(c, 'PUT /imports/{id}/rows/{rowNo}');
      const row = await db.transaction(async (tx) => {
        await tx.lockAuditChain(); // a decision lands before or after a commit, not during it
        const r = await fixRow(tx, await found(id, tx), rowNo, b);
        const how = 'skip' in b ? 'skip' : 'candidate' in b ? 'candidate' : 'map';
        await appendAudit(tx, { ...w, action: 'update', entity: 'import_rows', entityId: `${id}:${rowNo}`, after: { status: r.status, how } });
        await emitChange(tx, w.at, { resource: 'imports', ids: [id] });
        return r;
      });
      const role = access(c).viewer.role;
      return c.json(rowOut(row, personal(c), (l) => geocodeLabelFor(role, row.status, l)), 200);
    })
    .openapi(commit, async (c) => {
      const { id } = c.req.valid('param');
      const report = await commitImport(db, await found(id), c.req.valid('json').mode, who(c, 'POST /imports/{id}/commit'));
      return c.json({ id, status: 'committed' as const, report }, 200);
    })
    .openapi(discard, async (c) => {
      const { id } = c.req.valid('param');
      const w = who(c, 'DELETE /imports/{id}');
      await db.transaction(async (tx) => {
        await tx.lockAuditChain();
        await open(id, tx);
        await tx.kysely.deleteFrom('import_rows').where('import_id', '=', id).execute();
        await tx.kysely.updateTable('imports').set({ status: 'discarded' }).where('id', '=', id).execute();
        await appendAudit(tx, { ...w, action: 'delete', entity: 'imports', entityId: id });
        await emitChange(tx, w.at, { resource: 'imports', ids: [id] });
      });
      return c.body(null, 204);
    });
}

// Staging rows of imports: the import, its rows (raw cells kept for re-mapping, then validated
// values, errors, geocoding and the chosen point) and the mapping saved per (kind, source).
// Rows are written in chunks: a 10,000-row sheet is a few dozen statements, not 10,000.
import type { ImportKind, RowStatus, SheetCrs } from '../../domain/schemas/imports.ts';
import type { Db } from '../db/database.ts';
import type { ImportRowTable, ImportTable } from '../db/schema-imports.ts';
import type { Sheet } from './sheet.ts';

export type ImportRecord = Omit<ImportTable, 'id'> & { id: number };
export type RowRecord = Omit<ImportRowTable, 'id'> & { id: number };
export type NewRow = Omit<ImportRowTable, 'id' | 'import_id'>;
/** A raw cell: its text, or {f: formula text} for an XLSX formula cell. */
export type RawCell = string | { f: string };

const CHUNK = 400;

/** Lets pending I/O run (other requests, SSE): long import phases call it every few hundred rows,
 * since awaiting already-settled promises (better-sqlite3 is synchronous) never yields. */
export const yieldToLoop = (): Promise<void> => new Promise((r) => setImmediate(r));

export async function insertImport(tx: Db, v: { incidentId: number; kind: ImportKind; source: string; filename: string; sheet: Sheet; actor: string; at: string }): Promise<number> {
  const { id } = await tx.kysely.insertInto('imports').values({
    incident_id: v.incidentId, kind: v.kind, source: v.source, filename: v.filename, format: v.sheet.format, status: 'staged',
    header: JSON.stringify(v.sheet.header), mapping: null, crs: null, summary: null, report: null, actor: v.actor, created_at: v.at, committed_at: null,
  }).returning('id').executeTakeFirstOrThrow();
  const rows: NewRow[] = v.sheet.rows.map((r) => ({
    row_no: r.rowNo, raw: JSON.stringify(r.cells.map((c, i): RawCell => (r.formulas.includes(i) ? { f: c } : c))),
    data: null, status: 'pending', errors: null, geocode: null, chosen: null, person_id: null,
  }));
  await insertRows(tx, id, rows);
  return id;
}

export async function insertRows(tx: Db, importId: number, rows: NewRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    if (i) await yieldToLoop();
    await tx.kysely.insertInto('import_rows').values(rows.slice(i, i + CHUNK).map((r) => ({ ...r, import_id: importId }))).execute();
  }
}

/** Replaces every row of an import (after a mapping is applied). */
export async function replaceRows(tx: Db, importId: number, rows: NewRow[]): Promise<void> {
  await tx.kysely.deleteFrom('import_rows').where('import_id', '=', importId).execute();
  await insertRows(tx, importId, rows);
}

export async function getImport(db: Db, id: number): Promise<ImportRecord | undefined> {
  return db.kysely.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst() as Promise<ImportRecord | undefined>;
}

export async function listImports(db: Db, limit: number, beforeId?: number): Promise<{ rows: ImportRecord[]; more: boolean }> {
  let q = db.kysely.selectFrom('imports').selectAll().orderBy('id', 'desc').limit(limit + 1);
  if (beforeId !== undefined) q = q.where('id', '<', beforeId);
  const rows = (await q.execute()) as ImportRecord[];
  return { rows: rows.slice(0, limit), more: rows.length > limit };
}

export async function allRows(db: Db, importId: number): Promise<RowRecord[]> {
  return db.kysely.selectFrom('import_rows').selectAll().where('import_id', '=', importId).orderBy('row_no').execute() as Promise<RowRecord[]>;
}

export async function pageRows(db: Db, importId: number, args: { statuses?: RowStatus[]; limit: number; afterRowNo?: number }): Promise<{ rows: RowRecord[]; more: boolean }> {
  let q = db.kysely.selectFrom('import_rows').selectAll().where('import_id', '=', importId).orderBy('row_no').limit(args.limit + 1);
  if (args.statuses?.length) q = q.where('status', 'in', args.statuses);
  if (args.afterRowNo !== undefined) q = q.where('row_no', '>', args.afterRowNo);
  const rows = (await q.execute()) as RowRecord[];
  return { rows: rows.slice(0, args.limit), more: rows.length > args.limit };
}

export async function getRow(db: Db, importId: number, rowNo: number): Promise<RowRecord | undefined> {
  return db.kysely.selectFrom('import_rows').selectAll().where('import_id', '=', importId).where('row_no', '=', rowNo).executeTakeFirst() as Promise<RowRecord | undefined>;
}

export async function statusCounts(db: Db, importId: number): Promise<Record<RowStatus, number>> {
  const rows = await db.kysely.selectFrom('import_rows').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('import_id', '=', importId).groupBy('status').execute();
  const out: Record<RowStatus, number> = { pending: 0, ok: 0, review: 0, error: 0, resolved: 0, committed: 0, skipped: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

export async function savedMapping(db: Db, kind: ImportKind, source: string): Promise<{ mapping: Record<string, string>; crs: SheetCrs | null } | null> {
  const r = await db.kysely.selectFrom('import_mappings').select(['mapping', 'crs']).where('kind', '=', kind).where('source', '=', source).executeTakeFirst();
  return r ? { mapping: JSON.parse(r.mapping) as Record<string, string>, crs: r.crs } : null;
}

export async function saveMapping(tx: Db, v: { kind: ImportKind; source: string; mapping: Record<string, string>; crs: SheetCrs | null; actor: string; at: string }): Promise<void> {
  const values = { mapping: JSON.stringify(v.mapping), crs: v.crs, updated_at: v.at, actor: v.actor };
  await tx.kysely.insertInto('import_mappings').values({ kind: v.kind, source: v.source, ...values })
    .onConflict((oc) => oc.columns(['kind', 'source']).doUpdateSet(values)).execute();
}

// An import as the API sends it (ImportSummary): no cell values, only the header, the mapping,
// counts per row status and, once committed, the per-row report.
import type { SheetCrs } from '../../domain/schemas/imports.ts';
import type { Db } from '../db/database.ts';
import type { CommitReport } from './commit.ts';
import { statusCounts, type ImportRecord } from './store.ts';

export async function importSummary(db: Db, imp: ImportRecord) {
  const counts = await statusCounts(db, imp.id);
  const report = imp.report === null ? null : (JSON.parse(imp.report) as CommitReport);
  return {
    id: imp.id, kind: imp.kind, source: imp.source, filename: imp.filename, format: imp.format, status: imp.status,
    header: JSON.parse(imp.header) as string[], mapping: imp.mapping === null ? null : (JSON.parse(imp.mapping) as Record<string, string>),
    crs: imp.crs as SheetCrs | null, rows: Object.values(counts).reduce((a, b) => a + b, 0), counts,
    actor: imp.actor, createdAt: imp.created_at, committedAt: imp.committed_at, report,
  };
}

// PUT /imports/{id}/rows/{rowNo}: the review queue's decisions. A row below the geocoding
// threshold gets a point from one of its candidates or from a click on the map (inside the
// district); any row not yet committed may be skipped. A row with errors can only be skipped:
// its data must be fixed in the sheet and the file imported again.
import type { RowFix } from '../../domain/schemas/imports.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { districtBbox, inBbox } from './lookups.ts';
import type { Chosen, GeocodeJson } from './row-json.ts';
import { getRow, type ImportRecord, type RowRecord } from './store.ts';

export async function fixRow(tx: Db, imp: ImportRecord, rowNo: number, fix: RowFix): Promise<RowRecord> {
  if (imp.status === 'committed' || imp.status === 'discarded') throw new ApiError('import_closed', `import ${imp.id} is ${imp.status}`);
  const row = await getRow(tx, imp.id, rowNo);
  if (!row) throw new ApiError('not_found', `row ${rowNo} of import ${imp.id}`);
  let status = row.status;
  let chosen = row.chosen;
  if ('skip' in fix) status = 'skipped';
  else {
    if (imp.status !== 'checked') throw new ApiError('import_not_ready', 'apply a column mapping first');
    if (!['ok', 'review', 'resolved'].includes(row.status)) throw new ApiError('conflict', `row ${rowNo} is ${row.status}: it can only be skipped`);
    let c: Chosen;
    if ('candidate' in fix) {
      const k = (JSON.parse(row.geocode ?? 'null') as GeocodeJson | null)?.candidates[fix.candidate];
      if (!k) throw new ApiError('validation_failed', `candidate: row ${rowNo} has no candidate ${fix.candidate}`);
      c = { point: k.point, label: k.label, how: 'candidate', level: k.level, confidence: k.confidence };
    } else {
      if (!inBbox(fix.point, await districtBbox(tx))) throw new ApiError('invalid_geometry', 'the point lies outside the district');
      c = { point: fix.point, label: null, how: 'map', level: 'manual', confidence: null };
    }
    status = 'resolved';
    chosen = JSON.stringify(c);
  }
  await tx.kysely.updateTable('import_rows').set({ status, chosen }).where('id', '=', row.id).execute();
  return { ...row, status, chosen };
}

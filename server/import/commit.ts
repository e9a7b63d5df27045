// POST /imports/{id}/commit: one transaction creates every committable row's person with its
// planned loop (server/db/people.ts insertPeopleWithLoops, source 'import'), a contact's link to
// its index case, the per-row report and one audit entry with counts (never the people). 'all'
// refuses while any row is pending, in error or awaiting review (decided inside the transaction,
// after the import is claimed under the audit-chain lock, so two commits cannot both run);
// 'partial' commits ok and resolved rows and reports the rest. The incident's persons are re-read inside the transaction:
// an ID number registered since the check fails an 'all' commit whole (409) and is reported as
// an error row by a 'partial' one. Any other failure rolls everything back, the live change
// events too (the import; the new persons and their loops; the index cases that gained contacts).
import type { Insertable } from 'kysely';
import type { RowStatus } from '../../domain/schemas/imports.ts';
import type { RowValues } from '../../domain/sheets/validate-row.ts';
import { appendAudit, type AuditInput } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import type { ContactLinkTable } from '../db/schema-people.ts';
import { incidentLoopContext, insertPeopleWithLoops } from '../db/people.ts';
import { ApiError } from '../errors.ts';
import { emitChanges } from '../live/emit.ts';
import { importChanges, type CreatedPerson } from '../live/import-changes.ts';
import { existingIds, indexCases } from './lookups.ts';
import type { Chosen, RowData } from './row-json.ts';
import { allRows, replaceRows, statusCounts, yieldToLoop, type ImportRecord, type NewRow } from './store.ts';

type Outcome = 'committed' | 'skipped' | 'error' | 'review';
export interface CommitReport { mode: 'all' | 'partial'; committed: number; skipped: number; error: number; review: number;
  rows: { rowNo: number; outcome: Outcome; personId: number | null; codes: string[] }[] }

const LINK_CHUNK = 1000;
const PERSON_BATCH = 500;
const OUTCOME: Partial<Record<RowStatus, Outcome>> = { skipped: 'skipped', error: 'error', review: 'review', pending: 'review' };

export async function commitImport(db: Db, imp: ImportRecord, mode: 'all' | 'partial', who: Omit<AuditInput, 'action' | 'entity'>): Promise<CommitReport> {
  if (imp.status === 'committed' || imp.status === 'discarded') throw new ApiError('import_closed', `import ${imp.id} is ${imp.status}`);
  if (imp.status !== 'checked') throw new ApiError('import_not_ready', 'apply a column mapping first');
  const ctx = await incidentLoopContext(db, imp.incident_id);
  return db.transaction(async (tx) => {
    // One commit at a time (a double click, two officers): take the audit-chain lock first, then
    // claim the import; the second commit finds it claimed (0 rows) and gets import_closed. The
    // readiness is decided here, inside the transaction, on the rows as they are now.
    await tx.lockAuditChain();
    const claimed = await tx.kysely.updateTable('imports').set({ status: 'committed' }).where('id', '=', imp.id).where('status', '=', 'checked').executeTakeFirst();
    if (Number(claimed.numUpdatedRows) === 0) {
      const now = await tx.kysely.selectFrom('imports').select('status').where('id', '=', imp.id).executeTakeFirst();
      if (now?.status === 'staged') throw new ApiError('import_not_ready', 'apply a column mapping first');
      throw new ApiError('import_closed', `import ${imp.id} is ${now?.status ?? 'gone'}`);
    }
    const counts = await statusCounts(tx, imp.id);
    if (mode === 'all' && counts.pending + counts.error + counts.review) {
      throw new ApiError('import_not_ready', `${counts.error} rows with errors, ${counts.review + counts.pending} awaiting review`);
    }
    const rows = await allRows(tx, imp.id);
    const ready = rows.filter((r) => r.status === 'ok' || r.status === 'resolved');
    const data = new Map(ready.map((r) => [r.row_no, (JSON.parse(r.data!) as RowData).values]));
    const taken = await existingIds(tx, imp.incident_id, [...data.values()].map((v) => v.idNumber!));
    const index = imp.kind === 'contacts' ? await indexCases(tx, imp.incident_id, [...data.values()].map((v) => v.caseIdNumber!)) : new Map();
    const report: CommitReport = { mode, committed: 0, skipped: 0, error: 0, review: 0, rows: [] };
    const at = who.at;
    // first every row's fate short of the insert, then the persons in one batch, then the report
    const codesOf = new Map<number, string[]>();
    const toInsert: { rowNo: number; caseOf?: { id: number }; v: RowValues }[] = [];
    for (const r of rows) {
      const codes: string[] = r.errors ? (JSON.parse(r.errors) as { code: string }[]).map((e) => e.code) : [];
      codesOf.set(r.row_no, codes);
      const v = data.get(r.row_no);
      if (!v) continue;
      const caseOf = v.caseIdNumber === undefined ? undefined : index.get(v.caseIdNumber);
      if (taken.has(v.idNumber!) || (imp.kind === 'contacts' && !caseOf)) {
        const code = taken.has(v.idNumber!) ? 'duplicate_existing' : 'case_not_found';
        if (mode === 'all') throw new ApiError('conflict', `row ${r.row_no}: ${code === 'duplicate_existing' ? 'the ID number was registered in the incident since the check' : 'the index case is gone'}; nothing was imported`);
        codes.push(code);
      } else toInsert.push({ rowNo: r.row_no, caseOf, v });
    }
    const chosenOf = new Map(ready.map((r) => [r.row_no, JSON.parse(r.chosen!) as Chosen]));
    // in batches, yielding to the event loop between them: a 5,000-row commit must not freeze the
    // server (the wall, SSE, field phones) for seconds
    const outcomes: Awaited<ReturnType<typeof insertPeopleWithLoops>> = [];
    for (let i = 0; i < toInsert.length; i += PERSON_BATCH) {
      if (i) await yieldToLoop();
      outcomes.push(...await insertPeopleWithLoops(tx, toInsert.slice(i, i + PERSON_BATCH).map((x) => personOf(x.v, chosenOf.get(x.rowNo)!, imp, at)), ctx));
    }
    const personIds = new Map<number, number>();
    const created: CreatedPerson[] = [];
    const links: Insertable<ContactLinkTable>[] = [];
    outcomes.forEach((o, k) => {
      const x = toInsert[k];
      if (!o.ok) {
        // the profile plans no loop for this category: nothing was written for the row, so a
        // partial commit reports it and goes on; an 'all' commit fails whole
        if (mode === 'all') throw o.error;
        codesOf.get(x.rowNo)!.push(o.error.code);
        return;
      }
      personIds.set(x.rowNo, o.personId);
      created.push({ personId: o.personId, category: x.v.category!, indexId: x.caseOf?.id });
      if (x.caseOf) links.push({ from_person_id: x.caseOf.id, to_person_id: o.personId, contact_type: x.v.contactType ?? 'other', last_exposure_at: x.v.lastExposureAt! });
    });
    for (let i = 0; i < links.length; i += LINK_CHUNK) await tx.kysely.insertInto('contact_links').values(links.slice(i, i + LINK_CHUNK)).execute();
    const out: NewRow[] = [];
    for (const r of rows) {
      const v = data.get(r.row_no);
      const personId = personIds.get(r.row_no) ?? null;
      const codes = codesOf.get(r.row_no)!;
      const outcome: Outcome = v ? (personId === null ? 'error' : 'committed') : OUTCOME[r.status] ?? 'error';
      report[outcome]++;
      report.rows.push({ rowNo: r.row_no, outcome, personId, codes });
      // the staged copy of personal data goes once the import is closed (PIPL Art. 19: shortest period)
      const lateError = v !== undefined && personId === null;
      out.push({ row_no: r.row_no, raw: '[]', data: null, status: outcome === 'committed' ? 'committed' : lateError ? 'error' : r.status,
        errors: lateError ? JSON.stringify(codes.map((code) => ({ field: code === 'case_not_found' ? 'caseIdNumber' : code === 'duplicate_existing' ? 'idNumber' : 'category', code }))) : r.errors,
        // the label is the person's address in clear: only the point and how it was found stay
        geocode: null, chosen: r.chosen && JSON.stringify({ ...(JSON.parse(r.chosen) as Chosen), label: null }), person_id: personId });
    }
    await replaceRows(tx, imp.id, out);
    const summary = { committed: report.committed, skipped: report.skipped, error: report.error, review: report.review };
    await tx.kysely.updateTable('imports').set({ status: 'committed', committed_at: at, report: JSON.stringify(report), summary: JSON.stringify(summary) })
      .where('id', '=', imp.id).execute();
    await appendAudit(tx, { ...who, action: 'import.commit', entity: 'imports', entityId: imp.id, after: { kind: imp.kind, mode, ...summary } });
    await emitChanges(tx, at, await importChanges(tx, imp.id, created));
    return report;
  });
}

function personOf(v: RowValues, chosen: Chosen, imp: ImportRecord, at: string) {
  return {
    incidentId: imp.incident_id, category: v.category!, name: v.name!, idNumber: v.idNumber!, phone: v.phone!, sex: v.sex!, age: v.age!,
    homeAddress: v.homeAddress ?? null, point: chosen.point, onsetDate: v.onsetDate ?? null, sampleDate: v.sampleDate ?? null,
    reportDate: v.reportDate ?? null, source: 'import' as const, importId: imp.id, geocodeLevel: chosen.level,
    geocodeConfidence: chosen.confidence, identifiedAt: at,
  };
}

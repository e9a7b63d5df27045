// PUT /imports/{id}/mapping: the mapping is checked against the header, every row is validated
// (domain/sheets/validate-row.ts), ID numbers are checked for repeats in the file and against the
// incident's persons, a contact's index case is looked up by its ID number (its category follows
// from the index's, domain/loop/types.ts contactCategoryFor; a sheet category that disagrees, or
// one the incident's profile does not identify, is a row error), and the person is
// placed: sheet coordinates converted to WGS-84 (crs required), else the address geocoded; a
// best match below REVIEW_BELOW sends the row to review. Rows are rewritten in one transaction.
import { checkMapping, type Columns } from '../../domain/sheets/mapping.ts';
import { toWgs84 } from '../../domain/sheets/crs.ts';
import { fieldError, type FieldError, type RowErrorCode } from '../../domain/sheets/row-errors.ts';
import { validateRow, type RowValues } from '../../domain/sheets/validate-row.ts';
import type { ImportKind, MappingBody, RowStatus, SheetCrs } from '../../domain/schemas/imports.ts';
import { planLoop } from '../../domain/loop/plan.ts';
import { contactCategoryFor, type PersonCategory } from '../../domain/loop/types.ts';
import type { Db } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { geocoderFor, REVIEW_BELOW, type Geocoder } from './geocoder.ts';
import { districtBbox, existingIds, indexCases, inBbox, type Bbox } from './lookups.ts';
import { incidentLoopContext } from '../db/people.ts';
import { allRows, yieldToLoop, type NewRow, type RawCell } from './store.ts';
import type { Chosen, GeocodeJson, RowData } from './row-json.ts';

const YIELD_EVERY = 250;

interface Checked { rowNo: number; raw: string; values: RowValues; errors: FieldError[]; formulaFields: string[]; geocode: GeocodeJson | null; chosen: Chosen | null }

async function place(c: Checked, crs: SheetCrs | null, bbox: Bbox, geo: () => Promise<Geocoder>): Promise<void> {
  const v = c.values;
  if (v.lng !== undefined && v.lat !== undefined && crs) {
    const point = toWgs84(v.lng, v.lat, crs);
    if (!inBbox(point, bbox)) { delete v.lng; delete v.lat; c.errors.push(fieldError('lng', 'outside_district')); return; }
    [v.lng, v.lat] = point;
    c.chosen = { point, label: null, how: 'sheet', level: 'sheet', confidence: null };
    return;
  }
  if (v.homeAddress === undefined) return;
  const r = (await geo())(v.homeAddress);
  const candidates = r.candidates.map((k) => ({ label: k.label, level: k.level, confidence: k.confidence, point: k.point }));
  c.geocode = { level: r.best?.level ?? 'none', confidence: r.best?.confidence ?? 0, point: r.best?.point ?? null, label: r.best?.label ?? null, candidates };
  if (r.best && r.best.confidence >= REVIEW_BELOW) c.chosen = { point: r.best.point, label: r.best.label, how: 'geocode', level: r.best.level, confidence: r.best.confidence };
}

export async function checkRows(db: Db, imp: { id: number; incident_id: number; kind: ImportKind; header: string }, body: MappingBody)
  : Promise<{ rows: NewRow[]; columns: Columns; crs: SheetCrs | null }> {
  const header = JSON.parse(imp.header) as string[];
  const m = checkMapping(imp.kind, header, body.mapping);
  if (!m.ok) throw new ApiError('invalid_mapping', m.reason);
  if (m.hasCoordinates && !body.crs) throw new ApiError('crs_required');
  const crs = m.hasCoordinates ? body.crs! : null;
  const bbox = await districtBbox(db);
  let geocoder: Promise<Geocoder> | undefined;
  const geo = () => (geocoder ??= geocoderFor(db));

  const checked: Checked[] = [];
  const staged = await allRows(db, imp.id);
  for (const [i, r] of staged.entries()) {
    if (i && i % YIELD_EVERY === 0) await yieldToLoop();
    const raw = JSON.parse(r.raw) as RawCell[];
    const cells = raw.map((c) => (typeof c === 'string' ? c : c.f));
    const formulas = raw.flatMap((c, i) => (typeof c === 'string' ? [] : [i]));
    const { values, errors, formulaFields } = validateRow(imp.kind, m.columns, cells, formulas);
    checked.push({ rowNo: r.row_no, raw: r.raw, values, errors, formulaFields, geocode: null, chosen: null });
  }
  // ID numbers: once per file, and not already a person of the incident
  const seen = new Set<string>();
  for (const c of checked) {
    const id = c.values.idNumber;
    if (id === undefined) continue;
    if (seen.has(id)) c.errors.push(fieldError('idNumber', 'duplicate_in_file'));
    seen.add(id);
  }
  const existing = await existingIds(db, imp.incident_id, [...seen]);
  for (const c of checked) if (c.values.idNumber && existing.has(c.values.idNumber)) c.errors.push(fieldError('idNumber', 'duplicate_existing'));
  if (imp.kind === 'contacts') {
    const index = await indexCases(db, imp.incident_id, checked.flatMap((c) => (c.values.caseIdNumber ? [c.values.caseIdNumber] : [])));
    // §1.5: the category follows from the index (contactCategoryFor); a sheet category that says
    // otherwise is an error, not an override; the profile must identify that category at all
    const ctx = await incidentLoopContext(db, imp.incident_id);
    const planned = new Map<PersonCategory, RowErrorCode | null>();
    const refusal = (category: PersonCategory) => {
      if (!planned.has(category)) {
        const p = planLoop({ category, identifiedAt: new Date().toISOString(), params: ctx.params, sla: ctx.sla });
        planned.set(category, p.ok ? null : p.reason === 'not_identified' ? 'not_identified_under_profile' : 'no_contact_rules');
      }
      return planned.get(category)!;
    };
    for (const c of checked) {
      if (!c.values.caseIdNumber) continue;
      const found = index.get(c.values.caseIdNumber);
      const category = found && contactCategoryFor(found.category);
      if (!found) { delete c.values.caseIdNumber; c.errors.push(fieldError('caseIdNumber', 'case_not_found')); continue; }
      if (!category) { c.errors.push(fieldError('caseIdNumber', 'not_identified_under_profile')); continue; }
      if (c.errors.some((e) => e.field === 'category')) continue; // a category this list does not take (确诊 in a contacts list)
      if (c.values.category !== undefined && c.values.category !== category) { delete c.values.category; c.errors.push(fieldError('category', 'invalid_category')); continue; }
      c.values.category = category;
      const refused = refusal(category);
      if (refused) c.errors.push(fieldError('category', refused));
    }
  }
  // yield every YIELD_EVERY rows: geocoding is synchronous and a 50,000-row sheet would otherwise
  // hold the event loop (wall, SSE, field phones) for tens of seconds
  for (let i = 0; i < checked.length; i++) {
    if (i && i % YIELD_EVERY === 0) await yieldToLoop();
    await place(checked[i], crs, bbox, geo);
  }
  const rows = checked.map((c): NewRow => {
    const status: RowStatus = c.errors.length ? 'error' : c.chosen ? 'ok' : 'review';
    const data: RowData = { values: c.values, formulaFields: c.formulaFields };
    return { row_no: c.rowNo, raw: c.raw, data: JSON.stringify(data), status, errors: c.errors.length ? JSON.stringify(c.errors.map(({ field, code }) => ({ field, code }))) : null,
      geocode: c.geocode && JSON.stringify(c.geocode), chosen: c.chosen && JSON.stringify(c.chosen), person_id: null };
  });
  return { rows, columns: m.columns, crs };
}

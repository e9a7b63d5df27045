// One sheet row under a mapping → typed values and per-field errors. Pure: duplicates, index cases
// and geocoding need the database and are checked by the server (server/import/check.ts). A
// field whose cell fails keeps no value (its error names the field, never the text).
import type { PersonCategory } from '../layers.ts';
import type { ContactType, ImportField, ImportKind } from '../schemas/imports.ts';
import { REQUIRED_FIELDS } from '../schemas/imports.ts';
import { fieldError, type FieldError, type RowErrorCode } from './row-errors.ts';
import { clean, parseAge, parseCategory, parseContactType, parseCoordinate, parseDate, parseDateTime, parseIdNumber, parsePhone, parseSex } from './values.ts';

export interface RowValues {
  name?: string; idNumber?: string; phone?: string; sex?: 'male' | 'female'; age?: number; homeAddress?: string;
  category?: PersonCategory; onsetDate?: string; sampleDate?: string; reportDate?: string;
  caseIdNumber?: string; contactType?: ContactType; lastExposureAt?: string; lng?: number; lat?: number;
}

/** Categories each kind of list may carry (a contact's comes from its index case when absent). */
export const KIND_CATEGORIES: Record<ImportKind, readonly PersonCategory[]> = {
  cases: ['confirmed', 'asymptomatic', 'suspected', 'atRiskTraveller'],
  contacts: ['closeContact', 'secondaryContact'],
};

const text = (max: number) => (t: string) => { const v = clean(t).replace(/\s+/g, ' '); return v.length <= max ? v : null; };
type Parser = { parse: (t: string) => unknown; code: RowErrorCode };
const PARSERS: Record<ImportField, Parser> = {
  name: { parse: text(100), code: 'too_long' }, homeAddress: { parse: text(200), code: 'too_long' },
  idNumber: { parse: parseIdNumber, code: 'invalid_id_number' }, caseIdNumber: { parse: parseIdNumber, code: 'invalid_id_number' },
  phone: { parse: parsePhone, code: 'invalid_phone' }, sex: { parse: parseSex, code: 'invalid_sex' }, age: { parse: parseAge, code: 'invalid_age' },
  category: { parse: parseCategory, code: 'invalid_category' }, contactType: { parse: parseContactType, code: 'invalid_contact_type' },
  onsetDate: { parse: parseDate, code: 'invalid_date' }, sampleDate: { parse: parseDate, code: 'invalid_date' },
  reportDate: { parse: parseDate, code: 'invalid_date' }, lastExposureAt: { parse: parseDateTime, code: 'invalid_datetime' },
  lng: { parse: parseCoordinate, code: 'invalid_coordinates' }, lat: { parse: parseCoordinate, code: 'invalid_coordinates' },
};

export function validateRow(kind: ImportKind, columns: Partial<Record<ImportField, number>>, cells: readonly string[], formulas: readonly number[] = [])
  : { values: RowValues; errors: FieldError[]; formulaFields: ImportField[] } {
  const values: Record<string, unknown> = {};
  const errors: FieldError[] = [];
  const formulaFields: ImportField[] = [];
  const required = new Set<ImportField>(REQUIRED_FIELDS[kind]);
  for (const [field, col] of Object.entries(columns) as [ImportField, number][]) {
    const cell = cells[col] ?? '';
    if (formulas.includes(col)) { formulaFields.push(field); errors.push(fieldError(field, 'formula_cell')); continue; }
    if (clean(cell) === '') { if (required.has(field)) errors.push(fieldError(field, 'required')); continue; }
    const v = PARSERS[field].parse(cell);
    if (v === null || v === '') errors.push(fieldError(field, PARSERS[field].code));
    else values[field] = v;
  }
  const out = values as RowValues;
  if (out.category && !KIND_CATEGORIES[kind].includes(out.category)) {
    delete out.category;
    errors.push(fieldError('category', 'invalid_category'));
  }
  if (kind === 'contacts' && !out.contactType && !errors.some((e) => e.field === 'contactType')) out.contactType = 'other';
  // where the person lives: coordinates (both or neither), else the address to geocode
  const hasLng = out.lng !== undefined, hasLat = out.lat !== undefined;
  const coordError = errors.some((e) => e.field === 'lng' || e.field === 'lat');
  if (hasLng !== hasLat && !coordError) errors.push(fieldError(hasLng ? 'lat' : 'lng', 'required'));
  if (!hasLng && !hasLat && !coordError && out.homeAddress === undefined && !errors.some((e) => e.field === 'homeAddress')) {
    errors.push(fieldError('homeAddress', 'required'));
  }
  return { values: out, errors, formulaFields };
}

// The import wizard's shapes (as POST/PUT/GET /imports answer) and its pure rules: which of our
// fields a sheet maps, the mapping to start from, when the coordinate system must be asked, and
// why an all-or-nothing commit is not possible yet. The server checks all of it again.
import type { LocalizedText } from '../api.ts';
import { IMPORT_FIELDS, REQUIRED_FIELDS, SHEET_CRS, type ImportKind, type RowStatus, type SheetCrs } from '../../domain/sheets/import-fields.ts';

export { IMPORT_FIELDS, type ImportKind, type RowStatus };
export type Crs = SheetCrs;
export const CRS_OPTIONS: readonly Crs[] = SHEET_CRS;
/** field → the sheet's column header */
export type Mapping = Record<string, string>;
export const WIZARD_STEPS = ['upload', 'mapping', 'check', 'review', 'commit'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface UploadAnswer {
  id: number; kind: ImportKind; source: string; filename: string; format: string; header: string[]; rows: number; formulaCells: number;
  suggestedMapping: Mapping; savedMapping: { mapping: Mapping; crs: Crs | null } | null; needsCrs: boolean;
}
export interface ImportCounts { pending: number; ok: number; review: number; error: number; resolved: number; committed: number; skipped: number }
export interface CommitReport {
  mode: 'all' | 'partial'; committed: number; skipped: number; error: number; review: number;
  rows: { rowNo: number; outcome: 'committed' | 'skipped' | 'error' | 'review'; personId: number | null; codes: string[] }[];
}
export interface ImportSummary {
  id: number; kind: ImportKind; source: string; filename: string; format: string; status: 'staged' | 'checked' | 'committed' | 'discarded';
  rows: number; counts: ImportCounts; report: CommitReport | null;
}
export interface RowError { field: string; code: string; message: LocalizedText }
export interface Candidate { label: string; level: string; confidence: number; point: [number, number] }
export interface ImportRow {
  rowNo: number; status: RowStatus; values: Record<string, unknown> | null; errors: RowError[]; formulaFields: string[];
  geocode: { level: string; confidence: number; point: [number, number] | null; label: string | null; candidates: Candidate[] } | null;
  chosen: { point: [number, number]; label: string | null; how: 'sheet' | 'geocode' | 'candidate' | 'map' } | null;
  personId: number | null;
}

const REQUIRED: Record<ImportKind, readonly string[]> = REQUIRED_FIELDS;
export const isRequired = (kind: ImportKind, field: string): boolean => REQUIRED[kind].includes(field);

/** A row's candidates (best first), its address as written (masked as the server sends it), and
 * which candidate it was placed on, if it was placed on one. */
export const candidatesOf = (row: ImportRow): Candidate[] => row.geocode?.candidates ?? [];
export const addressOf = (row: ImportRow): string | null => (typeof row.values?.homeAddress === 'string' ? row.values.homeAddress : null);
export function chosenCandidate(row: ImportRow): number | null {
  if (row.status !== 'resolved' || row.chosen?.how !== 'candidate') return null;
  const [lng, lat] = row.chosen.point;
  const i = candidatesOf(row).findIndex((c) => c.point[0] === lng && c.point[1] === lat); // labels may be masked
  return i < 0 ? null : i;
}

/** The saved mapping of this source when there is one, else the server's suggestion; only
 * headers the sheet really has, only fields we know. */
export function initialMapping(kind: ImportKind, answer: UploadAnswer): Mapping {
  const from = answer.savedMapping?.mapping ?? answer.suggestedMapping ?? {};
  const out: Mapping = {};
  for (const field of IMPORT_FIELDS[kind]) {
    const header = from[field];
    if (header && answer.header.includes(header)) out[field] = header;
  }
  return out;
}

/** The CRS question is asked as soon as both coordinate columns are mapped. */
export const mapsCoordinates = (m: Mapping): boolean => Boolean(m.lng && m.lat);

/** Required fields not mapped yet, plus 'home' when neither an address nor lng+lat is. */
export function missingFields(kind: ImportKind, m: Mapping): string[] {
  const missing = REQUIRED[kind].filter((f) => !m[f]);
  if (!m.homeAddress && !mapsCoordinates(m)) missing.push('home');
  return missing;
}

/** Why 'commit all' is refused (the server says import_not_ready for the same reasons). */
export function commitBlock(c: ImportCounts | null): { reason: 'errors' | 'reviews'; n: number } | null {
  if (!c) return null;
  if (c.error > 0) return { reason: 'errors', n: c.error };
  if (c.review > 0) return { reason: 'reviews', n: c.review };
  return null;
}

/** Rows that a commit writes now: checked fine, or placed by hand in review. */
export const committable = (c: ImportCounts | null): number => (c ? c.ok + c.resolved : 0);

/** The content type the upload declares; the server sniffs the bytes anyway. */
export function uploadType(file: { name: string; type: string }): string {
  if (/\.xlsx$/i.test(file.name)) return 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return file.type || 'application/octet-stream';
}

export const uploadUrl = (kind: ImportKind, source: string, filename: string): string =>
  `/api/v1/imports?${new URLSearchParams({ kind, source, filename }).toString()}`;

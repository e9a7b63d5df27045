// Request bodies and vocabularies of the import endpoints (contract-issue5.md, "IMPORT"): a file is
// uploaded raw, then a column mapping is applied (validation + coordinates or geocoding), rows
// below the geocoding threshold are reviewed one by one, and the import is committed whole or
// explicitly in part. Personal data come in clear in the file and leave masked.
import { z } from 'zod';
import { IMPORT_KINDS, IMPORT_FORMATS, IMPORT_STATUSES, ROW_STATUSES, SHEET_CRS, CONTACT_TYPES, IMPORT_FIELDS, REQUIRED_FIELDS, type ImportKind, type RowStatus, type SheetCrs, type ContactType, type ImportField } from '../sheets/import-fields.ts';

export { IMPORT_KINDS, IMPORT_FORMATS, IMPORT_STATUSES, ROW_STATUSES, SHEET_CRS, CONTACT_TYPES, IMPORT_FIELDS, REQUIRED_FIELDS };
export type { ImportKind, RowStatus, SheetCrs, ContactType, ImportField };

export const ImportQuery = z.strictObject({
  kind: z.enum(IMPORT_KINDS),
  source: z.string().trim().min(1).max(100).describe('who sends sheets like this (the saved mapping is per kind and source)'),
  filename: z.string().trim().min(1).max(200),
});

export const MappingBody = z.strictObject({
  mapping: z.record(z.string(), z.string().max(200)).describe('{field: column header}'),
  crs: z.enum(SHEET_CRS).optional().describe('required when lng/lat are mapped'),
  save: z.boolean().optional().describe('remember this mapping for the kind and source'),
});
export type MappingBody = z.infer<typeof MappingBody>;

const Lng = z.number().min(-180).max(180);
const Lat = z.number().min(-90).max(90);
export const RowFix = z.union([
  z.strictObject({ candidate: z.number().int().min(0).max(20) }),
  z.strictObject({ point: z.tuple([Lng, Lat]).describe('WGS-84 [lng, lat], inside the district') }),
  z.strictObject({ skip: z.literal(true) }),
]);
export type RowFix = z.infer<typeof RowFix>;

export const CommitBody = z.strictObject({
  mode: z.enum(['all', 'partial']).describe('all: refuse while any row is error or review; partial: commit ok + resolved rows, report the rest'),
});

export const ImportListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(64).optional(),
});
export const RowsQuery = z.strictObject({
  status: z.string().max(100).optional().describe(`comma-separated: ${ROW_STATUSES.join(', ')}`),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  cursor: z.string().max(64).optional(),
});

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;

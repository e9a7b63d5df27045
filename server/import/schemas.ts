// The shapes the import endpoints send (contract-issue5.md, "IMPORT"), for their OpenAPI
// responses and the typed web client. Person fields in `values` are masked (server/serialize.ts);
// invalid cells are left out of `values` and named in `errors` instead, never echoed.
import { z } from '@hono/zod-openapi';
import { IMPORT_FORMATS, IMPORT_KINDS, IMPORT_STATUSES, ROW_STATUSES, SHEET_CRS } from '../../domain/schemas/imports.ts';

const Message = z.object({ 'zh-CN': z.string(), en: z.string() });
const Point = z.tuple([z.number(), z.number()]);
const Mapping = z.record(z.string(), z.string());
export const Counts = z.object({
  pending: z.number(), ok: z.number(), review: z.number(), error: z.number(), resolved: z.number(), committed: z.number(), skipped: z.number(),
});

export const FieldErrorOut = z.object({ field: z.string(), code: z.string(), message: Message }).openapi('ImportFieldError');

export const CandidateOut = z.object({ label: z.string(), level: z.string(), confidence: z.number(), point: Point });
export const GeocodeOut = z.object({
  level: z.string(), confidence: z.number(), point: Point.nullable(), label: z.string().nullable(), candidates: z.array(CandidateOut),
}).openapi('ImportGeocode');

export const CommitReportOut = z.object({
  mode: z.enum(['all', 'partial']), committed: z.number(), skipped: z.number(), error: z.number(), review: z.number(),
  rows: z.array(z.object({ rowNo: z.number(), outcome: z.enum(['committed', 'skipped', 'error', 'review']), personId: z.number().nullable(),
    codes: z.array(z.string()) })),
}).openapi('ImportCommitReport');

export const ImportSummaryOut = z.object({
  id: z.number(), kind: z.enum(IMPORT_KINDS), source: z.string(), filename: z.string(), format: z.enum(IMPORT_FORMATS),
  status: z.enum(IMPORT_STATUSES), header: z.array(z.string()), mapping: Mapping.nullable(), crs: z.enum(SHEET_CRS).nullable(),
  rows: z.number(), counts: Counts, actor: z.string(), createdAt: z.string(), committedAt: z.string().nullable(),
  report: CommitReportOut.nullable(),
}).openapi('ImportSummary');

export const ImportCreatedOut = z.object({
  id: z.number(), kind: z.enum(IMPORT_KINDS), source: z.string(), filename: z.string(), format: z.enum(IMPORT_FORMATS),
  header: z.array(z.string()), rows: z.number(), formulaCells: z.number(),
  suggestedMapping: Mapping, savedMapping: z.object({ mapping: Mapping, crs: z.enum(SHEET_CRS).nullable() }).nullable(),
  needsCrs: z.boolean().describe('the suggested or saved mapping has lng/lat columns: PUT mapping needs crs'),
}).openapi('ImportCreated');

export const ImportRowOut = z.object({
  rowNo: z.number(), status: z.enum(ROW_STATUSES),
  values: z.record(z.string(), z.unknown()).nullable().describe('validated values, person fields masked; null before the mapping'),
  errors: z.array(FieldErrorOut), formulaFields: z.array(z.string()),
  geocode: GeocodeOut.nullable(),
  chosen: z.object({ point: Point, label: z.string().nullable(), how: z.enum(['sheet', 'geocode', 'candidate', 'map']) }).nullable(),
  personId: z.number().nullable(),
}).openapi('ImportRow');

export const ImportListOut = z.object({ items: z.array(ImportSummaryOut), next: z.string().nullable() });
export const ImportRowsOut = z.object({ items: z.array(ImportRowOut), next: z.string().nullable() });
export const CommitOut = z.object({ id: z.number(), status: z.literal('committed'), report: CommitReportOut });

// The vocabularies of case and contact imports: kinds, formats, statuses, coordinate systems and
// the fields a sheet's columns map to. Free of zod so the web can import it without the validator.

export const IMPORT_KINDS = ['cases', 'contacts'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];
export const IMPORT_FORMATS = ['csv-utf8', 'csv-gbk', 'xlsx'] as const;
export const IMPORT_STATUSES = ['staged', 'checked', 'committed', 'discarded'] as const;
export const ROW_STATUSES = ['pending', 'ok', 'review', 'error', 'resolved', 'committed', 'skipped'] as const;
export type RowStatus = (typeof ROW_STATUSES)[number];
/** Coordinate systems a sheet's lng/lat columns may be in (domain-rules.md §4); stored as WGS-84. */
export const SHEET_CRS = ['WGS84', 'GCJ02', 'BD09'] as const;
export type SheetCrs = (typeof SHEET_CRS)[number];
export const CONTACT_TYPES = ['household', 'work', 'social', 'transport', 'healthcare', 'other'] as const;
export type ContactType = (typeof CONTACT_TYPES)[number];

/** The fields a sheet's columns can be mapped to, per kind. */
export const IMPORT_FIELDS = {
  cases: ['name', 'idNumber', 'phone', 'sex', 'age', 'homeAddress', 'category', 'onsetDate', 'sampleDate', 'reportDate', 'lng', 'lat'],
  contacts: ['name', 'idNumber', 'phone', 'sex', 'age', 'homeAddress', 'category', 'caseIdNumber', 'contactType', 'lastExposureAt',
    'reportDate', 'lng', 'lat'],
} as const satisfies Record<ImportKind, readonly string[]>;
export type ImportField = (typeof IMPORT_FIELDS)[ImportKind][number];
/** Fields a mapping must name; besides these, either homeAddress or both lng and lat. A contact's
 * category, when not in the sheet, follows from its index case (case → close, close → secondary). */
export const REQUIRED_FIELDS: Record<ImportKind, readonly ImportField[]> = {
  cases: ['name', 'idNumber', 'phone', 'sex', 'age', 'category'],
  contacts: ['name', 'idNumber', 'phone', 'sex', 'age', 'caseIdNumber', 'lastExposureAt'],
};

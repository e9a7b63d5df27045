// Formula injection (CSV/"DDE" injection, OWASP "CSV Injection"): a spreadsheet treats a cell that
// starts with = + - @ (and, in some, TAB or CR) as a formula when the file is opened. Exports
// write every such cell as text: in XLSX as a plain string cell (never a formula cell), in CSV
// prefixed with a single quote, which Excel and WPS show as text. Imported formula cells are
// kept as their formula text and flagged (server/import/read-xlsx.ts), never evaluated.

const FORMULA_START = /^[=+\-@\t\r]/;

/** Would a spreadsheet read this text as a formula? */
export const looksLikeFormula = (text: string): boolean => FORMULA_START.test(text);

/** A cell's text for CSV: formula-looking text neutralised with a leading quote. */
export const csvSafeText = (text: string): string => (looksLikeFormula(text) ? `'${text}` : text);

/** One CSV field (RFC 4180): quoted when it holds a delimiter, quote or line break. */
export function csvField(value: unknown): string {
  // numbers are numbers (a negative one is not a formula); everything else is text
  const text = typeof value === 'number' ? String(value) : csvSafeText(value === null || value === undefined ? '' : String(value));
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A CSV line (CRLF, as Excel writes). */
export const csvLine = (values: readonly unknown[]): string => `${values.map(csvField).join(',')}\r\n`;

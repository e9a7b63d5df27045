// Export files (issue 5 item 6): rows already masked by serialize.ts become an XLSX or a CSV.
// Every text cell is written as text: in XLSX a plain string cell (exceljs writes a formula only
// for a {formula} value, never for a string starting with '='), in CSV prefixed with ' when it
// looks like a formula (domain/sheets/cell-safety.ts). Versioned: the workbook's subject and
// keywords, and the CSV's first row, say "shouwang-export v1" (architecture.md principle 15).
import ExcelJS from 'exceljs';
import { csvLine } from '../../domain/sheets/cell-safety.ts';
import { XLSX_TYPE } from './upload-types.ts';

export const EXPORT_VERSION = 'shouwang-export v1';
export interface Column { key: string; zh: string; en: string }
type Cell = string | number | boolean | null | undefined;

const text = (v: unknown): Cell => (v === null || v === undefined || typeof v === 'number' || typeof v === 'boolean' ? v as Cell : String(v));

export async function toXlsx(what: string, columns: Column[], rows: Record<string, unknown>[], generatedAt: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Shouwang';
  wb.subject = EXPORT_VERSION;
  wb.keywords = `${EXPORT_VERSION}; ${what}; ${generatedAt}`;
  wb.created = new Date(generatedAt);
  const ws = wb.addWorksheet(what);
  ws.addRow(columns.map((c) => `${c.zh} ${c.en}`)).font = { bold: true };
  for (const r of rows) ws.addRow(columns.map((c) => text(r[c.key])));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** UTF-8 with BOM (Excel on Windows reads BOM-less CSV as GBK), CRLF lines. */
export function toCsv(what: string, columns: Column[], rows: Record<string, unknown>[], generatedAt: string): Buffer {
  const lines = [csvLine([EXPORT_VERSION, what, generatedAt]), csvLine(columns.map((c) => `${c.zh} ${c.en}`)),
    ...rows.map((r) => csvLine(columns.map((c) => text(r[c.key]))))];
  return Buffer.from(`\uFEFF${lines.join('')}`, 'utf8');
}

export const FILE_TYPES = { xlsx: XLSX_TYPE, csv: 'text/csv; charset=utf-8' } as const;

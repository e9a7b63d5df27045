// What a file becomes before any mapping: the header row and the data rows as cell texts, with
// the sheet's row numbers (header = 1) and which cells held formulas (XLSX; never evaluated).
import { ApiError } from '../errors.ts';

export type SheetFormat = 'csv-utf8' | 'csv-gbk' | 'xlsx';
export interface SheetRow { rowNo: number; cells: string[]; formulas: number[] /* column indexes */ }
export interface Sheet { format: SheetFormat; header: string[]; rows: SheetRow[]; formulaCells: number }

export const SHEET_LIMITS = { rows: 50_000, columns: 200 };

/** Header and rows from a grid of cells: the first non-empty row is the header; empty rows drop
 * out; headers are trimmed, blanks named by column, repeats numbered so each is one key. */
export function toSheet(format: SheetFormat, grid: { rowNo: number; cells: string[]; formulas: number[] }[]): Sheet {
  const filled = grid.filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (!filled.length) throw new ApiError('unsupported_file', 'the file has no header row');
  const [head, ...rows] = filled;
  if (head.cells.length > SHEET_LIMITS.columns) throw new ApiError('unsupported_file', `more than ${SHEET_LIMITS.columns} columns`);
  if (rows.length > SHEET_LIMITS.rows) throw new ApiError('too_many_rows', `${rows.length} data rows (at most ${SHEET_LIMITS.rows.toLocaleString('en')})`);
  const seen = new Map<string, number>();
  const header = head.cells.map((c, i) => {
    const base = c.replace(/\s+/g, ' ').trim() || `列${i + 1}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base} (${n})`;
  });
  const width = header.length;
  const formulaCells = rows.reduce((n, r) => n + r.formulas.filter((i) => i < width).length, 0);
  return { format, header, formulaCells,
    rows: rows.map((r) => ({ rowNo: r.rowNo, cells: Array.from({ length: width }, (_, i) => r.cells[i] ?? ''), formulas: r.formulas.filter((i) => i < width) })) };
}

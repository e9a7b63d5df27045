// XLSX bytes → sheet, after the zip guard (zip-guard.ts) has bounded what inflating can cost. The
// first worksheet with rows is read. Cells become text: dates (Date objects) → YYYY-MM-DD, or
// YYYY-MM-DD HH:mm when they carry a time (exceljs gives Excel's wall-clock time as UTC); formula
// cells → their formula text with a leading '=', flagged, never evaluated (their cached result is
// ignored: a sheet must not smuggle a value we cannot see the origin of); rich text → its text.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';
import { ApiError } from '../errors.ts';
import { toSheet, SHEET_LIMITS, type Sheet } from './sheet.ts';
import { guardZip } from './zip-guard.ts';

const pad = (n: number) => String(n).padStart(2, '0');

export function dateText(d: Date): string {
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return d.getUTCHours() || d.getUTCMinutes() ? `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : day;
}

function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : dateText(v);
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.error) return o.error;
  }
  return '';
}

export async function readXlsx(buf: Buffer): Promise<Sheet> {
  const names = guardZip(buf);
  if (!names.includes('[Content_Types].xml') || !names.includes('xl/workbook.xml')) throw new ApiError('unsupported_file', 'a zip archive, but not an XLSX workbook');
  // The streaming reader: half the time of Workbook.load and rows one by one, so the row cap
  // stops the read instead of following it. Styles are read (a date is a number with a date style).
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(buf),
    { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'emit' } as ExcelJS.stream.xlsx.WorkbookStreamReaderOptions);
  const grid: { rowNo: number; cells: string[]; formulas: number[] }[] = [];
  try {
    for await (const ws of reader) {
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        if (grid.length > SHEET_LIMITS.rows + 1) throw new ApiError('too_many_rows', `more than ${SHEET_LIMITS.rows.toLocaleString('en')} data rows`);
        const cells: string[] = [], formulas: number[] = [];
        row.eachCell({ includeEmpty: false }, (cell, col) => {
          if (col > SHEET_LIMITS.columns + 1) return;
          if (cell.type === ExcelJS.ValueType.Formula) {
            cells[col - 1] = `=${cell.formula ?? ''}`;
            formulas.push(col - 1);
          } else cells[col - 1] = cellText(cell.value);
        });
        grid.push({ rowNo: row.number, cells: Array.from(cells, (c) => c ?? ''), formulas });
      }
      if (grid.length) break; // the first worksheet with rows is the list
    }
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw new ApiError('unsupported_file', 'the workbook cannot be read');
  }
  if (!grid.length) throw new ApiError('unsupported_file', 'the workbook has no rows');
  return toSheet('xlsx', grid);
}

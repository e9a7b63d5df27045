// CSV bytes → sheet: no NUL or other control bytes (a binary file renamed .csv), UTF-8 (with or
// without BOM; what WPS and Excel's "CSV UTF-8" write), else GBK (what Excel on a Chinese Windows
// writes as plain "CSV"), decoded strictly so a file in neither fails instead of turning into
// mojibake. Parsed by papaparse (quotes, embedded newlines, delimiter detection).
import Papa from 'papaparse';
import { ApiError } from '../errors.ts';
import { SHEET_LIMITS, toSheet, type Sheet } from './sheet.ts';

// C0 controls except tab, LF and CR, and DEL: no spreadsheet writes them into a CSV.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/;

export function decodeText(buf: Uint8Array): { text: string; encoding: 'utf8' | 'gbk' } {
  if (buf.includes(0)) throw new ApiError('unsupported_file', 'the file holds NUL bytes: not a text CSV (UTF-16 or binary?)');
  let text: string, encoding: 'utf8' | 'gbk';
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(buf);
    encoding = 'utf8';
  } catch {
    try {
      text = new TextDecoder('gbk', { fatal: true }).decode(buf);
      encoding = 'gbk';
    } catch {
      throw new ApiError('unsupported_file', 'the text is neither UTF-8 nor GBK');
    }
  }
  if (CONTROL.test(text)) throw new ApiError('unsupported_file', 'the file holds control characters: not a text CSV');
  return { text, encoding };
}

export function readCsv(buf: Uint8Array): Sheet {
  const { text, encoding } = decodeText(buf);
  // Twice the row cap in records is "too many" whatever the blank lines; stop parsing there.
  const preview = SHEET_LIMITS.rows * 2 + 2;
  const parsed = Papa.parse<string[]>(text, { preview, skipEmptyLines: false, delimitersToGuess: [',', '\t', ';', '|'] });
  if (parsed.data.length >= preview) throw new ApiError('too_many_rows', `more than ${SHEET_LIMITS.rows.toLocaleString('en')} rows`);
  const grid = parsed.data.map((cells, i) => ({ rowNo: i + 1, cells: cells.map((c) => c ?? ''), formulas: [] }));
  return toSheet(encoding === 'utf8' ? 'csv-utf8' : 'csv-gbk', grid);
}

// Sniffs an uploaded file by its bytes, never trusting its name or content type: a zip
// (PK\x03\x04) must be an XLSX, known binary formats are refused with a hint, anything else must be
// a text CSV. What the upload claims to be (content type, else the file name's extension) must
// agree with what the bytes are: a file that is not what it claims is refused.
import { ApiError } from '../errors.ts';
import { readCsv } from './read-csv.ts';
import { readXlsx } from './read-xlsx.ts';
import type { Sheet } from './sheet.ts';

const MAGIC: [bytes: number[], what: string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x25, 0x50, 0x44, 0x46], 'a PDF document'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Excel .xls (OLE2) file: save it as .xlsx or CSV'],
  [[0x1f, 0x8b], 'a gzip archive'],
  [[0x52, 0x61, 0x72, 0x21], 'a RAR archive'],
  [[0x37, 0x7a, 0xbc, 0xaf], 'a 7-Zip archive'],
];

const startsWith = (buf: Uint8Array, bytes: number[]) => bytes.every((b, i) => buf[i] === b);

export type Claim = 'csv' | 'xlsx' | null;

/** What an upload says it is: the content type, or for octet-stream the file name's extension. */
export function claimOf(contentType: string, filename: string): Claim {
  if (/^text\/csv/i.test(contentType)) return 'csv';
  if (/spreadsheetml/i.test(contentType)) return 'xlsx';
  const ext = /\.([a-z0-9]+)$/i.exec(filename)?.[1]?.toLowerCase();
  return ext === 'xlsx' ? 'xlsx' : ext === 'csv' || ext === 'txt' ? 'csv' : null;
}

export async function readFile(buf: Buffer, claim: Claim = null): Promise<Sheet> {
  if (buf.length === 0) throw new ApiError('unsupported_file', 'the file is empty');
  const zip = startsWith(buf, [0x50, 0x4b, 0x03, 0x04]);
  if (claim === 'xlsx' && !zip) throw new ApiError('unsupported_file', 'the file claims to be XLSX but is not a zip archive');
  if (claim === 'csv' && zip) throw new ApiError('unsupported_file', 'the file claims to be CSV but is a zip archive');
  if (zip) return readXlsx(buf);
  if (startsWith(buf, [0x50, 0x4b])) throw new ApiError('unsupported_file', 'an empty or split zip archive');
  for (const [bytes, what] of MAGIC) if (startsWith(buf, bytes)) throw new ApiError('unsupported_file', `the file is ${what}`);
  return readCsv(buf);
}

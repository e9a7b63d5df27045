// The zip checks an XLSX passes BEFORE exceljs (JSZip) touches it (ASVS 5.0 5.2.3: decompressed
// size and file-count caps; reliability.md §7.3 B6): the central directory is read by hand (PKWARE
// APPNOTE 6.3.10 §4.3.12–4.3.16), the entry count, the declared uncompressed sizes and each entry's
// compression ratio are capped, and then every entry is actually inflated with zlib's
// `maxOutputLength` set to its declared size, so an archive that lies about its sizes is caught
// by the inflater itself, never by running out of memory.
import { inflateRawSync } from 'node:zlib';
import { ApiError } from '../errors.ts';

export const ZIP_LIMITS = {
  entries: 1_000,
  totalUncompressedBytes: 100 * 1024 * 1024,
  /** Deflate of XML rarely passes 20:1; 200:1 leaves room for very repetitive sheets. */
  ratio: 200,
  /** Entries smaller than this cannot hurt, whatever their ratio. */
  ratioFloorBytes: 64 * 1024,
};

const EOCD = 0x06054b50, CEN = 0x02014b50, LOC = 0x04034b50;

export interface ZipEntry { name: string; method: number; compressedSize: number; uncompressedSize: number; localOffset: number }

const bad = (why: string) => new ApiError('unsupported_file', `not a readable XLSX (zip): ${why}`);
const bomb = (why: string) => new ApiError('archive_too_large', why);

/** The central directory's entries; throws unsupported_file for a damaged or zip64 archive. */
export function centralDirectory(buf: Buffer): ZipEntry[] {
  // The end record is in the last 22 + 65,535 (comment) bytes; search backwards.
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw bad('no end of central directory (truncated?)');
  const count = buf.readUInt16LE(eocd + 10), size = buf.readUInt32LE(eocd + 12), offset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) throw bad('zip64 archives are not accepted');
  if (count > ZIP_LIMITS.entries) throw bomb(`${count} entries (at most ${ZIP_LIMITS.entries})`);
  if (offset + size > eocd) throw bad('central directory out of range');
  const entries: ZipEntry[] = [];
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== CEN) throw bad('broken central directory');
    const nameLen = buf.readUInt16LE(p + 28), extraLen = buf.readUInt16LE(p + 30), commentLen = buf.readUInt16LE(p + 32);
    entries.push({
      method: buf.readUInt16LE(p + 10), compressedSize: buf.readUInt32LE(p + 20), uncompressedSize: buf.readUInt32LE(p + 24),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen), localOffset: buf.readUInt32LE(p + 42),
    });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Caps on what the archive declares: entry count, total size, per-entry ratio. */
export function checkDeclared(entries: ZipEntry[]): void {
  let total = 0;
  for (const e of entries) {
    total += e.uncompressedSize;
    if (e.uncompressedSize > ZIP_LIMITS.ratioFloorBytes && e.uncompressedSize > ZIP_LIMITS.ratio * Math.max(1, e.compressedSize)) {
      throw bomb(`an entry expands ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}:1 (at most ${ZIP_LIMITS.ratio}:1)`);
    }
  }
  if (total > ZIP_LIMITS.totalUncompressedBytes) throw bomb(`${(total / 1048576).toFixed(0)} MB uncompressed (at most ${ZIP_LIMITS.totalUncompressedBytes / 1048576} MB)`);
}

/** Inflates every entry with its declared size as the hard output cap and checks the size matches. */
export function checkActual(buf: Buffer, entries: ZipEntry[]): void {
  for (const e of entries) {
    const p = e.localOffset;
    if (p + 30 > buf.length || buf.readUInt32LE(p) !== LOC) throw bad('broken local header');
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    if (start + e.compressedSize > buf.length) throw bad('entry data truncated');
    const data = buf.subarray(start, start + e.compressedSize);
    let size: number;
    if (e.method === 0) size = data.length;
    else if (e.method === 8) {
      try {
        size = inflateRawSync(data, { maxOutputLength: Math.max(1, e.uncompressedSize) }).length;
      } catch (err) {
        const code = (err as { code?: string }).code;
        if (code === 'ERR_BUFFER_TOO_LARGE') throw bomb('an entry expands beyond its declared size');
        throw bad('an entry does not inflate');
      }
    } else throw bad(`compression method ${e.method}`);
    if (size !== e.uncompressedSize) throw size > e.uncompressedSize ? bomb('an entry expands beyond its declared size') : bad('an entry is shorter than declared');
  }
}

/** All checks, in order; returns the entry names (for the XLSX sniff). */
export function guardZip(buf: Buffer): string[] {
  const entries = centralDirectory(buf);
  checkDeclared(entries);
  checkActual(buf, entries);
  return entries.map((e) => e.name);
}

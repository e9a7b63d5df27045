// A column mapping {field: header} checked against the kind's fields and the file's header row:
// known fields only, headers that exist, one header per field, the required fields present, and
// a place to put the person (home address, or longitude and latitude together).
import { IMPORT_FIELDS, REQUIRED_FIELDS, type ImportField, type ImportKind } from '../schemas/imports.ts';

export type Columns = Partial<Record<ImportField, number>>;

export function checkMapping(kind: ImportKind, header: readonly string[], mapping: Record<string, string>)
  : { ok: true; columns: Columns; hasCoordinates: boolean } | { ok: false; reason: string } {
  const fields = IMPORT_FIELDS[kind] as readonly string[];
  const columns: Columns = {};
  const used = new Map<string, string>();
  for (const [field, h] of Object.entries(mapping)) {
    if (!fields.includes(field)) return { ok: false, reason: `${field} is not a field of a ${kind} list (fields: ${fields.join(', ')})` };
    const col = header.indexOf(h);
    if (col < 0) return { ok: false, reason: `${field}: the file has no column "${h}"` };
    if (used.has(h)) return { ok: false, reason: `${field}: column "${h}" is already mapped to ${used.get(h)}` };
    used.set(h, field);
    columns[field as ImportField] = col;
  }
  const missing = REQUIRED_FIELDS[kind].filter((f) => columns[f] === undefined);
  if (missing.length) return { ok: false, reason: `required fields not mapped: ${missing.join(', ')}` };
  if ((columns.lng === undefined) !== (columns.lat === undefined)) return { ok: false, reason: 'map longitude and latitude together' };
  const hasCoordinates = columns.lng !== undefined;
  if (!hasCoordinates && columns.homeAddress === undefined) return { ok: false, reason: 'map homeAddress, or lng and lat' };
  return { ok: true, columns, hasCoordinates };
}

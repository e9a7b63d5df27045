// Staged rows as the API sends them: validated values through serialize.ts (the one place
// personal data are masked), errors with their messages, geocoding and the chosen point. The raw
// cells never leave the server.
import type { PersonalFields } from '../serialize.ts';
import { toProperties } from '../serialize.ts';
import { fieldError } from '../../domain/sheets/row-errors.ts';
import type { RowErrorCode } from '../../domain/sheets/row-errors.ts';
import type { RowValues } from '../../domain/sheets/validate-row.ts';
import type { ImportField, RowStatus } from '../../domain/schemas/imports.ts';
import type { RowRecord } from './store.ts';

type Point = [number, number];
export interface RowData { values: RowValues; formulaFields: string[] }
export interface GeocodeJson { level: string; confidence: number; point: Point | null; label: string | null;
  candidates: { label: string; level: string; confidence: number; point: Point }[] }
/** Where the person will be placed and how that was decided; level/confidence go to persons.geocode_*. */
export interface Chosen { point: Point; label: string | null; how: 'sheet' | 'geocode' | 'candidate' | 'map'; level: string; confidence: number | null }

const parse = <T>(text: string | null): T | null => (text === null ? null : (JSON.parse(text) as T));
const snake = (s: string) => s.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);

/** Values as persons' columns, so serialize.ts masks name, ID numbers, phone and address. */
export function valuesOut(values: RowValues, personal: PersonalFields): Record<string, unknown> {
  const row = Object.fromEntries(Object.entries(values).map(([k, v]) => [snake(k), v]));
  return toProperties('persons', row, personal);
}

/** `clearAddress`: the row's home address in clear (serialize.ts addressToFix), else masked.
 * `label`: how a geocode label leaves (serialize.ts geocodeLabelFor for the reader and row). */
export function rowOut(r: RowRecord, personal: PersonalFields, label: (l: string) => string, clearAddress: string | null = null) {
  const data = parse<RowData>(r.data);
  const values = data && valuesOut(data.values, personal);
  if (values && clearAddress !== null) values.homeAddress = clearAddress;
  const chosen = parse<Chosen>(r.chosen);
  const geocode = parse<GeocodeJson>(r.geocode);
  const errors = parse<{ field: ImportField; code: RowErrorCode }[]>(r.errors) ?? [];
  return {
    rowNo: r.row_no, status: r.status as RowStatus,
    values,
    errors: errors.map((e) => fieldError(e.field, e.code)),
    formulaFields: data?.formulaFields ?? [],
    geocode: geocode && { ...geocode, label: geocode.label === null ? null : label(geocode.label),
      candidates: geocode.candidates.map((k) => ({ ...k, label: label(k.label) })) },
    chosen: chosen && { point: chosen.point, label: chosen.label === null ? null : label(chosen.label), how: chosen.how },
    personId: r.person_id,
  };
}

// Which properties a feature popup shows, per layer, and how: i18n keys for labels and for
// enumerated values, units, and date formats. Pure, so the choice is tested without a DOM.
import type { LayerId } from '../../domain/layers.ts';

export interface PopupRow {
  /** i18n key of the field label, e.g. 'field.category'. */
  label: string;
  /** The value as text (already formatted); shown when no valueKey translation exists. */
  text: string;
  /** i18n key of an enumerated value, e.g. 'category.confirmed'. */
  valueKey?: string;
  /** i18n key of a unit message taking {n}, e.g. 'unit.years'. */
  unitKey?: string;
}

interface FieldDef { prop: string; label?: string; enumPrefix?: string; unitKey?: string; format?: 'date' | 'datetime' }

const PERSON: FieldDef[] = [
  { prop: 'category', enumPrefix: 'category' }, { prop: 'status', enumPrefix: 'personStatus' },
  { prop: 'sex', enumPrefix: 'sex' }, { prop: 'age', unitKey: 'unit.years' },
  { prop: 'onsetDate', format: 'date' }, { prop: 'sampleDate', format: 'date' }, { prop: 'reportDate', format: 'date' },
  { prop: 'homeAddress' },
];
const ADMIN: FieldDef[] = [{ prop: 'code' }, { prop: 'population', unitKey: 'unit.people' }, { prop: 'households' }];

const FIELDS: Partial<Record<LayerId, FieldDef[]>> = {
  cases: PERSON,
  contacts: PERSON,
  checkpoints: [
    { prop: 'kind', enumPrefix: 'checkpointKind' }, { prop: 'status', enumPrefix: 'facilityStatus' },
    { prop: 'roadName' }, { prop: 'shifts' }, { prop: 'staff' }, { prop: 'throughputPerDay', unitKey: 'unit.perDay' },
  ],
  'quarantine-sites': [{ prop: 'status', enumPrefix: 'facilityStatus' }, { prop: 'address' }],
  'testing-sites': [
    { prop: 'kind', enumPrefix: 'testingSiteKind' }, { prop: 'status', enumPrefix: 'facilityStatus' },
    { prop: 'capacityPerHour', unitKey: 'unit.perHour' }, { prop: 'openingHours' },
  ],
  resources: [{ prop: 'kind', enumPrefix: 'resourceKind' }, { prop: 'status', enumPrefix: 'facilityStatus' }, { prop: 'capacity' }],
  zones: [
    { prop: 'kind', enumPrefix: 'zoneKind' }, { prop: 'status', enumPrefix: 'zoneStatus' }, { prop: 'version' },
    { prop: 'lastInfectionAt', format: 'datetime' }, { prop: 'downgradeOn', format: 'date' }, { prop: 'liftOn', format: 'date' },
  ],
  buildings: [
    { prop: 'kind', enumPrefix: 'buildingKind' }, { prop: 'floors' }, { prop: 'units' },
    { prop: 'households' }, { prop: 'residents', unitKey: 'unit.people' },
  ],
  places: [{ prop: 'kind', enumPrefix: 'placeKind' }, { prop: 'subkind', enumPrefix: 'placeSubkind' }, { prop: 'population', unitKey: 'unit.people' }],
  townships: ADMIN,
  villages: ADMIN,
  grids: ADMIN,
};

/** ISO date or date-time → 'YYYY-MM-DD' / 'YYYY-MM-DD HH:mm', as written (no time-zone shift). */
export function formatIso(value: string, format: 'date' | 'datetime'): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2}))?/.exec(value);
  if (!m) return value;
  return format === 'date' || !m[2] ? m[1] : `${m[1]} ${m[2]}`;
}

const present = (v: unknown): boolean => v !== null && v !== undefined && v !== '';

/** '85/120 (71%)' from roomsOccupied, roomsTotal and occupancyRatio (0..1). */
export function occupancyText(p: Record<string, unknown>): string | null {
  if (!present(p.roomsOccupied) || !present(p.roomsTotal)) return null;
  const ratio = Number(p.occupancyRatio);
  const pct = Number.isFinite(ratio) ? ` (${Math.round(ratio * 100)}%)` : '';
  return `${String(p.roomsOccupied)}/${String(p.roomsTotal)}${pct}`;
}

export function popupTitle(p: Record<string, unknown>): string {
  return present(p.name) ? String(p.name) : '';
}

/** The rows to show for one feature, skipping empty values. */
export function popupRows(layer: LayerId, p: Record<string, unknown>): PopupRow[] {
  const rows: PopupRow[] = [];
  for (const f of FIELDS[layer] ?? []) {
    const v = p[f.prop];
    if (!present(v)) continue;
    const text = f.format && typeof v === 'string' ? formatIso(v, f.format) : String(v);
    rows.push({
      label: f.label ?? `field.${f.prop}`, text,
      ...(f.enumPrefix ? { valueKey: `${f.enumPrefix}.${String(v)}` } : {}),
      ...(f.unitKey ? { unitKey: f.unitKey } : {}),
    });
  }
  if (layer === 'quarantine-sites') {
    const occ = occupancyText(p);
    if (occ) rows.push({ label: 'field.occupancy', text: occ });
  }
  return rows;
}

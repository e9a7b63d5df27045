// Tables of case and contact imports (migration 005): a mapping per source, an import staged row
// by row with its validation and geocoding outcome, committed in one transaction.
import type { Id, IsoTime, Json } from './schema-common.ts';

export type ImportKind = 'cases' | 'contacts';

export interface ImportMappingTable {
  id: Id;
  kind: ImportKind;
  source: string; // who sends sheets like this, e.g. '市疾控流调组'
  mapping: Json; // {field: column header}
  crs: 'WGS84' | 'GCJ02' | 'BD09' | null;
  updated_at: IsoTime;
  actor: string;
}

export interface ImportTable {
  id: Id;
  incident_id: number;
  kind: ImportKind;
  source: string;
  filename: string;
  format: 'csv-utf8' | 'csv-gbk' | 'xlsx';
  status: 'staged' | 'checked' | 'committed' | 'discarded';
  header: Json; // string[]
  mapping: Json | null;
  crs: 'WGS84' | 'GCJ02' | 'BD09' | null;
  summary: Json | null;
  report: Json | null;
  actor: string;
  created_at: IsoTime;
  committed_at: IsoTime | null;
}

export type ImportRowStatus = 'pending' | 'ok' | 'review' | 'error' | 'resolved' | 'committed' | 'skipped';

export interface ImportRowTable {
  id: Id;
  import_id: number;
  row_no: number;
  raw: Json; // string[] (personal data: never sent back unmasked)
  data: Json | null;
  status: ImportRowStatus;
  errors: Json | null;
  geocode: Json | null;
  chosen: Json | null;
  person_id: number | null;
}

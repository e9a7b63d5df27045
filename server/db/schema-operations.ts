// Tables of the response: checkpoints, quarantine sites and rooms, testing sites, resources,
// control zones and their versions, tasks, help requests, alerts, audit, syndromic counts, meta.
import type { ColumnType, Generated } from 'kysely';
import type { Flag, Id, IsoDate, IsoTime, Json, Spatial, Temporal } from './schema-common.ts';

export interface CheckpointTable extends Spatial, Temporal {
  id: Id;
  name: string;
  kind: 'districtBoundary' | 'trunkRoad' | 'expresswayExit' | 'compoundGate';
  road_id: number | null;
  road_name: string | null;
  status: 'active' | 'standby' | 'closed';
  shifts: number;
  staff: number;
  throughput_per_day: number;
  created_at: IsoTime;
  updated_at: IsoTime;
  synthetic: Flag;
}

export interface QuarantineSiteTable extends Spatial, Temporal {
  id: Id;
  name: string;
  address: string;
  status: 'active' | 'standby' | 'closed';
  created_at: IsoTime;
  updated_at: IsoTime;
  synthetic: Flag;
}

export interface QuarantineRoomTable {
  id: Id;
  site_id: number;
  block: string; // 楼栋 / 区 within the site, for keeping categories apart
  floor: number;
  room_no: string;
  kind: 'single' | 'multi' | 'accessible';
  capacity: number;
  occupant_person_id: number | null;
  /** Migration 005: a carer sharing the room (ed.9: children, the elderly), when capacity ≥ 2. */
  carer_person_id: number | null;
}

export interface TestingSiteTable extends Spatial, Temporal {
  id: Id;
  name: string;
  kind: 'fixed' | 'convenience' | 'mobile' | 'allDay';
  capacity_per_hour: number;
  opening_hours: string; // e.g. 07:00-19:00
  status: 'active' | 'standby' | 'closed';
  created_at: IsoTime;
  updated_at: IsoTime;
  synthetic: Flag;
}

export interface ResourceTable extends Spatial, Temporal {
  id: Id;
  kind: 'supplyDepot' | 'transferVehicle' | 'feverClinic';
  name: string;
  capacity: number;
  status: 'active' | 'standby' | 'closed';
  synthetic: Flag;
}

export interface ControlZoneTable {
  id: Id;
  incident_id: number;
  name: string;
  current_version: number;
}

/** Every version of a zone is kept; the as-of filter picks the one valid at `at`. */
export interface ControlZoneVersionTable extends Spatial, Temporal {
  id: Id;
  zone_id: number;
  version: number;
  kind: string; // from the rule profile: sealed | controlled | precaution | high | medium | low …
  status: 'draft' | 'proposed' | 'active' | 'downgraded' | 'lifted';
  justification: Json; // [{personId, exposureId, reason}]
  last_infection_at: IsoTime | null;
  downgrade_on: IsoDate | null;
  lift_on: IsoDate | null;
  created_at: IsoTime;
  /** Migration 004: what made this version, why, who, from what, under which profile. */
  change: Generated<ZoneChange>;
  source: Generated<'seed' | 'drawn' | 'proposal'>;
  reason: string | null;
  actor: string | null; // username
  profile_id: number | null;
  proposal_key: string | null; // e.g. 'village:33' when accepted from a proposal
}

export type ZoneChange = 'seed' | 'create' | 'edit' | 'publish' | 'downgrade' | 'upgrade' | 'lift';

/** A NAT round of a zone's residents (the zone clock's `rounds`). */
export interface ZoneTestRoundTable {
  id: Id;
  zone_id: number;
  round_date: IsoDate;
  tested: number;
  positives: number;
  note: string | null;
  actor: string;
  created_at: IsoTime;
}

/** Teams whose areas a zone version's polygon meets exactly: the field members' zone scope. */
export interface ZoneVersionTeamTable {
  zone_version_id: number;
  team_id: number;
}

export interface TaskTable extends Spatial {
  id: Id;
  incident_id: number;
  type: string;
  title: string;
  team_id: number | null;
  place_id: number | null;
  status: 'open' | 'inProgress' | 'done' | 'cancelled';
  due_at: IsoTime | null;
  note: string | null;
  created_at: IsoTime;
  updated_at: IsoTime;
}

export interface HelpRequestTable extends Spatial {
  id: Id;
  incident_id: number;
  kind: 'medical' | 'medicine' | 'supplies' | 'psychological' | 'other';
  status: 'open' | 'triaged' | 'assigned' | 'closed';
  requester_name: string; // personal data
  phone: string; // personal data
  address_point_id: number | null;
  team_id: number | null;
  note: string | null;
  created_at: IsoTime;
  updated_at: IsoTime;
}

export interface AlertTable {
  id: Id;
  incident_id: number;
  level: 'red' | 'orange' | 'yellow' | 'blue';
  rule: string;
  title: string;
  detail: Json;
  status: 'open' | 'acknowledged' | 'resolved';
  raised_at: IsoTime;
  acknowledged_at: IsoTime | null;
  acknowledged_by: string | null;
  resolved_at: IsoTime | null;
  resolved_by: string | null;
  /** Migration 005: one open alert per rule and subject, e.g. 'loop_overdue:step:123'. */
  dedupe_key: string | null;
  /** Migration 007: when an unacknowledged alert last rose a level (server/db/alert-escalation.ts). */
  escalated_at: IsoTime | null;
}

/** Migration 007: one analysis result per incident, kind and day (JSON, ids only). */
export interface AnalysisRunTable {
  id: Id;
  incident_id: number;
  kind: 'stDbscan' | 'scan' | 'hotspots' | 'ears';
  day: IsoDate;
  ran_at: IsoTime;
  params: Json;
  result: Json;
}

/** Append-only; hash chains each entry to the previous one. */
export interface AuditEntryTable {
  id: Id;
  at: IsoTime;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  before: Json | null;
  after: Json | null;
  route: string | null;
  ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface SyndromicCountTable {
  id: Id;
  admin_unit_id: number;
  date: IsoDate;
  kind: 'feverClinic' | 'feverDrug';
  count: number;
}

export interface MetaTable {
  key: string;
  value: ColumnType<string, string, string>;
}

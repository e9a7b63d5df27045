// Kysely table types: the database's shape, one interface per table (snake_case columns).
// One representation on both dialects (architecture.md §9): ISO-8601 text timestamps,
// 0/1 integer flags, JSON as text, geometry as GeoJSON text plus bbox columns.
// Only migrations create these tables; query functions map rows to domain objects.
import type { ColumnType, Generated } from 'kysely';

type Id = Generated<number>;
type Json = string; // JSON text
type IsoTime = string; // ISO-8601, UTC with 'Z'
type IsoDate = string; // YYYY-MM-DD, an Asia/Shanghai calendar day
type Flag = number; // 0 | 1

/** Columns every spatial table carries; the spatial index is kept on the bbox columns. */
export interface Spatial {
  geometry: Json; // a GeoJSON Geometry object, WGS-84 [lng, lat]
  min_lng: number;
  min_lat: number;
  max_lng: number;
  max_lat: number;
}

/** Validity interval for the as-of (`at=`) filter: valid_from <= at < valid_to. */
export interface Temporal {
  valid_from: IsoTime;
  valid_to: IsoTime | null;
}

export interface AdminUnitTable extends Spatial {
  id: Id;
  code: string; // NBS code: 6 digits district, 9 township, 12 village/community
  name: string;
  level: 'district' | 'township' | 'village';
  kind: 'district' | 'subdistrict' | 'town' | 'xiang' | 'community' | 'village';
  parent_id: number | null;
  population: number;
  households: number;
  synthetic: Flag;
}

export interface GridTable extends Spatial {
  id: Id;
  code: string;
  name: string; // e.g. 第3网格
  admin_unit_id: number; // the village/community
  population: number;
  households: number;
  synthetic: Flag;
}

export interface PlaceTable extends Spatial {
  id: Id;
  kind: 'compound' | 'naturalVillage' | 'workplace' | 'school' | 'market' | 'clinic' | 'publicBuilding' | 'square';
  subkind: string | null; // workplace: enterprise | mineShaft | canteen | bathhouse | dormitory
  name: string;
  admin_unit_id: number;
  grid_id: number | null;
  population: number;
  households: number;
  synthetic: Flag;
}

export interface BuildingTable extends Spatial {
  id: Id;
  place_id: number | null;
  grid_id: number | null;
  admin_unit_id: number;
  name: string; // 3号楼, or the courtyard's door number
  kind: 'midrise' | 'courtyard' | 'public' | 'industrial';
  units: number;
  floors: number;
  households: number;
  residents: number;
  synthetic: Flag;
}

export interface AddressPointTable extends Spatial {
  id: Id;
  building_id: number | null;
  grid_id: number | null;
  admin_unit_id: number;
  address: string; // full address in the Chinese order of domain-rules §5.1
  parts: Json; // {town, community, road, roadno, poi, houseno, cellno, floorno, roomno}
  synthetic: Flag;
}

/** Residents are counts by household (age bands), not rows per person. */
export interface HouseholdTable {
  id: Id;
  address_point_id: number;
  building_id: number | null;
  residents: number;
  age_0_14: number;
  age_15_64: number;
  age_65_plus: number;
}

export interface RoadTable extends Spatial {
  id: Id;
  name: string | null;
  class: 'expressway' | 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'residential' | 'lane';
  oneway: Flag;
  synthetic: Flag;
}

export interface LanduseTable extends Spatial {
  id: Id;
  kind: 'residential' | 'industrial' | 'mine' | 'farmland' | 'forest' | 'hill' | 'water' | 'park' | 'heritage';
  name: string | null;
  synthetic: Flag;
}

export interface WaterwayTable extends Spatial {
  id: Id;
  kind: 'river' | 'canal' | 'stream';
  name: string | null;
  synthetic: Flag;
}

export interface IncidentTable {
  id: Id;
  name: string;
  disease: string;
  grade_suggested: 'I' | 'II' | 'III' | 'IV' | null;
  grade_confirmed: 'I' | 'II' | 'III' | 'IV' | null;
  warning_colour: 'red' | 'orange' | 'yellow' | 'blue' | null;
  rule_profile_id: number | null;
  status: 'open' | 'closed';
  started_at: IsoTime;
  closed_at: IsoTime | null;
}

export interface RuleProfileTable {
  id: Id;
  key: string; // e.g. cn-2022-ed9
  version: number;
  name: string;
  params: Json; // versioned parameters, domain-rules.md §7
  effective_from: IsoDate;
  effective_to: IsoDate | null;
  source: string;
}

export interface PersonTable extends Spatial, Temporal {
  id: Id;
  incident_id: number;
  category: 'confirmed' | 'asymptomatic' | 'suspected' | 'closeContact' | 'secondaryContact' | 'atRiskTraveller';
  name: string; // personal data: masked at serialization
  id_number: string; // personal data
  phone: string; // personal data
  sex: 'male' | 'female';
  age: number;
  home_address_point_id: number | null;
  home_address: string | null; // personal data
  status: 'active' | 'released' | 'closed';
  onset_date: IsoDate | null;
  sample_date: IsoDate | null;
  report_date: IsoDate | null;
  created_at: IsoTime;
  updated_at: IsoTime;
  synthetic: Flag;
}

export interface ExposureTable extends Spatial {
  id: Id;
  person_id: number;
  place_id: number | null;
  building_id: number | null;
  start_at: IsoTime;
  end_at: IsoTime;
  note: string | null;
}

export interface ContactLinkTable {
  id: Id;
  from_person_id: number;
  to_person_id: number;
  contact_type: 'household' | 'work' | 'social' | 'transport' | 'healthcare' | 'other';
  last_exposure_at: IsoTime;
}

export interface TeamTable {
  id: Id;
  name: string;
  kind: 'field' | 'tracing' | 'transfer' | 'sampling' | 'command';
}

export interface TeamAreaTable {
  id: Id;
  team_id: number;
  admin_unit_id: number | null;
  grid_id: number | null;
  geometry: Json | null; // a drawn polygon, when neither unit nor grid
}

export interface LoopStepTable {
  id: Id;
  person_id: number;
  step: 'identified' | 'notified' | 'transferScheduled' | 'transferred' | 'quarantined' | 'tested' | 'released' | 'homeMonitoring' | 'closed';
  seq: number; // order within the person's loop (tests repeat)
  due_at: IsoTime;
  done_at: IsoTime | null;
  team_id: number | null;
  room_id: number | null;
  note: string | null;
}

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

export interface DB {
  admin_units: AdminUnitTable;
  grids: GridTable;
  places: PlaceTable;
  buildings: BuildingTable;
  address_points: AddressPointTable;
  households: HouseholdTable;
  roads: RoadTable;
  landuse: LanduseTable;
  waterways: WaterwayTable;
  incidents: IncidentTable;
  rule_profiles: RuleProfileTable;
  persons: PersonTable;
  exposures: ExposureTable;
  contact_links: ContactLinkTable;
  teams: TeamTable;
  team_areas: TeamAreaTable;
  loop_steps: LoopStepTable;
  checkpoints: CheckpointTable;
  quarantine_sites: QuarantineSiteTable;
  quarantine_rooms: QuarantineRoomTable;
  testing_sites: TestingSiteTable;
  resources: ResourceTable;
  control_zones: ControlZoneTable;
  control_zone_versions: ControlZoneVersionTable;
  tasks: TaskTable;
  help_requests: HelpRequestTable;
  alerts: AlertTable;
  audit_entries: AuditEntryTable;
  syndromic_counts: SyndromicCountTable;
  meta: MetaTable;
}

/** Tables with geometry + bbox columns: each has a spatial index. */
export const SPATIAL_TABLES = [
  'admin_units', 'grids', 'places', 'buildings', 'address_points', 'roads', 'landuse', 'waterways',
  'persons', 'exposures', 'checkpoints', 'quarantine_sites', 'testing_sites', 'resources',
  'control_zone_versions', 'tasks', 'help_requests',
] as const satisfies readonly (keyof DB)[];
export type SpatialTable = (typeof SPATIAL_TABLES)[number];

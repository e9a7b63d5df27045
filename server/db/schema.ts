// Kysely's view of the database: one table type per table (snake_case columns), grouped in
// schema-geography/-people/-operations.ts. Only migrations create these tables; query functions
// map rows to domain objects.
import type {
  AdminUnitTable, GridTable, PlaceTable, BuildingTable, AddressPointTable, HouseholdTable, RoadTable, LanduseTable, WaterwayTable,
} from './schema-geography.ts';
import type {
  IncidentTable, RuleProfileTable, PersonTable, ExposureTable, ContactLinkTable, TeamTable, TeamAreaTable, LoopStepTable,
} from './schema-people.ts';
import type {
  CheckpointTable, QuarantineSiteTable, QuarantineRoomTable, TestingSiteTable, ResourceTable, ControlZoneTable, ControlZoneVersionTable, TaskTable, HelpRequestTable, AlertTable, AnalysisRunTable, AuditEntryTable, SyndromicCountTable, MetaTable,
  ZoneTestRoundTable, ZoneVersionTeamTable,
} from './schema-operations.ts';
import type { ImportMappingTable, ImportRowTable, ImportTable } from './schema-imports.ts';
import type { EventTable, LoginFailureTable, SessionTable, TaskUpdateTable, TeamAreaPartTable, UserTable } from './schema-access.ts';


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
  import_mappings: ImportMappingTable;
  imports: ImportTable;
  import_rows: ImportRowTable;
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
  analysis_runs: AnalysisRunTable;
  audit_entries: AuditEntryTable;
  syndromic_counts: SyndromicCountTable;
  meta: MetaTable;
  users: UserTable;
  sessions: SessionTable;
  login_failures: LoginFailureTable;
  task_updates: TaskUpdateTable;
  team_area_parts: TeamAreaPartTable;
  zone_test_rounds: ZoneTestRoundTable;
  zone_version_teams: ZoneVersionTeamTable;
  events: EventTable;
}

/** Tables with geometry + bbox columns: each has a spatial index. */
export const SPATIAL_TABLES = [
  'admin_units', 'grids', 'places', 'buildings', 'address_points', 'roads', 'landuse', 'waterways',
  'persons', 'exposures', 'checkpoints', 'quarantine_sites', 'testing_sites', 'resources',
  'control_zone_versions', 'tasks', 'help_requests',
] as const satisfies readonly (keyof DB)[];
export type SpatialTable = (typeof SPATIAL_TABLES)[number];

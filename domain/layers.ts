// The map layers the API serves as GeoJSON FeatureCollections at /api/v1/layers/:layer.
// Shared by server (which table, which column `kind=` filters) and web (what to draw).

export const LAYER_IDS = [
  'district', 'townships', 'villages', 'grids', 'landuse', 'waterways', 'roads', 'buildings',
  'places', 'address-points', 'cases', 'contacts', 'checkpoints', 'quarantine-sites',
  'testing-sites', 'resources', 'zones',
] as const;
export type LayerId = (typeof LAYER_IDS)[number];

export const CASE_CATEGORIES = ['confirmed', 'asymptomatic', 'suspected'] as const;
export const CONTACT_CATEGORIES = ['closeContact', 'secondaryContact', 'atRiskTraveller'] as const;
export const PERSON_CATEGORIES = [...CASE_CATEGORIES, ...CONTACT_CATEGORIES] as const;
export type PersonCategory = (typeof PERSON_CATEGORIES)[number];

export const ROAD_CLASSES = ['expressway', 'trunk', 'primary', 'secondary', 'tertiary', 'residential', 'lane'] as const;
export type RoadClass = (typeof ROAD_CLASSES)[number];
export const CHECKPOINT_KINDS = ['districtBoundary', 'trunkRoad', 'expresswayExit', 'compoundGate'] as const;
export const TESTING_SITE_KINDS = ['fixed', 'convenience', 'mobile', 'allDay'] as const;
export const FACILITY_STATUSES = ['active', 'standby', 'closed'] as const;
export const ZONE_STATUSES = ['draft', 'proposed', 'active', 'downgraded', 'lifted'] as const;

/** Base-map layers are drawn under the operational ones; dense ones are fetched per viewport. */
export const BASE_LAYERS: readonly LayerId[] = [
  'district', 'townships', 'villages', 'grids', 'landuse', 'waterways', 'roads', 'buildings', 'places', 'address-points',
];
export const OPERATIONAL_LAYERS: readonly LayerId[] = [
  'zones', 'cases', 'contacts', 'checkpoints', 'quarantine-sites', 'testing-sites', 'resources',
];

/** Default and maximum features per page of a layer request. */
export const LAYER_LIMIT_DEFAULT = 1000;
export const LAYER_LIMIT_MAX = 10_000;

// The wire shapes of issue 8's coverage analyses: one definition shared by the server (which
// computes them) and the web (which draws them). Counts of residents by household and place,
// never a person: the uncovered layer is aggregated into 100 m cells.
import type { FeatureCollection, LineString, MultiPolygon, Point, Polygon } from 'geojson';
import type { TravelMode } from '../routing/types.ts';

export type { TravelMode } from '../routing/types.ts';

/** The four kinds of facility a resident must reach (issue 8 item 2). */
export const FACILITY_TYPES = ['testingSites', 'quarantineSites', 'feverClinics', 'supplyPoints'] as const;
export type FacilityType = (typeof FACILITY_TYPES)[number];

/** Service-area bands drawn by default (issue 8 item 1) and the 15-minute standard (§1.8). */
export const DEFAULT_BAND_MINUTES = [5, 10, 15] as const;
export const MAX_MINUTES = 60;

/** What every coverage question names. avoidSealed: routes may not enter a zone of the
 * profile's sealed kind (its highest rank: 封控区 / 高风险区). */
export interface CoverageQuery { facility: FacilityType; mode: TravelMode; minutes: number; avoidSealed: boolean }

export interface FacilityOut { id: number; name: string; lng: number; lat: number; /** false: no road within the snap limit */ onNetwork: boolean; insideSealed: boolean }

export interface BandProps { minutes: number; areaSquareMeters: number }

export interface ServiceAreasOut {
  facility: FacilityType; mode: TravelMode; avoidSealed: boolean;
  /** Nested: the 15-minute band contains the 10 and the 5. Largest first (drawing order). */
  bands: FeatureCollection<MultiPolygon, BandProps>;
  facilities: FacilityOut[];
  /** Zone ids whose roads were closed for this answer (empty unless avoidSealed). */
  sealedZoneIds: number[];
}

export type CoverageLevel = 'district' | 'township' | 'village' | 'grid' | 'polygon';

export interface CoverageRow {
  level: CoverageLevel; id: number | null; code: string | null; name: string; parentId: number | null;
  residents: number; covered: number; uncovered: number;
  /** covered / (residents − insideSealed), 0–1 (1 when nobody outside a sealed zone lives there). */
  share: number;
  /** Residents living inside a sealed zone: served at the door, not counted as uncovered. */
  insideSealed: number;
}

export interface CoverageSummaryOut extends CoverageQuery {
  district: CoverageRow; townships: CoverageRow[]; villages: CoverageRow[]; grids: CoverageRow[];
  facilities: number;
}

/** The uncovered residents, summed into 100 m cells (cell centre), for the map. */
export interface UncoveredProps { residents: number; households: number; /** best minutes, null: unreachable */ minutes: number | null }
export type UncoveredOut = FeatureCollection<Point, UncoveredProps>;

export interface WithinBody extends CoverageQuery { geometry: Polygon | MultiPolygon }

export interface RouteBody { from: [number, number]; to?: [number, number]; facility?: FacilityType; mode: TravelMode; avoidSealed: boolean }
export interface RouteOut {
  found: boolean;
  /** found = false: why ('no_road_near_start' | 'no_road_near_end' | 'unreachable'). */
  reason: string | null;
  route: LineString | null; meters: number; minutes: number;
  facility: FacilityOut | null;
  sealedZoneIds: number[];
}

export interface PlacementBody extends CoverageQuery { k: number }
export interface PlacementPick {
  placeId: number; name: string; kind: string; lng: number; lat: number;
  /** Residents this site adds to those already covered (and to the earlier picks). */
  addedResidents: number;
  coveredAfter: number;
}
export interface PlacementOut extends CoverageQuery {
  residents: number; coveredBefore: number; candidates: number;
  picks: PlacementPick[];
}

/** A rule number shown beside the figure it checks (domain-rules.md §1.7–§1.8). */
export interface RuleSource { key: string; rule: string; source: string }

export interface CapacityRow {
  level: 'district' | 'township' | 'zone'; id: number | null; name: string; zoneKind: string | null;
  population: number;
  samplingPoints: { needMin: number; needMax: number; present: number };
  samplers: { need: number };
  /** Hours to test everyone once at the present sites' summed throughput (null: no site). */
  testHours: number | null; targetHours: number;
  quarantineRooms: { need: number; present: number; free: number };
}
export interface CapacityOut {
  rows: CapacityRow[];
  /** Close contacts forecast from the current cases: cases reported in the last 7 days ×
   * close contacts per case observed in this incident. */
  contactForecast: { recentCases: number; contactsPerCase: number; forecast: number; roomsFree: number };
  sources: RuleSource[];
}

export interface CheckpointSuggestion {
  zoneId: number; zoneName: string; zoneKind: string;
  lng: number; lat: number; roadId: number; roadName: string | null; roadClass: string;
}
export interface CheckpointSuggestionsOut { suggestions: CheckpointSuggestion[]; covered: number }

/** The wall's coverage KPI: residents within 15 minutes' walk of an active testing site. */
export interface WallCoverage { minutes: number; residents: number; covered: number; share: number }

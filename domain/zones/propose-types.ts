// The inputs and outputs of the zone proposal engine (propose.ts). Pure data: the server builds
// the input from its tables (server/db/zone-proposal-input.ts), the bench from generated rows,
// the tests by hand. Dates are Asia/Shanghai calendar dates 'YYYY-MM-DD'; instants are ISO-8601.
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { ProfileParams } from './profile.ts';

export interface ProposalCase {
  id: number;
  category: string; // confirmed | asymptomatic | suspected
  onsetDate: string | null;
  sampleDate: string | null;
  reportDate: string | null;
}

export interface ProposalExposure {
  /** null for a residence synthesised from the case's home address. */
  id: number | null;
  personId: number;
  startAt: string;
  endAt: string;
  residence: boolean;
  point: [number, number];
  buildingId: number | null;
  placeId: number | null;
  placeKind: string | null;
  villageId: number | null;
  villageKind: 'community' | 'village' | null;
  gridId: number | null;
  townshipId: number | null;
}

export interface UnitGeometry {
  id: number;
  name: string;
  geometry: Polygon | MultiPolygon | Point;
}

export interface ProposalUnits {
  buildings: Map<number, UnitGeometry>;
  places: Map<number, UnitGeometry>;
  villages: Map<number, UnitGeometry>;
  grids: Map<number, UnitGeometry>;
  townships: Map<number, UnitGeometry>;
  district: UnitGeometry;
}

export interface ProposalInput {
  params: ProfileParams;
  /** Shanghai date the proposal is made for (the caller's now, or a replay date). */
  today: string;
  cases: ProposalCase[];
  exposures: ProposalExposure[];
  units: ProposalUnits;
}

export interface Provenance {
  personId: number;
  exposureId: number | null;
  reason: string;
  reasonEn: string;
  /** The exposure's start (ISO instant). */
  at: string;
}

export type ProposalUnit = 'building' | 'compound' | 'village' | 'grid' | 'place' | 'township' | 'rest_of_county';

export interface ProposedZone {
  /** Stable across runs: 'building:12' | 'place:5' | 'village:33' | 'grid:7' | 'township:3' | 'rest'. */
  key: string;
  kind: string;
  unit: ProposalUnit;
  name: string;
  geometry: Polygon | MultiPolygon;
  provenance: Provenance[];
  lastInfectionDate: string | null;
  /** Keys of the zones absorbed into this one. */
  contains: string[];
}

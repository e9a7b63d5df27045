// Tables of the district itself: admin units, grids, places, buildings, addresses, households,
// roads, land use, waterways.
import type { Flag, Id, Json, Spatial } from './schema-common.ts';

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

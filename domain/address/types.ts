// Shapes of the address parser and geocoder (issue 5 item 5). Part labels are those of the
// Alibaba/DAMO annotation spec (domain-rules.md §5.3), plus `group` (村民小组 "X组") and
// `natural` (自然村 written after its administrative village), which §5.1 places between the
// village and the road.

export interface AddressParts {
  prov?: string;
  city?: string;
  district?: string;
  town?: string;
  community?: string;
  natural?: string;
  group?: string;
  road?: string;
  /** Door number; rural "X组Y号" is one roadno as in §5.3 ("沿山村5组6号" → roadno 5组6号). */
  roadno?: string;
  poi?: string;
  subpoi?: string;
  houseno?: string;
  cellno?: string;
  floorno?: string;
  roomno?: string;
  /** Text no level claimed (leftovers, a business name, noise). */
  rest?: string;
}

type Point = [number, number];

/** What the gazetteer is built from: the district's own layers (server/db/gazetteer-source.ts). */
export interface GazetteerInput {
  units: { id: number; name: string; level: 'district' | 'township' | 'village'; parentId: number | null; point: Point }[];
  /** Compounds, natural villages, workplaces, schools… (kind 'naturalVillage' is a 自然村). */
  places: { id: number; kind: string; name: string; adminUnitId: number; point: Point }[];
  buildings: { id: number; placeId: number | null; adminUnitId: number; name: string; point: Point }[];
  /** `parts` as stored in address_points.parts (literal pieces, §5.3 labels). */
  addressPoints: { id: number; buildingId: number | null; adminUnitId: number; parts: AddressParts; point: Point }[];
}

export type GeocodeLevel = 'room' | 'doorplate' | 'building' | 'compound' | 'village' | 'township' | 'none';

export interface GeocodeCandidate {
  label: string;
  level: GeocodeLevel;
  /** 0..1: 1.0 = exact room or doorplate; lower by level reached and by each fuzzy or missing level. */
  confidence: number;
  point: Point;
  addressPointId?: number;
  buildingId?: number;
  placeId?: number;
  adminUnitId?: number;
}

export interface GeocodeResult {
  parts: AddressParts;
  best: GeocodeCandidate | null;
  /** At most 5, best first. */
  candidates: GeocodeCandidate[];
}

/** Rows whose best confidence is below this go to the import's review queue. Building level
 * (0.9) and a room with one typo pass; a compound or village alone, or an ambiguous name, do not. */
export const REVIEW_BELOW = 0.8;

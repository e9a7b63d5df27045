// In-memory drafts of the built world, in the metric frame, before they become seed rows.
// Indices (not ids) link them; generate.ts assigns ids when it writes rows.

export type XY = [number, number];

export interface PlaceDraft {
  kind: 'compound' | 'naturalVillage' | 'workplace' | 'school' | 'market' | 'clinic' | 'publicBuilding' | 'square';
  subkind: string | null;
  name: string;
  /** Index of the village/community unit. */
  unit: number;
  /** A polygon ring (closed) or a point. */
  ring?: XY[];
  point?: XY;
  /** Gate or entrance on the street, for checkpoints and routing (compounds, sites). */
  gate?: XY;
}

export interface DwellingDraft {
  x: number;
  y: number;
  cell: number;
  /** Address parts after the community: road, roadno, poi, houseno, cellno, roomno. */
  road: string | null;
  roadno: string | null;
  poi: string | null;
  houseno: string | null;
  cellno: string | null;
  roomno: string | null;
  rural: boolean;
}

export interface BuildingDraft {
  place: number | null;
  unit: number;
  /** Cell of the building's centroid: decides its grid. */
  cell: number;
  name: string;
  kind: 'midrise' | 'courtyard' | 'public' | 'industrial';
  units: number;
  floors: number;
  ring: XY[];
  dwellings: DwellingDraft[];
}

export interface Built {
  places: PlaceDraft[];
  buildings: BuildingDraft[];
}

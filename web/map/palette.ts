// Colours of the map and its legend, one table per classified property. Pure data, no maplibre:
// the layer panel's legend reads the same tables as the style, so the two can never disagree.

export const CASE_COLORS = {
  confirmed: '#d62828',
  asymptomatic: '#f77f00',
  suspected: '#f2c12e',
} as const;

export const CONTACT_COLORS = {
  closeContact: '#7b2cbf',
  secondaryContact: '#b185db',
  atRiskTraveller: '#3a86ff',
} as const;

/** 封控/管控/防范 (cn-2021-community) and 高/中/低 (cn-2022-*) share the warning ramp. */
export const ZONE_COLORS = {
  sealed: '#8b0000',
  controlled: '#f08c00',
  precaution: '#e9c300',
  high: '#8b0000',
  medium: '#f08c00',
  low: '#2f6fdb',
} as const;

export const CHECKPOINT_COLORS = {
  districtBoundary: '#1d3f8f',
  trunkRoad: '#2f6fdb',
  expresswayExit: '#00838f',
  compoundGate: '#5c6bc0',
} as const;

export const TESTING_SITE_COLORS = {
  fixed: '#00897b',
  convenience: '#26a69a',
  mobile: '#4db6ac',
  allDay: '#00574b',
} as const;

export const RESOURCE_COLORS = {
  supplyDepot: '#795548',
  transferVehicle: '#546e7a',
  feverClinic: '#c2185b',
} as const;

/** Quarantine-site occupancy ratio (0..1) → colour: green while rooms are free, red when full. */
export const OCCUPANCY_STOPS: readonly (readonly [number, string])[] = [
  [0, '#2b9348'],
  [0.7, '#e9c300'],
  [0.9, '#f08c00'],
  [1, '#c1121f'],
];

export const LANDUSE_COLORS = {
  residential: '#e8e0d8',
  industrial: '#e2d8e6',
  mine: '#d3cbc2',
  farmland: '#eef1d8',
  forest: '#cde3c0',
  hill: '#e6dfca',
  water: '#a9d0ea',
  park: '#d3ebc6',
  heritage: '#eedccb',
} as const;

export const ROAD_COLORS = {
  expressway: '#f29e4c',
  trunk: '#f8c04e',
  primary: '#fcd979',
  secondary: '#fdf0b8',
  tertiary: '#ffffff',
  residential: '#ffffff',
  lane: '#fbfaf7',
} as const;

export const BASE_COLORS = {
  background: '#f4f1ec',
  water: '#8dbfe3',
  roadCasing: '#c8b89d',
  building: '#dcd3c8',
  buildingOutline: '#c4b8a9',
  place: '#b08968',
  boundary: '#7b4f9d',
  label: '#3d3a35',
  halo: '#ffffff',
} as const;

export const FALLBACK_COLOR = '#888888';

/** The colour of a person category, case or contact; unknown categories get the fallback. */
export function categoryColor(category: string): string {
  const all: Record<string, string> = { ...CASE_COLORS, ...CONTACT_COLORS };
  return all[category] ?? FALLBACK_COLOR;
}

/** Occupancy colour by the same stops the map interpolates, for the legend and popups. */
export function occupancyColor(ratio: number): string {
  let color = OCCUPANCY_STOPS[0][1];
  for (const [stop, c] of OCCUPANCY_STOPS) if (ratio >= stop) color = c;
  return color;
}

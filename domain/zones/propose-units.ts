// The unit a zone is drawn on for one exposure (domain-rules.md §1.1–1.3): a case's residence on
// its building (20 measures: "以单元、楼栋为单位") or on its compound, else its rural village, else
// its grid (2021 / ed.9: "原则上以小区或村为单位"); an activity on the place it happened at.
import { circle } from '@turf/turf';
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { ProfileParams } from './profile.ts';
import type { ProposalExposure, ProposalUnit, ProposalUnits, UnitGeometry } from './propose-types.ts';

/** A place recorded as a point (natural villages, small workplaces and clinics) is drawn as a
 * circle of this radius, 32 segments, for the planner to adjust. */
export const POINT_PLACE_RADIUS_METERS = 100;
const CIRCLE_STEPS = 32;

export interface UnitPick {
  key: string;
  unit: ProposalUnit;
  name: string;
  geometry: Polygon | MultiPolygon;
}

export function areaOf(g: Polygon | MultiPolygon | Point): Polygon | MultiPolygon {
  if (g.type !== 'Point') return g;
  return circle(g.coordinates, POINT_PLACE_RADIUS_METERS / 1000, { steps: CIRCLE_STEPS, units: 'kilometers' }).geometry;
}

const pick = (prefix: string, unit: ProposalUnit, u: UnitGeometry | undefined): UnitPick | null =>
  u ? { key: `${prefix}:${u.id}`, unit, name: u.name, geometry: areaOf(u.geometry) } : null;

const get = <T>(m: Map<number, T>, id: number | null): T | undefined => (id === null ? undefined : m.get(id));

/** The compound, else the rural village (an urban community is too big for one case: §1.2
 * "小区或村"), else the grid the home lies in. */
function compoundOrVillage(e: ProposalExposure, units: ProposalUnits): UnitPick | null {
  if (e.placeKind === 'compound') {
    const p = pick('place', 'compound', get(units.places, e.placeId));
    if (p) return p;
  }
  if (e.villageKind === 'village') {
    const v = pick('village', 'village', get(units.villages, e.villageId));
    if (v) return v;
  }
  return pick('grid', 'grid', get(units.grids, e.gridId));
}

/** Where a residence exposure puts its zone; a home whose building is unknown falls back to the
 * compound-or-village rule rather than being dropped. */
export function residenceUnit(e: ProposalExposure, params: ProfileParams, units: ProposalUnits): UnitPick | null {
  if (params.proposal.residence.unit === 'building') {
    const b = pick('building', 'building', get(units.buildings, e.buildingId));
    if (b) return b;
  }
  return compoundOrVillage(e, units);
}

/** Where an activity exposure puts its zone: the place (a compound visited keeps unit
 * 'compound', so it merges with residents' zones of the same compound), else the building. */
export function activityUnit(e: ProposalExposure, units: ProposalUnits): UnitPick | null {
  return pick('place', e.placeKind === 'compound' ? 'compound' : 'place', get(units.places, e.placeId))
    ?? pick('building', 'building', get(units.buildings, e.buildingId));
}

/** The first activity rule that matches the place kind and the stay, or null. */
export function activityKind(params: ProfileParams, placeKind: string | null, hours: number): string | null {
  for (const r of params.proposal.activity) {
    if (r.place_kinds !== null && (placeKind === null || !r.place_kinds.includes(placeKind))) continue;
    if (hours >= r.min_stay_hours) return r.kind;
  }
  return null;
}

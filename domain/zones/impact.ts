// The impact of any polygon (issue 4 item 4): who and what a zone would shut in, what it takes to
// test everyone once and to feed them, and where its checkpoints go. Pure: the index is built once
// by the caller (impact-index.ts); one call costs a k-d range query per layer, banded
// point-in-polygon tests (polygon-bands.ts) and a road-segment R-tree walk along the boundary.
import { area } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { ProfileParams } from './profile.ts';
import type { ImpactIndex, PointLayer } from './impact-index.ts';
import { bandPolygon, type BandedPolygon } from './polygon-bands.ts';
import { roadCrossings, type RoadCrossing } from './road-crossings.ts';
import { dailySupplies, resourcesOf, testingNeeds, type DailySupplies, type TestingNeeds } from './supplies.ts';

export type { ImpactIndex, ImpactSource } from './impact-index.ts';
export { buildImpactIndex } from './impact-index.ts';

export interface ImpactResult {
  areaSquareMeters: number; residents: number; households: number; buildings: number; over65: number;
  /** Open closed-loop items (a person with an open loop step) whose home lies inside. */
  openLoopItems: number;
  /** Where roads cross the boundary: the checkpoints needed, one per road per crossing. */
  crossings: RoadCrossing[];
  /** domain-rules.md §1.8: ceil(pop/3000)…ceil(pop/2000) sampling points, ceil(pop/360) samplers. */
  testing: TestingNeeds;
  /** params.resources.daily_supply_per_person × residents. */
  supplies: DailySupplies;
}

/** Ids of the points of a layer inside the polygon: the bbox range query, then the exact test. */
function pointsInside({ tree, xy }: PointLayer, polygon: BandedPolygon): number[] {
  const [minX, minY, maxX, maxY] = polygon.bbox;
  return tree.range(minX, minY, maxX, maxY).filter((i) => polygon.contains(xy[i * 2], xy[i * 2 + 1]));
}

export function impactOf(index: ImpactIndex, geometry: Polygon | MultiPolygon, params: ProfileParams,
  loopItems: { lng: number; lat: number }[]): ImpactResult {
  const polygon = bandPolygon(geometry);
  let residents = 0, over65 = 0;
  const homes = pointsInside(index.households, polygon);
  for (const h of homes) { residents += index.householdResidents[h]; over65 += index.householdOver65[h]; }
  const buildings = pointsInside(index.buildings, polygon).length;
  const openLoopItems = loopItems.reduce((n, p) => n + (polygon.contains(p.lng, p.lat) ? 1 : 0), 0);
  const resources = resourcesOf(params);
  return {
    areaSquareMeters: Math.round(area(geometry)),
    residents, households: homes.length, buildings, over65, openLoopItems,
    crossings: roadCrossings(index, polygon),
    testing: testingNeeds(residents, resources),
    supplies: dailySupplies(residents, homes.length, resources),
  };
}

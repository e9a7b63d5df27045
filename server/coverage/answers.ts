// The area answers of the /coverage routes, all from one cached computation (service.ts): the
// service-area bands, the sums per district, township, village and grid, the uncovered cells and
// the sums inside a drawn polygon.
import type { MultiPolygon, Polygon } from 'geojson';
import { coverageInPolygon, coverageRows, uncoveredCells } from '../../domain/coverage/area-coverage.ts';
import { serviceAreas, type ServiceArea } from '../../domain/coverage/isochrones.ts';
import type { CoverageQuery, CoverageRow, CoverageSummaryOut, FacilityType, ServiceAreasOut, TravelMode, UncoveredOut } from '../../domain/coverage/types.ts';
import type { NodeTimes } from '../../domain/routing/types.ts';
import type { Db } from '../db/database.ts';
import { coverageQuery } from './service.ts';

const drawn = new WeakMap<NodeTimes, Map<string, ServiceArea[]>>();

// 1e-6° is 0.1 m: the demo's 15-minute band has ~70,000 vertices, and full doubles made it 2.7 MB.
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const rounded = (a: ServiceArea): ServiceArea => ({ ...a, areaSquareMeters: Math.round(a.areaSquareMeters),
  geometry: a.geometry && { type: 'MultiPolygon', coordinates: a.geometry.coordinates.map((p) => p.map((r) => r.map(([x, y]) => [round6(x), round6(y)]))) } });

export async function serviceAreasOut(db: Db, nowIso: string, q: { facility: FacilityType; mode: TravelMode; avoidSealed: boolean; minutes: number[] }): Promise<ServiceAreasOut> {
  const bands = [...q.minutes].sort((a, b) => b - a);
  const c = await coverageQuery(db, nowIso, { facility: q.facility, mode: q.mode, avoidSealed: q.avoidSealed, minutes: bands[0] });
  const { graph } = c.network.source;
  // The bands of a search are kept beside it: the dissolve is the costly part, and the map asks again on every pan back.
  let kept = drawn.get(c.times);
  if (!kept) drawn.set(c.times, (kept = new Map()));
  let areas = kept.get(bands.join(','));
  if (!areas) kept.set(bands.join(','), (areas = serviceAreas(graph, c.network.costs, c.times, bands, c.facilitySnap).map(rounded)));
  return {
    facility: q.facility, mode: q.mode, avoidSealed: q.avoidSealed,
    bands: { type: 'FeatureCollection', features: areas.map((a) => ({ type: 'Feature',
      // No place within the band (no facility on the network): an empty MultiPolygon keeps one feature per band.
      geometry: a.geometry ?? { type: 'MultiPolygon', coordinates: [] },
      properties: { minutes: a.minutes, areaSquareMeters: a.areaSquareMeters } })) },
    facilities: c.facilities,
    sealedZoneIds: c.network.sealedZoneIds,
  };
}

export async function summaryOut(db: Db, nowIso: string, q: CoverageQuery): Promise<CoverageSummaryOut> {
  const c = await coverageQuery(db, nowIso, q);
  return { ...q, ...coverageRows(c.input, q.minutes), facilities: c.facilities.length };
}

export async function uncoveredOut(db: Db, nowIso: string, q: CoverageQuery): Promise<UncoveredOut> {
  const c = await coverageQuery(db, nowIso, q);
  const { points } = c.network.source;
  return uncoveredCells(c.input, q.minutes, points.lng, points.lat);
}

export async function withinOut(db: Db, nowIso: string, q: CoverageQuery, polygon: Polygon | MultiPolygon): Promise<CoverageRow> {
  const c = await coverageQuery(db, nowIso, q);
  const { points } = c.network.source;
  return coverageInPolygon(c.input, q.minutes, points.lng, points.lat, polygon);
}

// The coverage answers (domain/coverage/types.ts) as the GeoJSON the coverage layers draw: the
// bands longest first with the asked one marked, facilities, numbered placement picks, suggested
// checkpoints and the route with its two ends. Pure.
import type { Feature, FeatureCollection, Point } from 'geojson';
import type {
  CheckpointSuggestion, FacilityOut, PlacementPick, RouteOut, ServiceAreasOut, UncoveredOut,
} from '../../domain/coverage/types.ts';
import type { CoverageLayer } from './coverage-styles.ts';

const collection = (features: Feature[]): FeatureCollection => ({ type: 'FeatureCollection', features });
const point = (lng: number, lat: number, properties: Record<string, unknown>, id?: number): Feature<Point> =>
  ({ type: 'Feature', ...(id === undefined ? {} : { id }), geometry: { type: 'Point', coordinates: [lng, lat] }, properties });

/** Longest first (drawn first, so shorter bands lie on top); `asked` marks the band of the question. */
export function bandFeatures(areas: ServiceAreasOut | null, askedMinutes: number): FeatureCollection {
  const bands = [...(areas?.bands.features ?? [])].filter((f) => f.geometry !== null)
    .sort((a, b) => b.properties.minutes - a.properties.minutes);
  return collection(bands.map((f) => ({ ...f, properties: { ...f.properties, asked: f.properties.minutes === askedMinutes } })));
}

export const facilityFeatures = (facilities: readonly FacilityOut[]): FeatureCollection =>
  collection(facilities.map((f) => point(f.lng, f.lat, { id: f.id, name: f.name, onNetwork: f.onNetwork, insideSealed: f.insideSealed }, f.id)));

/** Numbered 1…K in the order the greedy search chose them. */
export const pickFeatures = (picks: readonly PlacementPick[]): FeatureCollection =>
  collection(picks.map((p, i) => point(p.lng, p.lat, { rank: i + 1, name: p.name, kind: p.kind, addedResidents: p.addedResidents }, p.placeId)));

export const checkpointFeatures = (suggestions: readonly CheckpointSuggestion[]): FeatureCollection =>
  collection(suggestions.map((s, i) => point(s.lng, s.lat, { zoneId: s.zoneId, roadName: s.roadName ?? '', roadClass: s.roadClass }, i + 1)));

/** The line and its ends: where the planner clicked ('from') and the facility reached ('to'). */
export function routeFeatures(route: RouteOut | null, from: readonly [number, number] | null): FeatureCollection {
  const features: Feature[] = [];
  if (route?.found && route.route) features.push({ type: 'Feature', geometry: route.route, properties: { minutes: route.minutes, meters: route.meters } });
  if (from) features.push(point(from[0], from[1], { end: 'from' }));
  if (route?.found && route.facility) features.push(point(route.facility.lng, route.facility.lat, { end: 'to', name: route.facility.name }));
  return collection(features);
}

export interface CoverageAnswers {
  areas: ServiceAreasOut | null; askedMinutes: number; uncovered: UncoveredOut | null; picks: readonly PlacementPick[];
  checkpoints: readonly CheckpointSuggestion[]; route: RouteOut | null; routeFrom: readonly [number, number] | null;
}

/** Every coverage source's data; null until its answer has come. */
export function coverageCollections(a: CoverageAnswers): Record<CoverageLayer, FeatureCollection | null> {
  return {
    bands: a.areas ? bandFeatures(a.areas, a.askedMinutes) : null,
    uncovered: a.uncovered,
    facilities: a.areas ? facilityFeatures(a.areas.facilities) : null,
    picks: pickFeatures(a.picks),
    checkpoints: checkpointFeatures(a.checkpoints),
    route: routeFeatures(a.route, a.routeFrom),
  };
}

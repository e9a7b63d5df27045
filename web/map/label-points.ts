// One label point per polygon feature. GeoJSON sources are cut into tiles, and MapLibre labels
// each clipped piece of a polygon, which repeats names along tile edges; a point source does not.
import { area, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon, Position } from 'geojson';

/** A point well inside the feature's largest part: its centre of mass, or any inside point. */
export function labelPoint(feature: Feature): Position | null {
  const g = feature.geometry;
  if (!g) return null;
  if (g.type === 'Point') return g.coordinates;
  let polygon: Polygon | null = null;
  if (g.type === 'Polygon') polygon = g;
  if (g.type === 'MultiPolygon') {
    let best = -1;
    for (const coordinates of g.coordinates) {
      const candidate: Polygon = { type: 'Polygon', coordinates };
      const a = area(candidate);
      if (a > best) { best = a; polygon = candidate; }
    }
  }
  if (!polygon || polygon.coordinates.length === 0 || polygon.coordinates[0].length < 4) return null;
  const centre = centerOfMass(polygon).geometry.coordinates;
  if (booleanPointInPolygon(centre, polygon)) return centre;
  return pointOnFeature(polygon).geometry.coordinates;
}

/** Point features carrying the same id and properties, for the `<source>-labels` sources. */
export function labelPoints(collection: FeatureCollection): FeatureCollection<Point> {
  const features: Feature<Point>[] = [];
  for (const f of collection.features) {
    const coordinates = labelPoint(f);
    if (!coordinates) continue;
    features.push({ type: 'Feature', id: f.id, properties: f.properties, geometry: { type: 'Point', coordinates } });
  }
  return { type: 'FeatureCollection', features };
}

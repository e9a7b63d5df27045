// terra-draw's `snapping.toCustom` for the /plan map: the building and compound polygons drawn
// near the pointer (queryRenderedFeatures in a box of the tolerance), their rings projected to
// screen pixels, and snap.ts picks the corner or edge point. Only what is rendered can attract
// the pen, so snapping works from the zoom where buildings appear (14) and costs one small
// rendered-feature query per pointer move.
import type { Map, MapGeoJSONFeature, PointLike } from 'maplibre-gl';
import type { Position } from 'geojson';
import type { TerraDrawMouseEvent } from 'terra-draw';
import { nearestSnap, SNAP_TOLERANCE_PX, type ScreenPoint } from './snap.ts';

/** terra-draw refuses coordinates finer than its precision (9 decimals by default); 8 is ~1 mm. */
export const roundCoordinate = (v: number): number => Math.round(v * 1e8) / 1e8;
export const roundRing = (ring: Position[]): Position[] => ring.map((p) => [roundCoordinate(p[0]), roundCoordinate(p[1])]);

/** Polygon rings of the rendered features of `layers` within the tolerance of (x, y), in pixels. */
function ringsNear(map: Map, layers: readonly string[], x: number, y: number): ScreenPoint[][] {
  const present = layers.filter((id) => map.getLayer(id));
  if (present.length === 0) return [];
  const t = SNAP_TOLERANCE_PX;
  const box: [PointLike, PointLike] = [[x - t, y - t], [x + t, y + t]];
  const rings: ScreenPoint[][] = [];
  const add = (ring: Position[]) => rings.push(ring.map((c) => map.project([c[0], c[1]])));
  for (const f of map.queryRenderedFeatures(box, { layers: present }) as MapGeoJSONFeature[]) {
    const g = f.geometry;
    if (g.type === 'Polygon') g.coordinates.forEach(add);
    if (g.type === 'MultiPolygon') g.coordinates.forEach((p) => p.forEach(add));
  }
  return rings;
}

export function snapToRendered(map: Map, layers: () => readonly string[]): (event: TerraDrawMouseEvent) => Position | undefined {
  return (event) => {
    const hit = nearestSnap({ x: event.containerX, y: event.containerY }, ringsNear(map, layers(), event.containerX, event.containerY));
    if (!hit) return undefined;
    const at = map.unproject([hit.point.x, hit.point.y]);
    return [roundCoordinate(at.lng), roundCoordinate(at.lat)];
  };
}

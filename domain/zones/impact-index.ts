// The spatial index behind "what does this polygon hold?" (issue 4 item 4: the impact panel
// updates while a planner draws, so one query must stay well under the ~250 ms debounce). Built
// once per database by the server: households and building centroids as points in KDBush (static
// k-d tree, range queries in O(√n + k)), road segments as boxes in Flatbush (packed Hilbert
// R-tree), both by Vladimir Agafonkin. Columns are typed arrays, not objects, so a query touches
// contiguous memory only.
import KDBush from 'kdbush';
import Flatbush from 'flatbush';

export interface ImpactSource {
  households: { lng: number; lat: number; residents: number; over65: number; buildingId: number | null }[];
  /** Centroids (the bbox centre is fine at building size). */
  buildings: { id: number; lng: number; lat: number }[];
  roads: { id: number; name: string | null; roadClass: string; coordinates: [number, number][] }[];
}

/** Points in a k-d tree plus their coordinates in insertion order: KDBush answers with insertion
 * ids but sorts its own `coords`, so the exact test needs this unsorted copy. */
export interface PointLayer { tree: KDBush; xy: Float64Array }

export interface ImpactIndex {
  households: PointLayer;
  householdResidents: Int32Array;
  householdOver65: Int32Array;
  buildings: PointLayer;
  /** One box per road segment; `segmentRoad[i]` is the road's position in `roads`, `segmentStart[i]`
   * the offset of the segment's first vertex in `roadCoords` (x, y pairs). */
  segments: Flatbush | null;
  segmentRoad: Int32Array;
  segmentStart: Int32Array;
  roadCoords: Float64Array;
  /** Vertex offsets: road r's vertices are roadVertexStart[r] … roadVertexStart[r + 1] − 1. */
  roadVertexStart: Int32Array;
  roads: { id: number; name: string | null; roadClass: string }[];
}

function pointLayer(points: readonly { lng: number; lat: number }[]): PointLayer {
  const tree = new KDBush(Math.max(points.length, 1));
  const xy = new Float64Array(points.length * 2);
  points.forEach((p, i) => { tree.add(p.lng, p.lat); xy[i * 2] = p.lng; xy[i * 2 + 1] = p.lat; });
  if (points.length === 0) tree.add(NaN, NaN); // KDBush needs ≥ 1 item; NaN matches no range
  return { tree: tree.finish(), xy };
}

export function buildImpactIndex(src: ImpactSource): ImpactIndex {
  const householdResidents = Int32Array.from(src.households, (h) => h.residents);
  const householdOver65 = Int32Array.from(src.households, (h) => h.over65);

  const vertexCount = src.roads.reduce((n, r) => n + r.coordinates.length, 0);
  const segmentCount = src.roads.reduce((n, r) => n + Math.max(0, r.coordinates.length - 1), 0);
  const roadCoords = new Float64Array(vertexCount * 2);
  const segmentRoad = new Int32Array(segmentCount);
  const segmentStart = new Int32Array(segmentCount);
  const roadVertexStart = new Int32Array(src.roads.length + 1);
  const segments = segmentCount > 0 ? new Flatbush(segmentCount) : null;
  let v = 0, s = 0;
  src.roads.forEach((road, r) => {
    roadVertexStart[r] = v;
    road.coordinates.forEach(([x, y], i) => {
      roadCoords[v * 2] = x; roadCoords[v * 2 + 1] = y;
      if (i > 0) {
        const px = roadCoords[(v - 1) * 2], py = roadCoords[(v - 1) * 2 + 1];
        segmentRoad[s] = r; segmentStart[s] = (v - 1) * 2; s++;
        segments!.add(Math.min(px, x), Math.min(py, y), Math.max(px, x), Math.max(py, y));
      }
      v++;
    });
  });
  roadVertexStart[src.roads.length] = v;
  segments?.finish();

  return {
    households: pointLayer(src.households), householdResidents, householdOver65,
    buildings: pointLayer(src.buildings),
    segments, segmentRoad, segmentStart, roadCoords, roadVertexStart,
    roads: src.roads.map(({ id, name, roadClass }) => ({ id, name, roadClass })),
  };
}

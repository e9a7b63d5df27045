// The routing graph's shape, shared by its builder (graph.ts), the searches (dijkstra.ts,
// route.ts), the service areas (domain/coverage/isochrones.ts) and the coverage counts. Typed
// arrays, not objects: the demo's 48,000 road vertices and a city's million must search in
// milliseconds (a Dijkstra over objects spends its time in the allocator).
import type { RoadClass } from '../layers.ts';

export type TravelMode = 'walk' | 'drive';
export const TRAVEL_MODES: readonly TravelMode[] = ['walk', 'drive'];

/** A road as read from the `roads` table or an imported file: WGS-84 [lng, lat] vertices. */
export interface RoadInput {
  id: number;
  roadClass: RoadClass;
  oneway: boolean; // drive mode only: traffic goes from the first vertex to the last
  coordinates: readonly (readonly [number, number])[];
}

/**
 * Every road vertex is a node (vertices of different roads at the same position, to 1e-7°, are
 * one node: the demo's roads meet only at shared vertices, and OSM-style data shares interior
 * vertices at junctions); every pair of consecutive vertices is an edge. Adjacency is CSR:
 * the edges touching node n are adjEdge[adjStart[n] .. adjStart[n + 1]).
 */
export interface RoadGraph {
  nodeCount: number;
  lng: Float64Array; lat: Float64Array; // per node, WGS-84
  x: Float64Array; y: Float64Array; // per node, metres in `projection` (local-projection.ts)
  projection: import('../geometry/local-projection.ts').LocalProjection;
  edgeCount: number;
  edgeFrom: Int32Array; edgeTo: Int32Array; // node ids; `from` → `to` is the road's digitised direction
  edgeMeters: Float64Array;
  edgeClass: Uint8Array; // index into ROAD_CLASSES
  edgeRoad: Int32Array; // the road's id
  edgeOneway: Uint8Array; // 1: drive only from → to
  adjStart: Int32Array; // nodeCount + 1
  adjEdge: Int32Array; // 2 × edgeCount entries
}

/** Where points meet the network: the nearest edge, the fraction along it from edgeFrom, and
 * the straight-line metres from the point to that spot (walked, at the walking speed, in both modes). */
export interface Snapped {
  edge: Int32Array; // -1: no edge within the snap limit
  t: Float64Array; // 0 at edgeFrom, 1 at edgeTo
  accessMeters: Float64Array;
}

/** Minutes to cross each edge in a mode (Infinity: not allowed, e.g. walking on an expressway
 * or an edge blocked by a sealed zone); the reverse direction is allowed unless oneway (drive). */
export interface EdgeCosts {
  mode: TravelMode;
  minutes: Float64Array; // per edge
  /** Drive: 1 where only from → to may be driven. Walk: all 0. */
  forwardOnly: Uint8Array;
}

/** A multi-source search's answer: minutes from the nearest source to each node (Infinity beyond
 * the cutoff or unreachable) and which source that was (-1: none). */
export interface NodeTimes {
  minutes: Float64Array;
  source: Int32Array;
  /** The edge the best path arrived by (-1 at a source's first nodes or unreached). */
  viaEdge: Int32Array;
}

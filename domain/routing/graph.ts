// Roads → the routing graph of types.ts. Vertices at the same position (to 1e-7°, ~1 cm) are
// one node, found with an open-addressing hash on the quantised integer coordinates (a string
// Map costs ~10× more at a city's million vertices). Edge lengths are metres in a local
// projection centred on the data (local-projection.ts: ~0.1 % over a district).
import { ROAD_CLASSES } from '../layers.ts';
import { localProjectionFor } from '../geometry/local-projection.ts';
import type { RoadGraph, RoadInput } from './types.ts';

const QUANTUM = 1e7; // units per degree

export function buildRoadGraph(roads: readonly RoadInput[]): RoadGraph {
  let vertexCount = 0;
  let minLng = Infinity, minLat = Infinity, maxLng = -Infinity, maxLat = -Infinity;
  for (const road of roads) {
    vertexCount += road.coordinates.length;
    for (const [lng, lat] of road.coordinates) {
      if (lng < minLng) minLng = lng;
      if (lng > maxLng) maxLng = lng;
      if (lat < minLat) minLat = lat;
      if (lat > maxLat) maxLat = lat;
    }
  }
  const projection = localProjectionFor(vertexCount ? [[minLng, minLat], [maxLng, maxLat]] : []);

  // Nodes: hash table of node ids keyed by (qLng, qLat); power-of-two size, load ≤ 0.5.
  let size = 16;
  while (size < vertexCount * 2) size <<= 1;
  const slots = new Int32Array(size).fill(-1);
  const qLng = new Int32Array(vertexCount), qLat = new Int32Array(vertexCount);
  const lng = new Float64Array(vertexCount), lat = new Float64Array(vertexCount);
  let nodeCount = 0;
  const nodeAt = (x: number, y: number): number => {
    const qx = Math.round(x * QUANTUM), qy = Math.round(y * QUANTUM);
    let h = (Math.imul(qx, 0x9e3779b1) ^ Math.imul(qy, 0x85ebca6b)) & (size - 1);
    for (;;) {
      const n = slots[h];
      if (n < 0) break;
      if (qLng[n] === qx && qLat[n] === qy) return n;
      h = (h + 1) & (size - 1);
    }
    slots[h] = nodeCount;
    qLng[nodeCount] = qx; qLat[nodeCount] = qy;
    lng[nodeCount] = x; lat[nodeCount] = y;
    return nodeCount++;
  };

  const maxEdges = Math.max(0, vertexCount - roads.length);
  const edgeFrom = new Int32Array(maxEdges), edgeTo = new Int32Array(maxEdges);
  const edgeClass = new Uint8Array(maxEdges), edgeRoad = new Int32Array(maxEdges), edgeOneway = new Uint8Array(maxEdges);
  let edgeCount = 0;
  for (const road of roads) {
    const cls = ROAD_CLASSES.indexOf(road.roadClass);
    if (cls < 0) throw new Error(`road ${road.id}: unknown class ${road.roadClass}`);
    let prev = -1;
    for (const [x, y] of road.coordinates) {
      const n = nodeAt(x, y);
      if (prev >= 0 && n !== prev) { // a repeated vertex is not an edge
        edgeFrom[edgeCount] = prev; edgeTo[edgeCount] = n;
        edgeClass[edgeCount] = cls; edgeRoad[edgeCount] = road.id; edgeOneway[edgeCount] = road.oneway ? 1 : 0;
        edgeCount++;
      }
      prev = n;
    }
  }

  const x = new Float64Array(nodeCount), y = new Float64Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) {
    x[n] = (lng[n] - projection.originLng) * projection.metersPerDegreeLng;
    y[n] = (lat[n] - projection.originLat) * projection.metersPerDegreeLat;
  }
  const edgeMeters = new Float64Array(edgeCount);
  for (let e = 0; e < edgeCount; e++) edgeMeters[e] = Math.hypot(x[edgeTo[e]] - x[edgeFrom[e]], y[edgeTo[e]] - y[edgeFrom[e]]);

  // CSR adjacency: each edge listed at both ends (direction is checked by the searches).
  const adjStart = new Int32Array(nodeCount + 1);
  for (let e = 0; e < edgeCount; e++) { adjStart[edgeFrom[e] + 1]++; adjStart[edgeTo[e] + 1]++; }
  for (let n = 0; n < nodeCount; n++) adjStart[n + 1] += adjStart[n];
  const fill = adjStart.slice(0, nodeCount);
  const adjEdge = new Int32Array(2 * edgeCount);
  for (let e = 0; e < edgeCount; e++) { adjEdge[fill[edgeFrom[e]]++] = e; adjEdge[fill[edgeTo[e]]++] = e; }

  return {
    nodeCount, lng: lng.slice(0, nodeCount), lat: lat.slice(0, nodeCount), x, y, projection,
    edgeCount, edgeFrom: edgeFrom.slice(0, edgeCount), edgeTo: edgeTo.slice(0, edgeCount), edgeMeters,
    edgeClass: edgeClass.slice(0, edgeCount), edgeRoad: edgeRoad.slice(0, edgeCount), edgeOneway: edgeOneway.slice(0, edgeCount),
    adjStart, adjEdge,
  };
}

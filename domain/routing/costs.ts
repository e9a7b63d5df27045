// Minutes per edge for a mode; Infinity where the mode may not go or a sealed zone blocks.
import { speedsByClassIndex } from './speeds.ts';
import type { EdgeCosts, RoadGraph, TravelMode } from './types.ts';

const METERS_PER_KM = 1000, MINUTES_PER_HOUR = 60;

/** `blocked`: 1 per edge that may not be used (blocked.ts: edges touching a sealed zone). */
export function edgeCosts(graph: RoadGraph, mode: TravelMode, blocked?: Uint8Array): EdgeCosts {
  const kmh = speedsByClassIndex(mode);
  const minutes = new Float64Array(graph.edgeCount);
  const forwardOnly = new Uint8Array(graph.edgeCount);
  for (let e = 0; e < graph.edgeCount; e++) {
    const speed = kmh[graph.edgeClass[e]];
    minutes[e] = speed > 0 && !(blocked && blocked[e]) ? (graph.edgeMeters[e] / (speed * METERS_PER_KM)) * MINUTES_PER_HOUR : Infinity;
    // One-way signs bind vehicles, not pedestrians (walk: every edge both ways).
    if (mode === 'drive') forwardOnly[e] = graph.edgeOneway[e];
  }
  return { mode, minutes, forwardOnly };
}

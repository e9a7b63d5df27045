// The positions along the road network that a service-area band buffers: every reached node, a
// fixed lattice along every reached edge, and the exact frontier point where a band's time runs
// out part-way along an edge. Each position is reached at one time (the earliest over the
// edge's two ends and any source on the edge), so it belongs to every band whose time allows it:
// a band's positions are a superset of every smaller band's, which makes the dissolved bands
// nest (a union of more disks covers the union of fewer; only the 32-gon drawing of the circles
// can stick out, by under 0.5 % of the radius).
import { bucketByEdge } from '../routing/point-times.ts';
import { accessMinutes } from '../routing/speeds.ts';
import type { EdgeCosts, NodeTimes, RoadGraph, Snapped } from '../routing/types.ts';

/** Growable x,y list. */
class XY {
  data = new Float64Array(1024);
  length = 0;
  push(x: number, y: number): void {
    if (this.length + 2 > this.data.length) {
      const grown = new Float64Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = x;
    this.data[this.length++] = y;
  }
}

/**
 * For ascending `reachMinutes` (the latest arrival each band's positions may have), the x,y
 * positions (graph projection metres) of each band, `stepMeters` apart at most along each edge.
 * `sources` (optional): the facilities' snapped spots, so an edge whose ends lie beyond a band
 * still yields the stretch around a facility standing on it.
 */
export function bandPositions(graph: RoadGraph, costs: EdgeCosts, times: NodeTimes, reachMinutes: readonly number[], stepMeters: number, sources?: Snapped): Float64Array[] {
  const bands = reachMinutes.length;
  const latest = bands > 0 ? reachMinutes[bands - 1] : -Infinity;
  const firstBand = (minutes: number): number => {
    for (let i = 0; i < bands; i++) if (minutes <= reachMinutes[i]) return i;
    return -1;
  };
  const buckets = Array.from({ length: bands }, () => new XY());
  const { x, y } = graph;
  for (let n = 0; n < graph.nodeCount; n++) {
    const b = firstBand(times.minutes[n]);
    if (b >= 0) buckets[b].push(x[n], y[n]);
  }
  const onEdge = sources ? bucketByEdge(graph.edgeCount, sources) : null;
  // The origins of the walk along the current edge (its reached ends and the sources on it):
  // position in metres from edgeFrom, arrival minutes, and whether it may go forward (towards
  // edgeTo) / backward. Plain arrays reused across edges: this loop runs over every edge.
  const oAt: number[] = [], oMinutes: number[] = [], oForward: boolean[] = [], oBackward: boolean[] = [];
  let perMeter = 0;
  const timeAt = (at: number): number => {
    let best = Infinity;
    for (let o = 0; o < oAt.length; o++) {
      const d = at - oAt[o];
      if ((d >= 0 && oForward[o]) || (d <= 0 && oBackward[o])) {
        const m = oMinutes[o] + Math.abs(d) * perMeter;
        if (m < best) best = m;
      }
    }
    return best;
  };
  const addOrigin = (at: number, minutes: number, forward: boolean, backward: boolean) => {
    oAt.push(at); oMinutes.push(minutes); oForward.push(forward); oBackward.push(backward);
  };
  for (let e = 0; e < graph.edgeCount; e++) {
    const cost = costs.minutes[e];
    const len = graph.edgeMeters[e];
    if (!(cost < Infinity) || !(len > 0)) continue;
    const from = graph.edgeFrom[e], to = graph.edgeTo[e];
    const forwardOnly = costs.forwardOnly[e] === 1;
    const sourcesHere = onEdge ? onEdge.start[e + 1] - onEdge.start[e] : 0;
    if (!(times.minutes[from] <= latest) && !(times.minutes[to] <= latest && !forwardOnly) && sourcesHere === 0) continue;
    oAt.length = 0; oMinutes.length = 0; oForward.length = 0; oBackward.length = 0;
    if (times.minutes[from] <= latest) addOrigin(0, times.minutes[from], true, false);
    if (!forwardOnly && times.minutes[to] <= latest) addOrigin(len, times.minutes[to], false, true);
    for (let k = 0; k < sourcesHere; k++) {
      const s = onEdge!.at[onEdge!.start[e] + k];
      const minutes = accessMinutes(sources!.accessMeters[s]);
      if (minutes <= latest) addOrigin(sources!.t[s] * len, minutes, true, !forwardOnly);
    }
    if (oAt.length === 0) continue;
    perMeter = cost / len;
    const x0 = x[from], y0 = y[from], ux = (x[to] - x0) / len, uy = (y[to] - y0) / len;
    // The lattice: fixed positions, the same for every band (ends excluded: they are nodes).
    const steps = Math.ceil(len / stepMeters);
    for (let k = 1; k < steps; k++) {
      const at = (k * len) / steps;
      const b = firstBand(timeAt(at));
      if (b >= 0) buckets[b].push(x0 + ux * at, y0 + uy * at);
    }
    // Sources' spots and each band's frontier, where the band's time runs out inside the edge.
    for (let o = 0, count = oAt.length; o < count; o++) {
      const start = oAt[o];
      if (start > 0 && start < len) { const b = firstBand(oMinutes[o]); if (b >= 0) buckets[b].push(x0 + ux * start, y0 + uy * start); }
      if (perMeter === 0) continue;
      for (let i = 0; i < bands; i++) {
        const reachMeters = (reachMinutes[i] - oMinutes[o]) / perMeter;
        if (!(reachMeters > 0)) continue;
        for (let side = 0; side < 2; side++) {
          if (side === 0 ? !oForward[o] : !oBackward[o]) continue;
          const at = side === 0 ? start + reachMeters : start - reachMeters;
          // Only a true frontier: a point another origin reaches sooner lies inside the band.
          if (at > 0 && at < len && timeAt(at) >= reachMinutes[i] - 1e-9) buckets[i].push(x0 + ux * at, y0 + uy * at);
        }
      }
    }
  }
  const out: Float64Array[] = [];
  let total = 0;
  for (let i = 0; i < bands; i++) {
    total += buckets[i].length;
    const xy = new Float64Array(total);
    let offset = 0;
    for (let j = 0; j <= i; j++) { xy.set(buckets[j].data.subarray(0, buckets[j].length), offset); offset += buckets[j].length; }
    out.push(xy);
  }
  return out;
}

// Most likely and secondary clusters, as SaTScan reports them with its default criterion "no
// geographical overlap" (SaTScan User Guide v10, "Secondary clusters"): take the circles in order
// of their best log likelihood ratio and keep one only when it shares no location with any kept
// before it. Each circle enters with its own best window, so one place is never reported twice
// with different time spans.
import type { Circles } from './cylinders.ts';

/** Indices of up to `maxClusters` circles with llr > 0, most likely first, pairwise without a common location. */
export function pickNonOverlapping(circles: Circles, llr: Float64Array, locationCount: number, maxClusters: number): number[] {
  const candidates: number[] = [];
  for (let q = 0; q < llr.length; q++) if (llr[q] > 0) candidates.push(q);
  candidates.sort((a, b) => llr[b] - llr[a] || a - b);
  const taken = new Uint8Array(locationCount);
  const picked: number[] = [];
  for (const q of candidates) {
    if (picked.length >= maxClusters) break;
    const start = circles.nbStart[circles.centre[q]], end = start + circles.size[q];
    let overlaps = false;
    for (let k = start; k < end && !overlaps; k++) overlaps = taken[circles.neighbours[k]] === 1;
    if (overlaps) continue;
    for (let k = start; k < end; k++) taken[circles.neighbours[k]] = 1;
    picked.push(q);
  }
  return picked;
}

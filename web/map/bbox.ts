// Viewport boxes, [minLng, minLat, maxLng, maxLat] in degrees: decide whether a per-viewport
// layer must be fetched again after the map moved.

export type Bbox = readonly [number, number, number, number];

/** True when `inner` lies entirely within `outer`. */
export function containsBbox(outer: Bbox, inner: Bbox): boolean {
  return inner[0] >= outer[0] && inner[1] >= outer[1] && inner[2] <= outer[2] && inner[3] <= outer[3];
}

/** Grows a box by `fraction` of its width/height on every side, so small pans need no fetch. */
export function padBbox(b: Bbox, fraction: number): Bbox {
  const dx = (b[2] - b[0]) * fraction;
  const dy = (b[3] - b[1]) * fraction;
  return [b[0] - dx, b[1] - dy, b[2] + dx, b[3] + dy];
}

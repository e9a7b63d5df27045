// The wall map's unattended tour: the district, the hottest area, the district, the next area…
// Pure: the step number in, the stop out; WallFocus.vue moves the camera and keeps the time.
import type { HotArea } from './wall-types.ts';

export type FocusStop = { kind: 'district' } | { kind: 'area'; area: HotArea };

/** How long the camera rests on a hot area, and on the district between two areas. */
export const AREA_DWELL_MS = 20_000;
export const DISTRICT_DWELL_MS = 12_000;

/** Stop `step` (0, 1, 2, …) of the tour: even steps are the district, odd ones the areas in turn. */
export function focusStop(step: number, areas: readonly HotArea[]): FocusStop {
  if (areas.length === 0 || step % 2 === 0) return { kind: 'district' };
  return { kind: 'area', area: areas[((step - 1) / 2) % areas.length] };
}

export const dwellMs = (stop: FocusStop): number => (stop.kind === 'area' ? AREA_DWELL_MS : DISTRICT_DWELL_MS);

/**
 * Whether a WebGL renderer string names a software rasteriser (SwiftShader, llvmpipe, …). There
 * a camera flight renders at about one frame a second at 4K and starves the page for its whole
 * length, so the tour cuts from stop to stop instead of flying.
 */
export const isSoftwareRenderer = (renderer: string): boolean => /swiftshader|llvmpipe|softpipe|software|microsoft basic render/i.test(renderer);

/** A bbox too small to frame (a single point) grows to at least `minDegrees` across. */
export function framedBbox(bbox: readonly [number, number, number, number], minDegrees = 0.01): [number, number, number, number] {
  const [w, s, e, n] = bbox;
  const padLng = Math.max(0, (minDegrees - (e - w)) / 2);
  const padLat = Math.max(0, (minDegrees - (n - s)) / 2);
  return [w - padLng, s - padLat, e + padLng, n + padLat];
}

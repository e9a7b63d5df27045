// The initial style: no tiles, no sprite, no glyph URL — a background, one invisible marker
// layer per draw-order slot, and the font faces. Everything else is added by layer components.
import type { FontFacesSpecification, StyleSpecification } from 'maplibre-gl';
import { BASE_COLORS } from './palette.ts';
import { SLOTS, slotMarkerId } from './style-kit.ts';

/** The demo district's extent, [minLng, minLat, maxLng, maxLat] (WGS-84). */
export const DISTRICT_BOUNDS = [114.047, 36.342, 114.31, 36.574] as const;
/** The district seat (区政府驻地). */
export const DISTRICT_SEAT = [114.2039, 36.4204] as const;

export function baseStyle(fontFaces: FontFacesSpecification): StyleSpecification {
  return {
    version: 8,
    name: 'shouwang-offline',
    sources: {},
    'font-faces': fontFaces,
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': BASE_COLORS.background } },
      ...SLOTS.map((slot) => ({
        id: slotMarkerId(slot), type: 'background' as const, layout: { visibility: 'none' as const },
      })),
    ],
  };
}

/**
 * Panning stops outside the district, where there is nothing to see. The margins (degrees) are
 * wide enough that a 16:9 screen can still fit the whole district: MapLibre zooms in rather
 * than show more than maxBounds, which would crop the district's north and south.
 */
export function panBounds(marginLng = 0.45, marginLat = 0.25): [number, number, number, number] {
  const [w, s, e, n] = DISTRICT_BOUNDS;
  return [w - marginLng, s - marginLat, e + marginLng, n + marginLat];
}

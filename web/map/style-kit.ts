// Building blocks shared by the style functions: the label font, the draw-order slots and
// small expression helpers. Pure; only maplibre *types* are imported.
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';

/** The text-font name; base-style.ts maps it to the Noto Sans SC woff2 slices (`font-faces`). */
export const FONT = 'Noto Sans SC Regular';

/**
 * Draw order. The initial style holds one invisible marker layer per slot, and every layer is
 * added just below its slot's marker, so the order does not depend on which data loads first.
 */
export const SLOTS = ['base', 'boundaries', 'zones', 'labels', 'points'] as const;
export type Slot = (typeof SLOTS)[number];
export const slotMarkerId = (slot: Slot): string => `slot:${slot}`;

export interface SlottedLayer {
  slot: Slot;
  spec: LayerSpecification;
}

/** `['match', ['get', prop], k1, v1, …, fallback]` from a lookup table. */
export function matchBy(prop: string, table: Readonly<Record<string, string | number>>,
  fallback: string | number): ExpressionSpecification {
  const pairs = Object.entries(table).flat();
  return ['match', ['get', prop], ...pairs, fallback] as unknown as ExpressionSpecification;
}

/** A filter keeping features whose `prop` is one of `values`. */
export function inValues(prop: string, values: readonly string[]): ExpressionSpecification {
  return ['in', ['get', prop], ['literal', [...values]]];
}

/** Linear zoom ramp: `[[zoom, value], …]` → an interpolate expression. */
export function zoomRamp(stops: readonly (readonly [number, number])[]): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as unknown as ExpressionSpecification;
}

/** Common halo text paint, legible over fills and lines. */
export const haloText = (color: string, haloWidth = 1.5) => ({
  'text-color': color,
  'text-halo-color': '#ffffff',
  'text-halo-width': haloWidth,
});

// The Gi* cells are hatched, not only tinted: on /plan and /wall they sit under sealed zones drawn
// in the same reds, and a hatch still reads as "hot spot" through a zone's fill. Hot cells are
// striped '/', cold cells '\' (a cue that does not rely on colour). Pure: RGBA tiles for
// map.addImage, sized by the wall's scale so the 4K wall shows the same stripes at 2×.
import type { HotSpotClass } from '../../domain/analysis/types.ts';

export type DrawnClass = Exclude<HotSpotClass, 'none'>;
export interface HatchImage { width: number; height: number; data: Uint8Array }

/** Stripe period and width in CSS px at scale 1. */
export const HATCH_PERIOD_PX = 8;
export const HATCH_STRIPE_PX = 3;

export const hatchImageId = (cls: DrawnClass, scale = 1): string => `analysis-hatch-${cls}@${scale}`;

const rgb = (hex: string): [number, number, number] =>
  [parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)];

/**
 * One square tile of diagonal stripes in `hex` (opaque) on transparent. A pixel is on when
 * (x ± y) mod period < stripe, so the tile repeats seamlessly in both directions.
 */
export function hatchImage(hex: string, rising: boolean, scale = 1): HatchImage {
  const period = Math.max(4, Math.round(HATCH_PERIOD_PX * scale));
  const stripe = Math.max(1, Math.round(HATCH_STRIPE_PX * scale));
  const [r, g, b] = rgb(hex);
  const data = new Uint8Array(period * period * 4);
  for (let y = 0; y < period; y++) {
    for (let x = 0; x < period; x++) {
      const k = rising ? x + y : x - y + period;
      if (k % period >= stripe) continue;
      data.set([r, g, b, 255], (y * period + x) * 4);
    }
  }
  return { width: period, height: period, data };
}

/** Every class's tile for a scale, keyed by its image id. */
export function hatchImages(colors: Record<DrawnClass, string>, scale = 1): [string, HatchImage][] {
  return (Object.entries(colors) as [DrawnClass, string][]).map(([cls, hex]) => [hatchImageId(cls, scale), hatchImage(hex, cls.startsWith('hot'), scale)]);
}

/** The same hatch as a CSS background for the legends (`unit`: 1px, or the wall's var(--u)). */
export function hatchCss(hex: string, rising: boolean, unit = '1px'): string {
  // Stripes `HATCH_PERIOD_PX` apart along x are period/√2 apart across the stripe.
  const across = (n: number) => `calc(${(n / Math.SQRT2).toFixed(2)} * ${unit})`;
  return `repeating-linear-gradient(${rising ? 135 : 45}deg, ${hex} 0 ${across(HATCH_STRIPE_PX)}, `
    + `${hex}40 ${across(HATCH_STRIPE_PX)} ${across(HATCH_PERIOD_PX)})`;
}

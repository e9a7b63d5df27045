// The Gi* cells' hatch tiles: opaque stripes in the class colour on transparent, rising ('/') for
// hot and falling ('\') for cold, seamless when repeated, twice the size on the 2× wall; and the
// legends' CSS version of the same stripes.
import { describe, expect, it } from 'vitest';
import { HATCH_PERIOD_PX, HATCH_STRIPE_PX, hatchCss, hatchImage, hatchImageId, hatchImages } from '../../web/map/analysis-hatch.ts';
import { HOTSPOT_CLASSES, HOTSPOT_COLORS } from '../../web/map/analysis-styles.ts';

const pixel = (img: ReturnType<typeof hatchImage>, x: number, y: number) => [...img.data.slice((y * img.width + x) * 4, (y * img.width + x) * 4 + 4)];
/** Whether the pixel at (x, y) of the tile repeated endlessly is on. */
const on = (img: ReturnType<typeof hatchImage>, x: number, y: number) => pixel(img, x % img.width, y % img.height)[3] === 255;

describe('hatch tiles', () => {
  it('are stripes of the class colour on transparent', () => {
    const img = hatchImage('#b2182b', true);
    expect([img.width, img.height, img.data.length]).toEqual([HATCH_PERIOD_PX, HATCH_PERIOD_PX, HATCH_PERIOD_PX ** 2 * 4]);
    expect(pixel(img, 0, 0)).toEqual([0xb2, 0x18, 0x2b, 255]);
    expect(pixel(img, HATCH_STRIPE_PX, 0)).toEqual([0, 0, 0, 0]);
    const share = [...Array(img.width * img.height).keys()].filter((i) => img.data[i * 4 + 3] === 255).length / (img.width * img.height);
    expect(share).toBeCloseTo(HATCH_STRIPE_PX / HATCH_PERIOD_PX, 9);
  });

  it('rise for hot and fall for cold, and run on across tile edges', () => {
    const hot = hatchImage('#b2182b', true);
    const cold = hatchImage('#2166ac', false);
    // Along a rising stripe: one right, one up stays on; along a falling one: one right, one down.
    for (let x = 1; x < 40; x++) {
      expect(on(hot, x, 40 - x), `hot ${x}`).toBe(true);
      expect(on(cold, x, x), `cold ${x}`).toBe(true);
    }
    expect(on(hot, 1, 1)).toBe(true);
    expect(on(hot, 2, 2)).toBe(false);
  });

  it('scale with the wall, one id per class and scale', () => {
    expect(hatchImage('#b2182b', true, 2).width).toBe(HATCH_PERIOD_PX * 2);
    const all = hatchImages(HOTSPOT_COLORS, 2);
    expect(all.map(([id]) => id)).toEqual(HOTSPOT_CLASSES.map((c) => hatchImageId(c, 2)));
    expect(new Set(all.map(([id]) => id)).size).toBe(6);
    expect(hatchImageId('hot99')).toBe('analysis-hatch-hot99@1');
  });

  it('have a CSS twin for the legends', () => {
    expect(hatchCss('#b2182b', true)).toBe('repeating-linear-gradient(135deg, #b2182b 0 calc(2.12 * 1px), #b2182b40 calc(2.12 * 1px) calc(5.66 * 1px))');
    expect(hatchCss('#2166ac', false, 'var(--u)')).toMatch(/^repeating-linear-gradient\(45deg, #2166ac 0 calc\(2\.12 \* var\(--u\)\)/);
  });
});

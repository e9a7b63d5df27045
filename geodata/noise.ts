// Seeded 2-D value noise and fractal sums of it: smooth, deterministic fields for terrain,
// boundary wobble and density. Hash-based (no permutation table), so a field is fully defined
// by (seed, label) and can be sampled anywhere without precomputation.
import { hashSeed } from './prng.ts';

function lattice(ix: number, iy: number, salt: number): number {
  let h = Math.imul(ix, 0x27d4eb2d) ^ Math.imul(iy, 0x165667b1) ^ salt;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

const fade = (t: number) => t * t * (3 - 2 * t);

/** A field in [-1, 1]; `at(x, y)` has features about one unit apart. */
export interface Field { at(x: number, y: number): number }

export function valueNoise(seed: number, label: string): Field {
  const salt = hashSeed(seed, label) | 0;
  return {
    at(x, y) {
      const ix = Math.floor(x), iy = Math.floor(y);
      const fx = fade(x - ix), fy = fade(y - iy);
      const a = lattice(ix, iy, salt), b = lattice(ix + 1, iy, salt);
      const c = lattice(ix, iy + 1, salt), d = lattice(ix + 1, iy + 1, salt);
      const top = a + (b - a) * fx, bottom = c + (d - c) * fx;
      return 2 * (top + (bottom - top) * fy) - 1;
    },
  };
}

/** Fractal Brownian motion: `octaves` layers, each twice the frequency and `gain` the amplitude. */
export function fbm(seed: number, label: string, octaves = 4, gain = 0.5): Field {
  const layers = Array.from({ length: octaves }, (_, i) => valueNoise(seed, `${label}#${i}`));
  let norm = 0;
  for (let i = 0, a = 1; i < octaves; i++, a *= gain) norm += a;
  return {
    at(x, y) {
      let sum = 0, amp = 1, f = 1;
      for (const layer of layers) { sum += amp * layer.at(x * f + 17.3 * f, y * f - 9.1 * f); amp *= gain; f *= 2; }
      return sum / norm;
    },
  };
}

export const smoothstep = (e0: number, e1: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
};

// Seeded pseudo-random numbers for the demo generator.
// Why our own PRNG: the demo district must be byte-for-byte reproducible from `opts.seed`
// (tests compare two runs; screenshots must not drift), so nothing may read Math.random or the
// clock. mulberry32 (Tommy Ettinger, public domain) is a 32-bit generator with period 2^32 that
// is small, fast and good enough for layout jitter; it is not for cryptography.
// Each module takes its own named stream (`rng(seed, 'roads')`) so that changing how many numbers
// one module draws does not shift every other layer.

// The generator itself lives in domain/stats/prng.ts (the analyses' Monte Carlo uses it too).
import { seededRandom } from '../domain/stats/prng.ts';

export const mulberry32 = seededRandom;

/** FNV-1a over the label, mixed with the seed by a murmur3 finaliser. */
export function hashSeed(seed: number, label: string): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  for (let i = 0; i < label.length; i++) h = Math.imul(h ^ label.charCodeAt(i), 0x01000193);
  h ^= h >>> 16; h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13; h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export class Rng {
  readonly next: () => number;
  constructor(seed: number) { this.next = mulberry32(seed); }

  /** Uniform in [a, b). */
  float(a = 0, b = 1): number { return a + (b - a) * this.next(); }
  /** Uniform integer in [a, b] inclusive. */
  int(a: number, b: number): number { return a + Math.floor(this.next() * (b - a + 1)); }
  chance(p: number): boolean { return this.next() < p; }
  pick<T>(xs: readonly T[]): T { return xs[Math.floor(this.next() * xs.length)]; }

  /** Index drawn with probability proportional to `weights[i]`. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < weights.length; i++) { r -= weights[i]; if (r < 0) return i; }
    return weights.length - 1;
  }

  /** Standard normal (Box–Muller). */
  normal(mean = 0, sd = 1): number {
    const u = 1 - this.next(), v = this.next();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Poisson count (Knuth below 30, a rounded normal above). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const l = Math.exp(-lambda);
    let k = 0, p = 1;
    do { k++; p *= this.next(); } while (p > l);
    return k - 1;
  }

  shuffle<T>(xs: T[]): T[] {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }
}

/** A named, independent stream of the run's seed. */
export function rng(seed: number, label: string): Rng {
  return new Rng(hashSeed(seed, label));
}

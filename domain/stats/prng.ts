// Seeded pseudo-random numbers for domain code that must be reproducible: Monte Carlo tests
// (domain/scan) take a seed so a day's analysis gives the same p-values when it is re-run.
// mulberry32 (Tommy Ettinger, 2017, public domain; the same generator geodata/prng.ts uses for
// the demo) is a 32-bit counter-based generator with period 2^32: small, fast and statistically
// adequate for permutation tests of a few thousand draws per replication; not for cryptography.
// Why not Math.random: it cannot be seeded, so a test or a re-run could not reproduce a result.

/** A generator of uniform floats in [0, 1) with 2^-32 resolution, fully determined by `seed`. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

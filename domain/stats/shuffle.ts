// Fisher–Yates shuffle in Durstenfeld's in-place form (R. Durstenfeld, "Algorithm 235: Random
// permutation", CACM 7(7):420, 1964; Knuth, TAOCP vol. 2, §3.4.2, Algorithm P), run forward so it
// can stop early: after `count` steps xs[0..count) is a uniformly random ordered sample without
// replacement of the whole array, whatever order the array was in before. The scan
// (domain/scan) needs only which cases land on its most recent days, so it draws those few slots
// instead of permuting all cases of the year.

/** Shuffles `xs` in place so that its first `count` entries (default: all) are a uniform random sample. */
export function fisherYates(xs: { length: number; [i: number]: number }, random: () => number, count = xs.length): void {
  const n = xs.length;
  const stop = Math.min(count, n - 1);
  for (let i = 0; i < stop; i++) {
    const j = i + Math.floor(random() * (n - i));
    const t = xs[i];
    xs[i] = xs[j];
    xs[j] = t;
  }
}

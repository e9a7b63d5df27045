// The exact stage of the disk union: for each candidate circle, the arcs no other disk covers.
// A neighbour j at distance d < 2r covers the closed angular interval θ ± acos(d / 2r) of circle i
// (θ = direction i → j). Starting from the whole circle we subtract each neighbour's interval and
// stop as soon as nothing is left, so covered circles cost a handful of neighbours. Each surviving
// arc remembers which neighbour cut its start and its end: that is how rings chain circle → circle
// without matching coordinates (disk-union-rings.ts).
// Angles are radians, CCW from +x; arcs are [start, end) with start ∈ [0, 2π), end > start.
import KDBush from 'kdbush';

const TWO_PI = 2 * Math.PI;
/** a mod 2π in [0, 2π): a tiny negative a would otherwise round to exactly 2π. */
const mod2pi = (a: number) => { const m = a - TWO_PI * Math.floor(a / TWO_PI); return m >= TWO_PI ? 0 : m; };

/** Uncovered arcs, grouped by circle: arcs of circle i are [firstArc[i], firstArc[i + 1]). */
export interface CircleArcs {
  count: number;
  start: Float64Array; end: Float64Array;
  startBy: Int32Array; endBy: Int32Array; // the neighbour whose interval ends at start / begins at end
  firstArc: Int32Array;
  wholeCircles: number[]; // circles no other disk touches: a ring of their own
  index: KDBush;          // over all centres, for the ring stage's fallback at degenerate points
}

export function uncoveredArcs(xy: Float64Array, r: number, candidate: Uint8Array, duplicate: Uint8Array): CircleArcs {
  const n = xy.length >> 1;
  const index = new KDBush(n, 64, Float64Array);
  for (let i = 0; i < n; i++) index.add(xy[2 * i], xy[2 * i + 1]);
  index.finish();
  const near = new Uint32Array(n);
  const out = new ArcBuffer(Math.max(16, n));
  const firstArc = new Int32Array(n + 1);
  const wholeCircles: number[] = [];
  const work = new Work();
  // Strictly less than 2r apart overlap, however little: two whole circles that overlap by 10⁻¹³ m
  // would make an invalid MultiPolygon, a neck of 10⁻⁴ m between their union vertices does not.
  const diameter2 = 4 * r * r;
  for (let i = 0; i < n; i++) {
    firstArc[i] = out.count;
    if (!candidate[i] || duplicate[i]) continue;
    const xi = xy[2 * i], yi = xy[2 * i + 1];
    const found = index.withinInto(xi, yi, 2 * r, near);
    work.reset();
    for (let k = 0; k < found && (work.whole || work.count > 0); k++) {
      const j = near[k];
      if (j === i || duplicate[j]) continue;
      const dx = xy[2 * j] - xi, dy = xy[2 * j + 1] - yi;
      const d2 = dx * dx + dy * dy;
      if (d2 >= diameter2 || d2 === 0) continue; // tangent or apart: no overlap of positive width
      const half = Math.acos(Math.sqrt(d2) / (2 * r));
      work.subtract(j, Math.atan2(dy, dx) - half, 2 * half);
    }
    if (work.whole) wholeCircles.push(i);
    else for (let t = 0; t < work.count; t++) out.push(work.s[t], work.e[t], work.sb[t], work.eb[t]);
  }
  firstArc[n] = out.count;
  return { count: out.count, start: out.start, end: out.end, startBy: out.startBy, endBy: out.endBy, firstArc, wholeCircles, index };
}

/** The uncovered arcs of the circle being processed, double-buffered. */
class Work {
  whole = true;
  count = 0;
  s = new Float64Array(64); e = new Float64Array(64); sb = new Int32Array(64); eb = new Int32Array(64);
  private ns = new Float64Array(64); private ne = new Float64Array(64);
  private nsb = new Int32Array(64); private neb = new Int32Array(64);
  private m = 0;

  reset(): void { this.whole = true; this.count = 0; }

  /** Removes the closed interval [a, a + len] (len < 2π) cut by neighbour j. */
  subtract(j: number, a: number, len: number): void {
    if (this.whole) {
      this.whole = false;
      const s = mod2pi(a + len);
      this.s[0] = s; this.e[0] = s + TWO_PI - len; this.sb[0] = j; this.eb[0] = j; this.count = 1;
      return;
    }
    if (this.ns.length < 2 * this.count) this.grow(4 * this.count);
    this.m = 0;
    for (let t = 0; t < this.count; t++) {
      const s = this.s[t], e = this.e[t];
      const ap = s + mod2pi(a - s); // the interval's start at or after s: [ap, bp] and [ap − 2π, bp − 2π]
      const bp = ap + len;
      let lo = s, loBy = this.sb[t];
      if (bp - TWO_PI > s) { lo = bp - TWO_PI; loBy = j; } // the interval wraps over the arc's start
      if (lo >= e) continue;
      if (ap >= e) { this.keep(lo, e, loBy, this.eb[t]); continue; }
      if (ap > lo) this.keep(lo, ap, loBy, j);
      if (bp < e) this.keep(bp, e, j, this.eb[t]);
    }
    [this.s, this.ns] = [this.ns, this.s]; [this.e, this.ne] = [this.ne, this.e];
    [this.sb, this.nsb] = [this.nsb, this.sb]; [this.eb, this.neb] = [this.neb, this.eb];
    this.count = this.m;
  }

  private keep(s: number, e: number, sb: number, eb: number): void {
    if (s >= TWO_PI) { s -= TWO_PI; e -= TWO_PI; }
    const m = this.m++;
    this.ns[m] = s; this.ne[m] = e; this.nsb[m] = sb; this.neb[m] = eb;
  }

  private grow(size: number): void {
    const g = <T extends Float64Array | Int32Array>(a: T): T => { const b = new (a.constructor as new (k: number) => T)(size); b.set(a); return b; };
    this.s = g(this.s); this.e = g(this.e); this.sb = g(this.sb); this.eb = g(this.eb);
    this.ns = g(this.ns); this.ne = g(this.ne); this.nsb = g(this.nsb); this.neb = g(this.neb);
  }
}

/** A growable structure of arrays for the arcs of all circles. */
class ArcBuffer {
  count = 0;
  constructor(public size: number, public start = new Float64Array(size), public end = new Float64Array(size),
    public startBy = new Int32Array(size), public endBy = new Int32Array(size)) {}

  push(s: number, e: number, sb: number, eb: number): void {
    if (this.count === this.size) {
      this.size *= 2;
      const g = <T extends Float64Array | Int32Array>(a: T): T => { const b = new (a.constructor as new (k: number) => T)(this.size); b.set(a); return b; };
      this.start = g(this.start); this.end = g(this.end); this.startBy = g(this.startBy); this.endBy = g(this.endBy);
    }
    const c = this.count++;
    this.start[c] = s; this.end[c] = e; this.startBy[c] = sb; this.endBy[c] = eb;
  }
}

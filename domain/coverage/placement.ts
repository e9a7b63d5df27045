// Where to open K new sites: the maximal covering location problem (Church, R. & ReVelle, C.,
// "The maximal covering location problem", Papers of the Regional Science Association 32, 1974,
// 101–118) — choose K candidates so that as many residents as possible lie within the service
// time of at least one open site. Solved greedily: each step opens the candidate that adds the
// most residents not yet covered (Church & ReVelle's "greedy adding" heuristic). Coverage is a
// monotone submodular function, so greedy reaches at least (1 − 1/e) ≈ 63 % of the optimum
// (Nemhauser, Wolsey & Fisher, Math. Programming 14, 1978, 265–294). Gains only shrink as sites
// open, so a candidate's last computed gain is an upper bound: the "lazy greedy" / accelerated
// greedy of Minoux (M. Minoux, "Accelerated greedy algorithms for maximizing submodular set
// functions", Optimization Techniques, LNCS 7, 1978, 234–243) recomputes only the candidate on top
// of a max-heap of stale bounds, and picks it once its fresh gain is still on top. Same picks as
// the plain greedy, a fraction of the recounts.
// Ties: the lowest candidate index (deterministic answers for the same data).
// Stops early when the best candidate adds nobody: with K larger than useful, the answer lists
// only the sites that add residents (a site adding 0 is no advice).

export interface PlacementStep { candidate: number; addedResidents: number; coveredAfter: number }

/**
 * reach[c]: indices of the points candidate c would serve (reach.ts); residents[i]: people at
 * point i; covered[i] = 1: already served by an existing site (not mutated).
 */
export function greedyPlacement(reach: readonly Int32Array[], residents: ArrayLike<number>, covered: Uint8Array,
  k: number): PlacementStep[] {
  const done = Uint8Array.from(covered);
  let coveredNow = 0;
  for (let i = 0; i < residents.length; i++) if (done[i]) coveredNow += residents[i];
  // A stamp per point lets a reach list that names a point twice count it once.
  const seen = new Int32Array(residents.length);
  let stamp = 0;
  const gainOf = (c: number): number => {
    stamp++;
    let g = 0;
    for (const i of reach[c]) if (!done[i] && seen[i] !== stamp) { seen[i] = stamp; g += residents[i]; }
    return g;
  };
  const heap = new MaxHeap(reach.length);
  const freshAt = new Int32Array(reach.length);
  for (let c = 0; c < reach.length; c++) heap.push(c, gainOf(c));
  const picks: PlacementStep[] = [];
  while (picks.length < k && heap.size > 0) {
    const c = heap.top();
    if (freshAt[c] !== picks.length) {
      // A stale bound: recount and let the heap decide again.
      heap.pop();
      freshAt[c] = picks.length;
      heap.push(c, gainOf(c));
      continue;
    }
    const added = heap.topKey();
    if (!(added > 0)) break;
    heap.pop();
    for (const i of reach[c]) done[i] = 1;
    coveredNow += added;
    picks.push({ candidate: c, addedResidents: added, coveredAfter: coveredNow });
  }
  return picks;
}

/** Binary max-heap of candidates by key; equal keys: the lower candidate first. */
class MaxHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array;
  size = 0;
  constructor(capacity: number) {
    this.items = new Int32Array(capacity);
    this.keys = new Float64Array(capacity);
  }
  private above(a: number, b: number): boolean {
    return this.keys[a] > this.keys[b] || (this.keys[a] === this.keys[b] && this.items[a] < this.items[b]);
  }
  private swap(a: number, b: number): void {
    const i = this.items[a], k = this.keys[a];
    this.items[a] = this.items[b]; this.keys[a] = this.keys[b];
    this.items[b] = i; this.keys[b] = k;
  }
  top(): number { return this.items[0]; }
  topKey(): number { return this.keys[0]; }
  push(item: number, key: number): void {
    let at = this.size++;
    this.items[at] = item; this.keys[at] = key;
    while (at > 0) {
      const up = (at - 1) >> 1;
      if (!this.above(at, up)) break;
      this.swap(at, up);
      at = up;
    }
  }
  pop(): void {
    this.size--;
    if (this.size === 0) return;
    this.items[0] = this.items[this.size]; this.keys[0] = this.keys[this.size];
    let at = 0;
    for (;;) {
      const l = 2 * at + 1, r = l + 1;
      let best = at;
      if (l < this.size && this.above(l, best)) best = l;
      if (r < this.size && this.above(r, best)) best = r;
      if (best === at) return;
      this.swap(at, best);
      at = best;
    }
  }
}

// Two small searches over implicit graphs (nodes are integers, neighbours come from a callback):
// `nearestFirst` pops the N cheapest nodes from a start set (a blob that grows along cheap
// ground: mines, town blocks, village houses), and `cheapestPath` is A* from one node to a goal.
import { MinHeap } from './heap.ts';

export type Expand = (node: number, visit: (next: number, stepCost: number) => void) => void;

/** The first `count` nodes in order of cost from `starts` (fewer if the graph runs out), or up to
 *  and including the first node for which `until` holds. */
export function nearestFirst(starts: readonly number[], expand: Expand, count: number, until?: (n: number) => boolean): number[] {
  const cost = new Map<number, number>(), done = new Set<number>(), heap = new MinHeap(), out: number[] = [];
  for (const s of starts) { cost.set(s, 0); heap.push(0, s); }
  while (heap.size && out.length < count) {
    const key = heap.peekKey(), a = heap.pop();
    if (done.has(a) || key > (cost.get(a) ?? Infinity)) continue;
    done.add(a); out.push(a);
    if (until?.(a)) break;
    expand(a, (b, step) => {
      if (done.has(b)) return;
      const c = key + step;
      if (c < (cost.get(b) ?? Infinity)) { cost.set(b, c); heap.push(c, b); }
    });
  }
  return out;
}

/** The cheapest node from `starts` satisfying `pred`, or undefined. */
export function firstMatch(starts: readonly number[], expand: Expand, pred: (n: number) => boolean, limit = 1e6): number | undefined {
  const got = nearestFirst(starts, expand, limit, pred);
  const last = got[got.length - 1];
  return last !== undefined && pred(last) ? last : undefined;
}

/** A* from `start` to the first node for which `isGoal` holds; null when unreachable.
 *  `heuristic` must not overestimate the remaining cost. Node ids must be < `size`; the typed
 *  scratch arrays are reused between searches (a stamp marks what this search has touched). */
export class PathFinder {
  private g: Float64Array;
  private from: Int32Array;
  private stamp: Int32Array;
  private closed: Int32Array;
  private run = 0;
  private heap = new MinHeap(1 << 14);

  constructor(size: number) {
    this.g = new Float64Array(size);
    this.from = new Int32Array(size);
    this.stamp = new Int32Array(size);
    this.closed = new Int32Array(size);
  }

  find(starts: readonly number[], isGoal: (n: number) => boolean, expand: Expand,
    heuristic: (n: number) => number = () => 0): number[] | null {
    const run = ++this.run, { g, from, stamp, closed, heap } = this;
    heap.clear();
    for (const s of starts) { g[s] = 0; from[s] = -1; stamp[s] = run; heap.push(heuristic(s), s); }
    let ga = 0, cur = 0;
    const visit = (b: number, step: number) => {
      if (closed[b] === run) return;
      const c = ga + step;
      if (stamp[b] !== run || c < g[b]) { g[b] = c; from[b] = cur; stamp[b] = run; heap.push(c + heuristic(b), b); }
    };
    while (heap.size) {
      const a = heap.pop();
      if (closed[a] === run) continue;
      closed[a] = run;
      if (isGoal(a)) {
        const path = [a];
        for (let n = from[a]; n >= 0; n = from[n]) path.push(n);
        return path.reverse();
      }
      ga = g[a]; cur = a;
      expand(a, visit);
    }
    return null;
  }
}

/** One-off A* (allocates its scratch arrays for `size` nodes). */
export function cheapestPath(start: number, isGoal: (n: number) => boolean, expand: Expand,
  heuristic: (n: number) => number = () => 0, size = 1 << 18): number[] | null {
  return new PathFinder(size).find([start], isGoal, expand, heuristic);
}

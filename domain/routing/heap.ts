// An indexed binary min-heap over typed arrays (Williams 1964, "Algorithm 232: Heapsort", CACM 7(6)),
// with decrease-key so each node is in the heap at most once: Dijkstra (1959) needs O(E log V).
// Reusable: a search that pops everything leaves it empty; `clear` empties it in O(size).

export class NodeHeap {
  private readonly items: Int32Array;
  private readonly keys: Float64Array; // by node
  private readonly pos: Int32Array; // by node; -1 = not in the heap
  size = 0;

  constructor(nodeCount: number) {
    this.items = new Int32Array(nodeCount);
    this.keys = new Float64Array(nodeCount);
    this.pos = new Int32Array(nodeCount).fill(-1);
  }

  /** Inserts `node` or lowers its key (a higher key is ignored). */
  push(node: number, key: number): void {
    let i = this.pos[node];
    if (i < 0) {
      i = this.size++;
      this.items[i] = node;
      this.pos[node] = i;
    } else if (key >= this.keys[node]) return;
    this.keys[node] = key;
    this.up(i);
  }

  /** Removes and returns the node with the smallest key (heap must not be empty). */
  pop(): number {
    const top = this.items[0];
    this.pos[top] = -1;
    const last = this.items[--this.size];
    if (this.size > 0) {
      this.items[0] = last;
      this.pos[last] = 0;
      this.down(0);
    }
    return top;
  }

  clear(): void {
    for (let i = 0; i < this.size; i++) this.pos[this.items[i]] = -1;
    this.size = 0;
  }

  private up(i: number): void {
    const { items, keys, pos } = this;
    const node = items[i], key = keys[node];
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = items[parent];
      if (keys[p] <= key) break;
      items[i] = p; pos[p] = i; i = parent;
    }
    items[i] = node; pos[node] = i;
  }

  private down(i: number): void {
    const { items, keys, pos, size } = this;
    const node = items[i], key = keys[node];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= size) break;
      if (child + 1 < size && keys[items[child + 1]] < keys[items[child]]) child++;
      const c = items[child];
      if (keys[c] >= key) break;
      items[i] = c; pos[c] = i; i = child;
    }
    items[i] = node; pos[node] = i;
  }
}

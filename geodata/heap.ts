// A binary min-heap of (priority, item) pairs for Dijkstra and A*: typed arrays, lazy deletion
// (callers skip stale pops), no allocation per push.
export class MinHeap {
  private keys: Float64Array;
  private items: Int32Array;
  size = 0;

  constructor(capacity = 1024) {
    this.keys = new Float64Array(capacity);
    this.items = new Int32Array(capacity);
  }

  push(key: number, item: number): void {
    if (this.size === this.keys.length) this.grow();
    let k = this.size++;
    while (k > 0) {
      const parent = (k - 1) >> 1;
      if (this.keys[parent] <= key) break;
      this.keys[k] = this.keys[parent]; this.items[k] = this.items[parent];
      k = parent;
    }
    this.keys[k] = key; this.items[k] = item;
  }

  /** Priority of the top item (call only when size > 0). */
  peekKey(): number { return this.keys[0]; }

  /** Removes and returns the item with the smallest priority. */
  pop(): number {
    const top = this.items[0];
    const key = this.keys[--this.size], item = this.items[this.size];
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= this.size) break;
      if (child + 1 < this.size && this.keys[child + 1] < this.keys[child]) child++;
      if (this.keys[child] >= key) break;
      this.keys[k] = this.keys[child]; this.items[k] = this.items[child];
      k = child;
    }
    this.keys[k] = key; this.items[k] = item;
    return top;
  }

  clear(): void { this.size = 0; }

  private grow(): void {
    const keys = new Float64Array(this.keys.length * 2), items = new Int32Array(this.items.length * 2);
    keys.set(this.keys); items.set(this.items);
    this.keys = keys; this.items = items;
  }
}

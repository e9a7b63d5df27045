// The last few thousand dispatched events in memory, oldest first, so the common reconnect (a
// network blip, a server restart's seconds) replays without a query, and a stream that opens
// while events are dispatched cannot miss one between its replay and the live feed.
import type { LiveEvent } from './tail.ts';

export class EventRing {
  private readonly items: (LiveEvent | undefined)[];
  private start = 0; // index of the oldest
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<LiveEvent | undefined>(capacity);
  }

  push(ev: LiveEvent): void {
    this.items[(this.start + this.count) % this.capacity] = ev;
    if (this.count < this.capacity) this.count++;
    else this.start = (this.start + 1) % this.capacity;
  }

  private at(i: number): LiveEvent {
    return this.items[(this.start + i) % this.capacity]!;
  }

  /** Whether the ring holds every dispatched event after `seq` (the oldest is at most seq + 1). */
  covers(seq: number): boolean {
    return this.count > 0 && this.at(0).seq <= seq + 1;
  }

  /** Events with after < seq ≤ upTo, in order. */
  range(after: number, upTo: number): LiveEvent[] {
    const out: LiveEvent[] = [];
    for (let i = 0; i < this.count; i++) {
      const ev = this.at(i);
      if (ev.seq > upTo) break;
      if (ev.seq > after) out.push(ev);
    }
    return out;
  }

  /** Forgets events older than `seq` (pruned from the table: replay must not outlive retention). */
  dropBefore(seq: number): void {
    while (this.count > 0 && this.at(0).seq < seq) {
      this.items[this.start] = undefined;
      this.start = (this.start + 1) % this.capacity;
      this.count--;
    }
  }
}

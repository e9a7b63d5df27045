// Boundary contacts of the road network grouped into places that need a checkpoint. A contact is a
// point on the zone boundary where a piece of road meets it, from inside or from outside. Contacts
// within a metre are one location (a road split where it meets the boundary, as the demo's and
// OSM's roads often are); locations joined by a road running along the boundary (streets often
// are the boundary of a village or a grid) form one cluster. Traffic can pass between inside and
// outside only within a cluster that has both kinds, and closing either all its inside entries or
// all its outside ones cuts it, so the cheaper side is where the checkpoints go (a vertex cut of
// the road graph, taken greedily per cluster). A road ending on the boundary with nothing beyond is
// no crossing.
export interface Contact { x: number; y: number; road: number; inside: boolean | null }
export interface Checkpoint { x: number; y: number; road: number }

const METERS_PER_DEGREE = 111_320;

export class CrossingClusters {
  private locations: { x: number; y: number; parent: number; best: [Contact | null, Contact | null] }[] = [];
  private cells = new Map<string, number[]>();
  constructor(private readonly toleranceMeters: number, private readonly rank: (road: number) => number) {}

  /** Adds a contact; returns its location id. `inside` null: the piece runs along the boundary. */
  add(c: Contact): number {
    const id = this.locate(c.x, c.y);
    if (c.inside !== null) {
      const slot = c.inside ? 0 : 1;
      const cur = this.locations[id].best[slot];
      if (!cur || this.rank(c.road) < this.rank(cur.road)) this.locations[id].best[slot] = c;
    }
    return id;
  }

  /** Joins two locations linked by a road piece that lies along the boundary. */
  link(a: number, b: number): void {
    const ra = this.root(a), rb = this.root(b);
    if (ra !== rb) this.locations[Math.max(ra, rb)].parent = Math.min(ra, rb);
  }

  checkpoints(): Checkpoint[] {
    const clusters = new Map<number, { inside: Contact[]; outside: Contact[] }>();
    this.locations.forEach((loc, id) => {
      const r = this.root(id);
      if (!clusters.has(r)) clusters.set(r, { inside: [], outside: [] });
      const cl = clusters.get(r)!;
      if (loc.best[0]) cl.inside.push(loc.best[0]);
      if (loc.best[1]) cl.outside.push(loc.best[1]);
    });
    const out: Checkpoint[] = [];
    for (const { inside, outside } of clusters.values()) {
      if (!inside.length || !outside.length) continue;
      for (const c of outside.length < inside.length ? outside : inside) out.push({ x: c.x, y: c.y, road: c.road });
    }
    return out;
  }

  private root(id: number): number {
    while (this.locations[id].parent !== id) id = this.locations[id].parent = this.locations[this.locations[id].parent].parent;
    return id;
  }

  /** The location within the tolerance of (x, y), or a new one: a hash grid of tolerance-sized cells. */
  private locate(x: number, y: number): number {
    const kx = METERS_PER_DEGREE * Math.cos((y * Math.PI) / 180);
    const cx = Math.floor((x * kx) / this.toleranceMeters), cy = Math.floor((y * METERS_PER_DEGREE) / this.toleranceMeters);
    for (let i = cx - 1; i <= cx + 1; i++) {
      for (let j = cy - 1; j <= cy + 1; j++) {
        for (const id of this.cells.get(`${i}:${j}`) ?? []) {
          const l = this.locations[id];
          if (Math.hypot((l.x - x) * kx, (l.y - y) * METERS_PER_DEGREE) <= this.toleranceMeters) return id;
        }
      }
    }
    const id = this.locations.length;
    this.locations.push({ x, y, parent: id, best: [null, null] });
    const key = `${cx}:${cy}`;
    this.cells.set(key, [...(this.cells.get(key) ?? []), id]);
    return id;
  }
}

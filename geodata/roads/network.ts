// The road network as a set of graph edges with a class and a name, stored as up to 8 adjacency
// slots per node (a vertex has 4 lattice neighbours and 4 cell centres; a centre has 4 corners).
// A later road that runs over an existing edge upgrades it when its class ranks higher (a trunk
// road through town takes over the street it follows).
import type { RoadGraph } from './graph.ts';

export type RoadClass = 'expressway' | 'trunk' | 'primary' | 'secondary' | 'tertiary' | 'residential' | 'lane';
export const RANK: Record<RoadClass, number> = { expressway: 7, trunk: 6, primary: 5, secondary: 4, tertiary: 3, residential: 2, lane: 1 };
const CLASSES = Object.keys(RANK) as RoadClass[];
const SLOTS = 8;
const TERTIARY = CLASSES.indexOf('tertiary');

export interface EdgeInfo { cls: RoadClass; name: string | null }

export class Network {
  /** Number of network edges at each node. */
  readonly degree: Uint8Array;
  private readonly adj: Int32Array;
  private readonly cls: Uint8Array;
  private readonly nameId: Int32Array;
  private readonly names: string[] = [];
  private readonly nameIndex = new Map<string, number>();
  size = 0;

  constructor(readonly g: RoadGraph) {
    const n = g.V + g.L.nx * g.L.ny;
    this.degree = new Uint8Array(n);
    this.adj = new Int32Array(n * SLOTS).fill(-1);
    this.cls = new Uint8Array(n * SLOTS);
    this.nameId = new Int32Array(n * SLOTS).fill(-1);
  }

  private slot(a: number, b: number): number {
    const base = a * SLOTS;
    for (let k = 0; k < this.degree[a]; k++) if (this.adj[base + k] === b) return base + k;
    return -1;
  }

  has(a: number, b: number): boolean { return this.slot(a, b) >= 0; }
  onNet(n: number): boolean { return this.degree[n] > 0; }

  get(a: number, b: number): EdgeInfo | undefined {
    const s = this.slot(a, b);
    if (s < 0) return undefined;
    return { cls: CLASSES[this.cls[s]], name: this.nameId[s] < 0 ? null : this.names[this.nameId[s]] };
  }

  private intern(name: string | null): number {
    if (name === null) return -1;
    let id = this.nameIndex.get(name);
    if (id === undefined) { id = this.names.length; this.names.push(name); this.nameIndex.set(name, id); }
    return id;
  }

  private set(a: number, b: number, cls: RoadClass, name: number): void {
    let s = this.slot(a, b);
    if (s < 0) { s = a * SLOTS + this.degree[a]++; this.adj[s] = b; }
    this.cls[s] = CLASSES.indexOf(cls); this.nameId[s] = name;
  }

  /** `keepName`: when upgrading a named street, keep the street's name (a county road through
   *  a town is known by the street it runs along). */
  add(a: number, b: number, cls: RoadClass, name: string | null, keepName = false): void {
    const old = this.get(a, b);
    let next: { cls: RoadClass; name: string | null } | null = null;
    if (!old) { next = { cls, name }; this.size++; }
    else if (RANK[cls] > RANK[old.cls]) next = { cls, name: keepName && old.name ? old.name : name };
    else if (RANK[cls] === RANK[old.cls] && old.name === null && name !== null) next = { cls, name };
    if (!next) return;
    const id = this.intern(next.name);
    this.set(a, b, next.cls, id); this.set(b, a, next.cls, id);
  }

  addPath(path: readonly number[], cls: RoadClass, name: string | null, keepName = false): void {
    for (let k = 0; k + 1 < path.length; k++) this.add(path[k], path[k + 1], cls, name, keepName);
  }

  /** Cost factor for routing: existing edges are cheaper (roads join rather than duplicate). */
  factor(a: number, b: number): number {
    const s = this.slot(a, b);
    return s < 0 ? 1 : this.cls[s] <= TERTIARY ? 0.45 : 0.7;
  }

  /** Neighbours of n in the network. */
  neighbours(n: number): number[] {
    const out: number[] = [];
    for (let k = 0; k < this.degree[n]; k++) out.push(this.adj[n * SLOTS + k]);
    return out;
  }

  /** Every edge once (a < b). */
  *edges(): Generator<[number, number]> {
    for (let a = 0; a < this.degree.length; a++) {
      for (let k = 0; k < this.degree[a]; k++) { const b = this.adj[a * SLOTS + k]; if (a < b) yield [a, b]; }
    }
  }
}

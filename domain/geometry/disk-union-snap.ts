// Vertex hygiene for the disk union's rings. Where three or four circles pass (almost) through one
// point — centres on a lattice, not real addresses — union vertices computed on different circles
// land 10⁻¹³ m apart in an arbitrary order and a ring can zig-zag across itself at that scale.
// Snapping every vertex to a power-of-two grid far below any meaningful size (2^(⌊log₂ r⌋ − 30) m,
// 1.2·10⁻⁷ m at r = 200 m) makes such vertices equal; equal neighbours are dropped and a ring that passes
// twice through one vertex is cut there (a shell and a hole touching it, or two holes), which is
// the OGC-valid form GEOS returns. Snap rounding in spirit (Hobby 1999), not in full.
import { duplicateFlags } from './disk-union-duplicates.ts';

/** Collects one ring's vertices on the snapping grid, without consecutive repeats. */
export class RingWriter {
  coords: [number, number][] = [];
  private readonly scale: number;

  constructor(radiusMeters: number) {
    this.scale = 2 ** (30 - Math.floor(Math.log2(radiusMeters)));
  }

  put(x: number, y: number): void {
    const sx = Math.round(x * this.scale) / this.scale, sy = Math.round(y * this.scale) / this.scale;
    const last = this.coords[this.coords.length - 1];
    if (last && last[0] === sx && last[1] === sy) return;
    this.coords.push([sx, sy]);
  }

  /** The finished ring, open (first vertex not repeated), cut where it passes a vertex twice. */
  take(): [number, number][][] {
    const c = this.coords;
    this.coords = [];
    while (c.length > 1 && c[0][0] === c[c.length - 1][0] && c[0][1] === c[c.length - 1][1]) c.pop();
    return splitAtRepeats(c).filter((piece) => piece.length >= 3);
  }
}

function splitAtRepeats(coords: [number, number][]): [number, number][][] {
  const xy = new Float64Array(coords.length * 2);
  coords.forEach(([x, y], i) => { xy[2 * i] = x; xy[2 * i + 1] = y; });
  if (!duplicateFlags(xy).includes(1)) return [coords];
  const pieces: [number, number][][] = [];
  const path: [number, number][] = [];
  const at = new Map<string, number>();
  for (const v of coords) {
    const key = `${v[0]},${v[1]}`;
    const p = at.get(key);
    if (p === undefined) { at.set(key, path.length); path.push(v); continue; }
    const loop = path.splice(p + 1);
    for (const w of loop) at.delete(`${w[0]},${w[1]}`);
    pieces.push([path[p], ...loop]);
  }
  pieces.push(path);
  return pieces;
}

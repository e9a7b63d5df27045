// Exact duplicate centres (several households at one address point) for the disk union. A
// duplicate circle coincides with its twin, so it can neither be covered by it nor cover any of
// its arcs; the arc stage must ignore all but one copy or an arc end would be attributed to a
// twin that contributes no arcs, and chaining circle → circle would break.
// Open addressing over the coordinates' IEEE-754 bits: O(n), no sort, no string keys.

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);

function mix(h: number, v: number): number {
  bits[0] = v;
  h = Math.imul(h ^ words[0], 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ words[1], 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** 1 for every point whose x,y equals an earlier point's (the first copy stays 0). −0 and 0 are
 *  the same point. */
export function duplicateFlags(xy: Float64Array): Uint8Array {
  const n = xy.length >> 1;
  const dup = new Uint8Array(n);
  let size = 16;
  while (size < 2 * n) size *= 2;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let i = 0; i < n; i++) {
    const x = xy[2 * i] + 0, y = xy[2 * i + 1] + 0; // + 0 turns −0 into 0
    let slot = mix(mix(0x9e3779b9, x), y) & mask;
    for (;;) {
      const j = table[slot];
      if (j < 0) { table[slot] = i; break; }
      if (xy[2 * j] === x && xy[2 * j + 1] === y) { dup[i] = 1; break; }
      slot = (slot + 1) & mask;
    }
  }
  return dup;
}

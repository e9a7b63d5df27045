// Town streets: every block edge is a street. Each lattice line through a town gets one name per
// town (E–W …路, N–S …街); the lines through the seat are the main streets and the rest alternate
// between tertiary and residential. Forced names (滏阳东路 at the district seat, 通山路 by the
// compound named after it) are applied first.
import { TOWNSHIPS } from '../design.ts';
import type { Layout } from '../layout.ts';
import { BLOCK } from '../lattice.ts';
import { ROAD_EW, ROAD_NS } from '../names.ts';
import { rng } from '../prng.ts';
import type { Network, RoadClass } from './network.ts';

/** Line keys: `${town}:h:${j}` for the E–W line at lattice row j, `${town}:v:${i}` for N–S. */
export type ForcedNames = Map<string, string>;

const SEAT_STREET: Record<string, string> = { 滏阳东路街道: '滏阳东路' };
const FLAVOUR: Record<string, string[]> = { 彭城镇: ['陶瓷街', '磁州路', '窑场路'], 峰峰镇: ['峰峰大街'], 临水镇: ['临水大街'] };

export function addStreets(layout: Layout, net: Network, seats: readonly number[], forced: ForcedNames, seed: number): void {
  const r = rng(seed, 'streets'), w = layout.L.nx + 1;
  TOWNSHIPS.forEach((t, k) => {
    const blocks = layout.urban.blocks.filter((b) => b.town === k);
    if (!blocks.length) return;
    const seatI = seats[k] % w, seatJ = Math.floor(seats[k] / w);
    const hLines = [...new Set(blocks.flatMap((b) => [b.bj * BLOCK, (b.bj + 1) * BLOCK]))].sort((a, b) => Math.abs(a - seatJ) - Math.abs(b - seatJ));
    const vLines = [...new Set(blocks.flatMap((b) => [b.bi * BLOCK, (b.bi + 1) * BLOCK]))].sort((a, b) => Math.abs(a - seatI) - Math.abs(b - seatI));
    const taken = new Set(forced.values());
    const pool = (base: string[]) => r.shuffle([...(FLAVOUR[t.name] ?? []).filter((n) => base === ROAD_NS ? n.endsWith('街') : n.endsWith('路')), ...r.shuffle(base.slice())]).filter((n) => !taken.has(n));
    const ew = pool(ROAD_EW), ns = pool(ROAD_NS);
    const names = new Map<string, string>();
    hLines.forEach((j, idx) => names.set(`h:${j}`, forced.get(`${t.name}:h:${j}`) ?? (idx === 0 ? SEAT_STREET[t.name] : undefined) ?? ew.shift() ?? `${idx}号路`));
    vLines.forEach((i, idx) => names.set(`v:${i}`, forced.get(`${t.name}:v:${i}`) ?? ns.shift() ?? `${idx}号街`));
    const cls = (line: number, seatLine: number): RoadClass => {
      if (line === seatLine) return blocks.length > 40 ? 'primary' : 'secondary';
      return Math.abs(line - seatLine) % (2 * BLOCK) === 0 ? 'tertiary' : 'residential';
    };
    for (const b of blocks) {
      const i0 = b.bi * BLOCK, j0 = b.bj * BLOCK;
      for (const j of [j0, j0 + BLOCK]) for (let i = i0; i < i0 + BLOCK; i++) net.add(j * w + i, j * w + i + 1, cls(j, seatJ), names.get(`h:${j}`)!);
      for (const i of [i0, i0 + BLOCK]) for (let j = j0; j < j0 + BLOCK; j++) net.add(j * w + i, (j + 1) * w + i, cls(i, seatI), names.get(`v:${i}`)!);
    }
  });
}

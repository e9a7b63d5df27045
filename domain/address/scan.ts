// Splits a normalised address into tokens in the hierarchy order of domain-rules.md §5.1:
// longest match against the gazetteer's dictionary of each level (§5.4 step 3), numbers by
// their unit (号楼, 单元, 层, 室, 组, 号), and the text nothing matched as "unknown" spans that
// remember which levels they lie between, for the fuzzy matcher. Levels only go down: once a
// compound is read, a later community name is not taken as one (the §5.3 partial order).
import type { Dict, Entry, Gazetteer, TrieNode } from './gazetteer.ts';
import { readPrefix, type Prefix } from './prefix.ts';
import { numberAt } from './scan-numbers.ts';

export const STAGE = { town: 1, village: 2, natural: 3, group: 4, road: 5, roadno: 6, place: 7, subpoi: 8, house: 9, cell: 10, floor: 11, room: 12 } as const;
export type NamedKind = 'town' | 'village' | 'natural' | 'road' | 'place';
export type NumberKind = 'group' | 'roadno' | 'subpoi' | 'house' | 'cell' | 'floor' | 'room';

export type Token =
  | { k: NamedKind; text: string; ents: Entry[] }
  | { k: NumberKind; text: string; n: string }
  /** Text between two levels: `after` is the stage before it, `before` the stage after it. */
  | { k: 'unknown'; text: string; after: number; before: number };

export interface Scan extends Prefix { tokens: Token[] }

interface Match { kind: NamedKind; stage: number; len: number; ents: Entry[]; bare: boolean }
type Keep = (e: Entry, end: number) => boolean;
const ALL: Keep = () => true;
/** A village-like name follows (with its suffix), though misspelt: 新坡|后景头村. */
const VILLAGE_AHEAD = /^[\u4e00-\u9fa5]{1,6}?(社区|村|居委会)/;

/** Longest form of `d` at `pos` (two characters or more) whose entries pass `keep` (null: none). */
function longest(s: string, pos: number, d: Dict, keep: Keep, banned?: ReadonlySet<string>): { len: number; ents: Entry[] } | null {
  const found: [number, Entry[]][] = [];
  let node: TrieNode | undefined = d.root;
  for (let i = pos; i < s.length && node.next; i++) {
    node = node.next.get(s[i]);
    if (!node) break;
    if (node.ents && i > pos) found.push([i - pos + 1, node.ents]);
  }
  for (let k = found.length - 1; k >= 0; k--) {
    const [len, list] = found[k];
    if (banned?.size && banned.has(s.substr(pos, len))) continue;
    const ents = list.filter((e) => keep(e, pos + len));
    if (ents.length) return { len, ents };
  }
  return null;
}

class Scanner {
  constructor(private readonly g: Gazetteer, private readonly s: string, private readonly banned?: ReadonlySet<string>) {}

  private startsSomething(pos: number): boolean {
    const { g, s } = this;
    if (pos >= s.length || /[\dA-Z]/.test(s[pos])) return true;
    return !!(longest(s, pos, g.dicts.village, ALL) || longest(s, pos, g.dicts.road, ALL) || longest(s, pos, g.dicts.place, ALL));
  }

  // A bare core (团结 for 团结社区) or a compound's short form (金鼎 for 金鼎小区) counts only
  // where a level ends: before a number, another name, a village-like word (for a township) or
  // the end — not inside a longer word nothing knows (金鼎山绣福邸, a misspelt 金鼎锦绣福邸).
  private readonly townOk: Keep = (e, end) => !e.bare || this.startsSomething(end) || VILLAGE_AHEAD.test(this.s.slice(end, end + 8));
  private readonly villageOk: Keep = (e, end) => !e.bare || this.startsSomething(end);
  /** A compound's short form may also stand before two unknown characters and a number: a
   * misspelt 小区 or 东区 (通山路通北小水13幢). */
  private readonly placeOk: Keep = (e, end) => this.villageOk(e, end) || /^[^\d]{1,2}\d/.test(this.s.slice(end, end + 3));
  private readonly naturalOnly: Keep = (e) => e.kind === 'natural';

  /** The longest match of each level that may come after `stage`. */
  matchesAt(pos: number, stage: number): Match[] {
    const { g, s, banned } = this;
    const out: Match[] = [];
    const add = (kind: NamedKind, st: number, d: Dict, keep: Keep) => {
      const m = longest(s, pos, d, keep, banned);
      if (m) out.push({ kind, stage: st, ...m, bare: m.ents.every((e) => e.bare) });
    };
    if (stage <= STAGE.town) add('town', STAGE.town, g.dicts.town, this.townOk);
    if (stage < STAGE.village) add('village', STAGE.village, g.dicts.village, this.villageOk);
    if (stage === STAGE.village) add('natural', STAGE.natural, g.dicts.village, this.naturalOnly);
    if (stage < STAGE.road) add('road', STAGE.road, g.dicts.road, ALL);
    if (stage < STAGE.place) add('place', STAGE.place, g.dicts.place, this.placeOk);
    return out;
  }

  /** Of several matches, the one that lets the next level match the most text (峰峰|广场社区
   * over 峰峰广场|社区), then a full name over a short form (the road 滏阳东路 over the
   * township's core), then the longest, then the higher level. */
  choose(pos: number, ms: Match[]): Match {
    if (ms.length === 1) return ms[0];
    let best = ms[0];
    let bestCover = -1;
    for (const m of ms) {
      const at = pos + m.len;
      const num = numberAt(this.s, at, m.stage);
      const next = Math.max(num?.len ?? 0, ...this.matchesAt(at, m.stage).map((n) => n.len));
      const cover = m.len + next;
      const better = cover > bestCover || (cover === bestCover && (
        (best.bare && !m.bare) || (best.bare === m.bare && (m.len > best.len || (m.len === best.len && m.stage < best.stage)))));
      if (better) { best = m; bestCover = cover; }
    }
    return best;
  }
}

export function scanAddress(g: Gazetteer | undefined, s: string, banned?: ReadonlySet<string>): Scan {
  const prefix = readPrefix(g?.districts ?? [], s);
  const scanner = g ? new Scanner(g, s, banned) : null;
  const tokens: Token[] = [];
  let stage = 0;
  let unknown = '';
  let unknownAfter = 0;
  const flush = (before: number) => {
    if (unknown) tokens.push({ k: 'unknown', text: unknown, after: unknownAfter, before });
    unknown = '';
  };
  for (let pos = prefix.length; pos < s.length;) {
    const num = numberAt(s, pos, stage);
    const ms = num || !scanner ? [] : scanner.matchesAt(pos, stage);
    if (num) {
      flush(STAGE[num.k]);
      tokens.push({ k: num.k, text: s.substr(pos, num.len), n: num.n });
      stage = STAGE[num.k];
      pos += num.len;
    } else if (ms.length) {
      const m = scanner!.choose(pos, ms);
      flush(m.stage);
      tokens.push({ k: m.kind, text: s.substr(pos, m.len), ents: m.ents });
      stage = m.stage;
      pos += m.len;
    } else {
      if (!unknown) unknownAfter = stage;
      unknown += s[pos++];
    }
  }
  flush(99);
  return { ...prefix, tokens };
}

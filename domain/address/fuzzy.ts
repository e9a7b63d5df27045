// Edit distance (Levenshtein) between a gazetteer name and the start of an unmatched span: the
// span may run on into the next level (峰景明邸1号楼 is still in the span when the matcher
// tries compounds), so the distance is the best over every prefix of the span. Used only on the
// children of an already-resolved parent (domain-rules.md §5.4 step 4), so a handful of names.
import { leadingSuffix } from './names.ts';

export interface FuzzyHit { id: number; dist: number; len: number }

/** Smallest edit distance between `name` and a prefix of `text`, and that prefix's length
 * (the one closest to the name's length among equals). */
export function prefixDistance(name: string, text: string, maxDist: number): { dist: number; len: number } {
  const n = name.length;
  const m = Math.min(text.length, n + maxDist);
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const sub = prev[j - 1] + (name[i - 1] === text[j - 1] ? 0 : 1);
      cur[j] = Math.min(sub, prev[j] + 1, cur[j - 1] + 1);
    }
    [prev, cur] = [cur, prev];
  }
  let best = { dist: Infinity, len: 0 };
  for (let j = 0; j <= m; j++) {
    const d = prev[j];
    if (d < best.dist || (d === best.dist && Math.abs(j - n) < Math.abs(best.len - n))) best = { dist: d, len: j };
  }
  return best;
}

/** Edits allowed for a name of this many characters: one from 3, two from 7. Two-character
 * names only with one substitution and their suffix written after (团吉社区 → 团结社区). */
export const allowedEdits = (len: number): number => (len >= 7 ? 2 : len >= 3 ? 1 : len === 2 ? 1 : 0);

/** The children closest to the start of `text`, all tied at the best distance. `suffixes` are
 * written-after words that may follow the core (required after every core when `needSuffix`). */
export function fuzzyPick(
  children: readonly { id: number; core: string }[], text: string, suffixes: readonly string[], needSuffix = false,
): FuzzyHit[] {
  let hits: FuzzyHit[] = [];
  let bestDist = Infinity;
  for (const c of children) {
    const allowed = allowedEdits(c.core.length);
    if (allowed === 0) continue;
    const { dist, len } = prefixDistance(c.core, text, allowed);
    if (dist > allowed || dist > bestDist) continue;
    let used = len;
    const suffix = leadingSuffix(text.slice(len), suffixes);
    if ((needSuffix || c.core.length === 2) && !suffix) continue;
    if (c.core.length === 2 && len !== 2) continue;
    used += suffix.length;
    if (dist < bestDist) { bestDist = dist; hits = []; }
    hits.push({ id: c.id, dist, len: used });
  }
  return hits;
}

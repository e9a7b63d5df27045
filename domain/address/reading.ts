// The scanner's tokens by level, for the matcher: the entries each named level matched, the
// numbers, and the unmatched spans that fuzzy matching may still claim (a span is shortened as
// each level takes its start, so "团吉社区峰景明邸" serves the community, then the compound).
import type { Entry } from './gazetteer.ts';
import type { Scan } from './scan.ts';

export interface Span { text: string; after: number; before: number; used: number }

export interface Reading {
  town?: Entry[]; village?: Entry[]; natural?: Entry[]; road?: Entry[]; place?: Entry[];
  group?: string; roadno?: string; subpoi?: string; house?: string; cell?: string; floor?: string; room?: string;
  spans: Span[];
  /** The written text of each named level, and those found under another parent than the one
   * written (geocode.ts reads the address again without them: a misspelt 金鼎嘉河 may have
   * matched the short form 金鼎 of a compound elsewhere). */
  texts: Partial<Record<'town' | 'village' | 'natural' | 'road' | 'place', string>>;
  suspects: string[];
}

/** Confidence lost per fuzzy edit, per missing or contradicting level (types.ts REVIEW_BELOW = 0.8). */
export const PENALTY = {
  fuzzyEdit: 0.07,
  missingTown: 0.02,
  missingVillage: 0.03,
  /** A level whose name belongs under another parent than the one written. */
  inconsistent: 0.25,
  /** A detail written (room, door number) that the gazetteer does not have. */
  unmatchedDetail: 0.05,
  /** Unmatched text left over. */
  leftover: 0.03,
  /** Several different places fit equally well. */
  ambiguous: 0.2,
  /** A rural door number written without its 组 (found in one 组 only). */
  missingGroup: 0.03,
};

export function readingOf(scan: Scan): Reading {
  const r: Reading = { spans: [], texts: {}, suspects: [] };
  for (const t of scan.tokens) {
    if (t.k === 'unknown') r.spans.push({ text: t.text, after: t.after, before: t.before, used: 0 });
    else if ('ents' in t) {
      r[t.k] ??= t.ents;
      r.texts[t.k] ??= t.text;
    }
    else if (t.k === 'subpoi') r.subpoi = (r.subpoi ?? '') + t.text;
    else r[t.k] ??= t.n;
  }
  return r;
}

/** The first span that may hold the level at `stage` (it lies between the levels around it). */
export function spanAt(r: Reading, stage: number): Span | undefined {
  return r.spans.find((s) => s.after < stage && stage < s.before && s.used < s.text.length);
}

/** The span's text not yet claimed by a level. */
export const spanText = (s: Span): string => s.text.slice(s.used);

/** Marks the start of the span as claimed by a level at `stage`. */
export function claim(s: Span, len: number, stage: number): void {
  s.used += len;
  s.after = stage;
}

// Address text → ranked points (issue 5 item 5; domain-rules.md §5.4): normalise, scan against
// the gazetteer in hierarchy order, resolve the named levels top down (fuzzy only inside a
// resolved parent), then the door, building and room, and rank what was found. Pure and
// synchronous: some tens of µs an address on the demo district (bench/geocode.ts).
import { rankCandidates, toCandidate } from './candidates.ts';
import type { Gazetteer } from './gazetteer.ts';
import { normalizeAddress } from './normalize.ts';
import { partsOf } from './parse.ts';
import { PENALTY, readingOf, type Span } from './reading.ts';
import { resolveNames } from './resolve-admin.ts';
import { resolveDetail } from './resolve-detail.ts';
import { STAGE, scanAddress } from './scan.ts';
import type { GeocodeCandidate, GeocodeResult } from './types.ts';

// The geocoder's whole surface from one module, for callers (server/import, contacts).
export type { Gazetteer } from './gazetteer.ts';
export { buildGazetteer } from './gazetteer.ts';
export type { GeocodeCandidate, GeocodeLevel, GeocodeResult } from './types.ts';
export { REVIEW_BELOW } from './types.ts';

/** Unmatched text that says nothing wrong: a city written without 市 before the district's
 * names (邯郸), or a part of a compound (春风里 in 竹海水韵春风里). */
const harmless = (s: Span) => (s.after === 0 && s.before <= STAGE.village) || (s.after === STAGE.place && s.before > STAGE.place);

function attempt(gaz: Gazetteer, s: string, banned?: ReadonlySet<string>) {
  const scan = scanAddress(gaz, s, banned);
  const reading = readingOf(scan);
  const hits = resolveNames(gaz, reading).flatMap((f) => resolveDetail(gaz, reading, f));
  const leftover = reading.spans.filter((sp) => sp.used < sp.text.length && !harmless(sp)).length * PENALTY.leftover;
  const all: GeocodeCandidate[] = [];
  for (const h of hits) {
    const c = toCandidate(gaz, h, leftover);
    if (c && c.level !== 'none') all.push(c);
  }
  return { scan, suspects: reading.suspects, candidates: rankCandidates(all) };
}

/** Longer text is not an address (a sheet cell may hold anything): only its start is read. */
const MAX_CHARS = 200;

export function geocode(gaz: Gazetteer, text: string): GeocodeResult {
  const s = normalizeAddress(text.slice(0, MAX_CHARS));
  let a = attempt(gaz, s);
  // A name found under another parent than the one written may be a misspelling that happens
  // to contain another place's short form: read again without it and keep the better reading.
  if (a.suspects.length) {
    const b = attempt(gaz, s, new Set(a.suspects));
    if ((b.candidates[0]?.confidence ?? 0) > (a.candidates[0]?.confidence ?? 0)) a = b;
  }
  return { parts: partsOf(a.scan), best: a.candidates[0] ?? null, candidates: a.candidates };
}

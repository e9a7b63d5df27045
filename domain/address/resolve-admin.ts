// Named levels, top down (domain-rules.md §5.4 steps 3–4): township → village/community →
// natural village → compound. An exact name is kept when it lies under the parent already
// resolved (or the parent is missing: a unique community or compound fixes its own township);
// a name under another parent is kept only when nothing fits, at a penalty. Unmatched text is
// fuzzily matched only against the children of the resolved parent.
import { fuzzyPick, type FuzzyHit } from './fuzzy.ts';
import type { Gazetteer } from './gazetteer.ts';
import { TOWN_SUFFIXES, VILLAGE_SUFFIXES } from './names.ts';
import { PENALTY, claim, spanAt, spanText, type Reading } from './reading.ts';
import { STAGE } from './scan.ts';

export interface Frame {
  pen: number; townId: number | null; villageId: number | null; natId: number | null; placeId: number | null;
  townGiven: boolean; villageGiven: boolean;
}

/** A frame with some fields changed, as one literal (object spread per frame was a tenth of
 * the geocoder's time). */
export function derive(f: Frame, o: Partial<Frame>): Frame {
  return {
    pen: o.pen ?? f.pen, townId: o.townId !== undefined ? o.townId : f.townId, villageId: o.villageId !== undefined ? o.villageId : f.villageId,
    natId: o.natId !== undefined ? o.natId : f.natId, placeId: o.placeId !== undefined ? o.placeId : f.placeId,
    townGiven: o.townGiven ?? f.townGiven, villageGiven: o.villageGiven ?? f.villageGiven,
  };
}

/** Fuzzy hits on the first span that may hold `stage`, which is claimed by the best hit. */
export function fuzzyAt(
  r: Reading, stage: number, childrenOf: () => { id: number; core: string }[], suffixes: string[], needSuffix = false,
): FuzzyHit[] {
  const span = spanAt(r, stage);
  if (!span) return [];
  const children = childrenOf();
  const hits = fuzzyPick(children, spanText(span), suffixes, needSuffix);
  if (hits.length) claim(span, Math.max(...hits.map((h) => h.len)), stage);
  return hits;
}

function towns(g: Gazetteer, r: Reading): { ids: number[]; pen: number } | null {
  if (r.town) return { ids: r.town.map((e) => e.id), pen: 0 };
  // Town cores are two characters: a typo is taken only with its 镇/乡/街道 written after.
  const hits = fuzzyAt(r, STAGE.town, () => [...g.towns.values()], TOWN_SUFFIXES, true);
  return hits.length ? { ids: hits.map((h) => h.id), pen: hits[0].dist * PENALTY.fuzzyEdit } : null;
}

function villages(g: Gazetteer, r: Reading, t: { ids: number[]; pen: number } | null): Frame[] {
  const base: Frame = { pen: t?.pen ?? 0, townId: null, villageId: null, natId: null, placeId: null, townGiven: t !== null, villageGiven: true };
  let frames: Frame[] = [];
  if (r.village) {
    const byVillage = new Map<number, number | null>();
    for (const e of r.village) {
      const vId = e.kind === 'natural' ? g.naturals.get(e.id)!.villageId : e.id;
      byVillage.set(vId, e.kind === 'natural' ? e.id : byVillage.get(vId) ?? null);
    }
    frames = [...byVillage].map(([villageId, natId]) => derive(base, { villageId, natId, townId: g.villages.get(villageId)!.townId }));
    if (!t) return frames;
    const inside = frames.filter((f) => f.townId !== null && t.ids.includes(f.townId));
    if (inside.length) return inside;
    r.suspects.push(r.texts.village!);
    return frames.map((f) => derive(f, { pen: f.pen + PENALTY.inconsistent }));
  }
  if (t) {
    const vIds = t.ids.flatMap((id) => g.villagesOf.get(id) ?? []);
    const vHits = fuzzyAt(r, STAGE.village, () => vIds.map((id) => g.villages.get(id)!), VILLAGE_SUFFIXES);
    frames = vHits.map((h) => derive(base, { pen: base.pen + h.dist * PENALTY.fuzzyEdit, villageId: h.id, natId: null, townId: g.villages.get(h.id)!.townId }));
    if (!frames.length) {
      const naturalsIn = () => vIds.flatMap((id) => g.naturalsOf.get(id) ?? []).map((id) => g.naturals.get(id)!);
      const nHits = fuzzyAt(r, STAGE.village, naturalsIn, ['自然村', '村']);
      frames = nHits.map((h) => {
        const villageId = g.naturals.get(h.id)!.villageId;
        return derive(base, { pen: base.pen + h.dist * PENALTY.fuzzyEdit, villageId, natId: h.id, townId: g.villages.get(villageId)!.townId });
      });
    }
    if (frames.length) return frames;
    return t.ids.map((townId) => derive(base, { villageGiven: false, villageId: null, natId: null, townId }));
  }
  // No township written: the district is the parent. Only names of three or more characters,
  // where one edit still leaves most of the name (北马装村 → 北马庄村, not 团吉 → 团结).
  const long = () => [...g.villages.values()].filter((v) => v.core.length >= 3);
  frames = fuzzyAt(r, STAGE.village, long, VILLAGE_SUFFIXES).map((h) => derive(base, {
    pen: h.dist * PENALTY.fuzzyEdit, villageId: h.id, natId: null, townId: g.villages.get(h.id)!.townId,
  }));
  return frames.length ? frames : [derive(base, { villageGiven: false, villageId: null, natId: null, townId: null })];
}

/** A natural village written after its village (北涧沟西村杨家岩5组12号). */
function naturals(g: Gazetteer, r: Reading, frames: Frame[]): Frame[] {
  return frames.map((f) => {
    if (f.villageId === null || f.natId !== null) return f;
    const inVillage = r.natural?.find((e) => g.naturals.get(e.id)?.villageId === f.villageId);
    if (inVillage) return derive(f, { natId: inVillage.id });
    const hits = r.natural ? [] : fuzzyAt(r, STAGE.natural, () => (g.naturalsOf.get(f.villageId!) ?? []).map((id) => g.naturals.get(id)!), ['自然村', '村']);
    return hits.length === 1 ? derive(f, { natId: hits[0].id, pen: f.pen + hits[0].dist * PENALTY.fuzzyEdit }) : f;
  });
}

/** The compound (or other place) of each frame: written exactly, or fuzzily within the frame's
 * village (its township when the village is missing). */
function places(g: Gazetteer, r: Reading, frames: Frame[]): Frame[] {
  if (r.place) {
    let ents = r.place.map((e) => g.places.get(e.id)!);
    // 龙城 + 1期: of the compounds a short form found, the ones whose name carries the part written.
    const sub = r.subpoi ?? r.spans.find((s) => s.after === STAGE.place)?.text;
    if (sub && ents.length > 1) {
      const withSub = ents.filter((p) => p.core.includes(sub));
      if (withSub.length) ents = withSub;
    }
    const out: Frame[] = [];
    for (const f of frames) {
      for (const p of ents) {
        const fits = f.villageId !== null ? p.villageId === f.villageId : f.townId === null || p.townId === f.townId;
        if (fits) out.push(derive(f, { placeId: p.id, villageId: p.villageId, townId: p.townId ?? f.townId }));
      }
    }
    if (out.length) return out;
    const given = frames[0].villageGiven || frames[0].townGiven;
    if (given) r.suspects.push(r.texts.place!);
    return ents.map((p) => derive(frames[0], { pen: frames[0].pen + (given ? PENALTY.inconsistent : 0), placeId: p.id, villageId: p.villageId, townId: p.townId }));
  }
  const f0 = frames[0];
  if (frames.length !== 1 || (f0.villageId === null && f0.townId === null)) return frames;
  const parents = f0.villageId !== null ? [f0.villageId] : g.villagesOf.get(f0.townId!) ?? [];
  const hits = fuzzyAt(r, STAGE.place, () => parents.flatMap((v) => g.placesOf.get(v) ?? []).map((id) => g.places.get(id)!), []);
  if (!hits.length) return frames;
  return hits.map((h) => {
    const p = g.places.get(h.id)!;
    return derive(f0, { pen: f0.pen + h.dist * PENALTY.fuzzyEdit, placeId: p.id, villageId: p.villageId, townId: p.townId });
  });
}

export function resolveNames(g: Gazetteer, r: Reading): Frame[] {
  return places(g, r, naturals(g, r, villages(g, r, towns(g, r))));
}

// Zone kinds as the incident's rule profile names them (server/db/profiles.ts ZoneKindSummary):
// the wall lists every kind of the profile, with 0 for a kind not in force, most severe first
// (highest rank; the profile's own order breaks ties). A kind in force that the profile does not
// know (a zone drawn under an earlier profile) is listed after them, in grey under its own key.
export interface KindStyle { label: { zh: string; en: string }; rank: number; colour: string }
export interface ProfileKinds { kinds: string[]; styles: Record<string, KindStyle> }

export const UNKNOWN_KIND_COLOUR = '#9e9e9e';

export function kindStyle(profile: ProfileKinds | null, kind: string): KindStyle {
  return profile?.styles[kind] ?? { label: { zh: kind, en: kind }, rank: 0, colour: UNKNOWN_KIND_COLOUR };
}

export function zoneKindCounts(profile: ProfileKinds | null, counts: { kind: string; count: number }[]) {
  const by = new Map<string, number>();
  for (const c of counts) by.set(c.kind, (by.get(c.kind) ?? 0) + c.count);
  const known = profile?.kinds ?? [];
  const ordered = known.map((kind, i) => ({ kind, i })).sort((a, b) => kindStyle(profile, b.kind).rank - kindStyle(profile, a.kind).rank || a.i - b.i)
    .map((k) => k.kind);
  const extra = [...by.keys()].filter((k) => !known.includes(k)).sort();
  return [...ordered, ...extra].map((kind) => ({ kind, ...kindStyle(profile, kind), count: by.get(kind) ?? 0 }));
}

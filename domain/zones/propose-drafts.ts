// Zones under construction: one per unit key, whatever number of cases and exposures put it
// there. Merging keeps the strictest kind (highest rank) and every distinct reason.
import type { ProfileParams } from './profile.ts';
import type { ProposedZone, Provenance } from './propose-types.ts';
import type { UnitPick } from './propose-units.ts';

export interface Draft extends ProposedZone {
  rank: number;
  /** Townships of the residences that put it here (township escalation counts these). */
  residenceTownships: Set<number>;
  /** Provenance already listed, so merging thousands of reasons stays linear. */
  seen: Set<string>;
}

export const rankOf = (params: ProfileParams, kind: string): number => params.zones[kind]?.rank ?? 0;

const later = (a: string | null, b: string | null): string | null => (a === null ? b : b === null || a >= b ? a : b);

function addProvenance(into: Draft, items: readonly Provenance[]): void {
  for (const p of items) {
    const id = `${p.personId}|${p.exposureId}|${p.at}|${p.reason}`;
    if (into.seen.has(id)) continue;
    into.seen.add(id);
    into.provenance.push(p);
  }
}

export function newDraft(params: ProfileParams, unit: UnitPick, kind: string): Draft {
  return { key: unit.key, unit: unit.unit, name: unit.name, geometry: unit.geometry, kind, rank: rankOf(params, kind), provenance: [],
    lastInfectionDate: null, contains: [], residenceTownships: new Set(), seen: new Set() };
}

/** Adds one reason to the zone of `unit`, creating or raising it. */
export function addToDrafts(
  params: ProfileParams, drafts: Map<string, Draft>, unit: UnitPick, kind: string,
  provenance: Provenance, infectionDate: string, residenceTownship: number | null,
): void {
  const d = drafts.get(unit.key) ?? drafts.set(unit.key, newDraft(params, unit, kind)).get(unit.key)!;
  const rank = rankOf(params, kind);
  if (rank > d.rank) {
    d.kind = kind; d.rank = rank;
  }
  addProvenance(d, [provenance]);
  d.lastInfectionDate = later(d.lastInfectionDate, infectionDate);
  if (residenceTownship !== null) d.residenceTownships.add(residenceTownship);
}

/** `inner` becomes part of `outer`: listed in `contains`, its reasons moved up. */
export function absorb(outer: Draft, inner: Draft): void {
  outer.contains.push(inner.key);
  for (const k of inner.contains) outer.contains.push(k); // no spread: a township can hold thousands
  addProvenance(outer, inner.provenance);
  outer.lastInfectionDate = later(outer.lastInfectionDate, inner.lastInfectionDate);
}

export function toZone(d: Draft): ProposedZone {
  const { key, kind, unit, name, geometry, provenance, lastInfectionDate, contains } = d;
  return { key, kind, unit, name, geometry, provenance, lastInfectionDate, contains };
}

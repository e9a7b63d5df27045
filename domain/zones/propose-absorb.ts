// Nesting and mixed granularity (domain-rules.md §3.4, Fengfeng 2022-06-07: 大社镇 sealed whole,
// 8 compounds/villages controlled elsewhere, the rest precaution): a township with enough sealed
// homes is proposed whole, and any zone lying inside a zone at least as strict is folded into it.
import Flatbush from 'flatbush';
import { geometryBbox } from '../geometry/bbox.ts';
import type { ProfileParams } from './profile.ts';
import { absorb, newDraft, rankOf, type Draft } from './propose-drafts.ts';
import type { ProposalUnits } from './propose-types.ts';
import { areaOf } from './propose-units.ts';
import { boxHolds, liesWithin, roughArea } from './propose-within.ts';

/** escalate_township: a township holding ≥ min_units distinct residence zones of at least the
 * escalation kind becomes one zone of that kind; the homes' zones of that township not stricter
 * than it are absorbed by id (a compound a metre over the township line still belongs to it). */
export function escalateTownships(params: ProfileParams, drafts: Map<string, Draft>, units: ProposalUnits): void {
  const rule = params.proposal.escalate_township;
  if (!rule) return;
  const rank = rankOf(params, rule.kind);
  const homesIn = new Map<number, Draft[]>();
  for (const d of drafts.values()) {
    for (const t of d.residenceTownships) (homesIn.get(t) ?? homesIn.set(t, []).get(t)!).push(d);
  }
  for (const t of [...homesIn.keys()].sort((a, b) => a - b)) {
    const township = units.townships.get(t);
    const inside = homesIn.get(t)!.filter((d) => drafts.has(d.key));
    if (!township || inside.filter((d) => d.rank >= rank).length < rule.min_units) continue;
    const whole = newDraft(params, { key: `township:${t}`, unit: 'township', name: township.name, geometry: areaOf(township.geometry) }, rule.kind);
    for (const d of inside) {
      if (d.rank > rank) continue;
      absorb(whole, d);
      drafts.delete(d.key);
    }
    drafts.set(whole.key, whole);
  }
}

const UNIT_ORDER = ['township', 'compound', 'village', 'grid', 'place', 'building', 'rest_of_county'];

/** Strictest first, then coarser units, then by key with numeric ids in order (keys parsed once:
 * a comparator that splits strings allocates n log n times). */
export function sortZones(drafts: readonly Draft[]): Draft[] {
  const keyed = drafts.map((d) => {
    const colon = d.key.indexOf(':');
    return { d, unit: UNIT_ORDER.indexOf(d.unit), type: colon < 0 ? d.key : d.key.slice(0, colon), id: colon < 0 ? 0 : Number(d.key.slice(colon + 1)) };
  });
  keyed.sort((a, b) => b.d.rank - a.d.rank || a.unit - b.unit || (a.type < b.type ? -1 : a.type > b.type ? 1 : a.id - b.id));
  return keyed.map((k) => k.d);
}

/** Folds every zone that lies inside an earlier zone of rank ≥ its own (strictest and largest
 * first, so a container is always settled before what it may hold). Returns the zones kept. */
export function absorbContained(drafts: readonly Draft[]): Draft[] {
  if (drafts.length === 0) return [];
  const area = new Map(drafts.map((d) => [d, roughArea(d.geometry)]));
  const order = sortZones(drafts).sort((a, b) => b.rank - a.rank || area.get(b)! - area.get(a)!); // stable: ties keep sortZones order
  const boxes = order.map((d) => geometryBbox(d.geometry));
  const index = new Flatbush(order.length);
  for (const b of boxes) index.add(b[0], b[1], b[2], b[3]);
  index.finish();
  const gone = new Uint8Array(order.length);
  order.forEach((d, i) => {
    const hosts = index.search(...boxes[i]).filter((j) => j < i && !gone[j] && boxHolds(boxes[j], boxes[i])).sort((x, y) => x - y);
    const host = hosts.find((j) => liesWithin(d.geometry, order[j].geometry));
    if (host === undefined) return;
    absorb(order[host], d);
    gone[i] = 1;
  });
  return order.filter((_, i) => !gone[i]);
}

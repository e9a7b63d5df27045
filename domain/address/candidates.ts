// From matched frames to ranked candidates: the point of the deepest level reached (the room's
// or door's address point, else the building centroid, else the compound, natural village,
// village or township point — domain-rules.md §5.4 step 5), a readable label, and a confidence
// that starts from the level and loses the penalties collected on the way (reading.ts PENALTY).
import type { Gazetteer } from './gazetteer.ts';
import { PENALTY } from './reading.ts';
import type { Hit } from './resolve-detail.ts';
import type { AddressParts, GeocodeCandidate, GeocodeLevel } from './types.ts';

/** Confidence of an exact match at each level. */
export const LEVEL_CONFIDENCE: Record<GeocodeLevel, number> = {
  room: 1, doorplate: 1, building: 0.9, compound: 0.75, village: 0.6, township: 0.4, none: 0,
};
const MAX_CANDIDATES = 5;
/** Candidates this close to the best are as good as it: the address is ambiguous. */
const TIE = 0.05;
const LABEL_ORDER: (keyof AddressParts)[] = ['town', 'community', 'road', 'roadno', 'poi', 'houseno', 'cellno', 'floorno', 'roomno'];

const DEPTH: Record<GeocodeLevel, number> = { none: 0, township: 1, village: 2, compound: 3, building: 4, doorplate: 5, room: 5 };

function adminLabel(g: Gazetteer, h: Hit): string {
  const f = h.frame;
  const town = f.townId !== null ? g.towns.get(f.townId)?.name ?? '' : '';
  const village = f.villageId !== null ? g.villages.get(f.villageId)?.name ?? '' : '';
  const natural = f.natId !== null && h.level === 'village' ? g.naturals.get(f.natId)?.name ?? '' : '';
  const place = f.placeId !== null && DEPTH[h.level] >= 3 ? g.places.get(f.placeId)?.name ?? '' : '';
  const building = h.buildingId !== undefined ? g.buildings.get(h.buildingId)?.name ?? '' : '';
  return town + village + (natural && !village.startsWith(natural) ? natural : '') + place + (building.startsWith(place) ? building.slice(place.length) : building);
}

export function toCandidate(g: Gazetteer, h: Hit, extraPen: number): GeocodeCandidate | null {
  const f = h.frame;
  let pen = f.pen + h.pen + extraPen;
  if (!f.townGiven && DEPTH[h.level] > 1) pen += PENALTY.missingTown;
  if (!f.villageGiven && DEPTH[h.level] > 2) pen += PENALTY.missingVillage;
  const confidence = Math.max(0, Math.round((LEVEL_CONFIDENCE[h.level] - pen) * 100) / 100);
  const ap = h.ap;
  const point = ap?.point ?? (h.buildingId !== undefined ? g.buildings.get(h.buildingId)?.point
    : f.placeId !== null && DEPTH[h.level] >= 3 ? g.places.get(f.placeId)?.point
      : f.natId !== null && h.level === 'village' ? g.naturals.get(f.natId)?.point
        : f.villageId !== null && h.level === 'village' ? g.villages.get(f.villageId)?.point
          : f.townId !== null && h.level === 'township' ? g.towns.get(f.townId)?.point : undefined);
  if (!point) return null;
  const label = ap ? LABEL_ORDER.map((k) => ap.parts[k] ?? '').join('') : adminLabel(g, h);
  const c: GeocodeCandidate = { label, level: h.level, confidence, point };
  if (ap) c.addressPointId = ap.id;
  const buildingId = ap ? ap.buildingId ?? undefined : h.buildingId;
  if (buildingId !== undefined) c.buildingId = buildingId;
  if (f.placeId !== null && DEPTH[h.level] >= 3) c.placeId = f.placeId;
  const unit = f.villageId ?? f.townId;
  if (unit !== null) c.adminUnitId = unit;
  return c;
}

const keyOf = (c: GeocodeCandidate) => `${c.level}|${c.addressPointId ?? ''}|${c.buildingId ?? ''}|${c.placeId ?? ''}|${c.adminUnitId ?? ''}`;

/** Best first, one per place, at most five; when several fit equally, each loses confidence. */
export function rankCandidates(all: GeocodeCandidate[]): GeocodeCandidate[] {
  const byKey = new Map<string, GeocodeCandidate>();
  for (const c of all) {
    const k = keyOf(c);
    const had = byKey.get(k);
    if (!had || had.confidence < c.confidence) byKey.set(k, c);
  }
  const sorted = [...byKey.values()].sort((a, b) => b.confidence - a.confidence || DEPTH[b.level] - DEPTH[a.level]);
  if (sorted.length > 1 && sorted[1].confidence >= sorted[0].confidence - TIE) {
    const top = sorted[0].confidence;
    for (const c of sorted) {
      if (c.confidence >= top - TIE) c.confidence = Math.max(0, Math.round((c.confidence - PENALTY.ambiguous) * 100) / 100);
    }
  }
  return sorted.slice(0, MAX_CANDIDATES);
}

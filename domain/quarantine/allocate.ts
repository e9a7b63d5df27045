// Allocation of people to quarantine rooms (issue 5 item 4; rules in groups.ts, domain-rules.md
// §1.7). Greedy and deterministic: people who bring a carer go first (they need the scarcer rooms
// for two), then by person id, so the same people on the same rooms always get the same answer
// whatever order the client listed them in. Each person goes to the nearest active site (great-
// circle distance from home; standby and closed sites are skipped) that has a legal free room;
// inside the site, a block already holding the person's group comes before an empty block (which
// stays open for another group), then the smallest room that fits (single rooms for people
// alone, so the rooms for two stay for carers), then single < multi < accessible, then room id.
import type { PersonCategory } from '../layers.ts';
import { blockGroups, roomGroup, roomRefusal, type BlockGroups, type RoomGroup, type RoomState, type SiteState } from './groups.ts';

export interface AllocationRequest { personId: number; category: PersonCategory; home: [number, number] | null; carerId?: number }
export interface Assignment { personId: number; roomId: number; siteId: number; carerId: number | null; distanceMeters: number | null }
export interface Unplaced { personId: number; reason: 'no_room' | 'no_room_for_carer' }

/** Mean Earth radius (IUGG, R1 = 6 371 008.8 m): haversine error < 0.5 % is far below what
 * "nearest site" needs inside a district. */
const EARTH_RADIUS_METERS = 6_371_008.8;
const RAD = Math.PI / 180;

export function haversineMeters([lng1, lat1]: readonly [number, number], [lng2, lat2]: readonly [number, number]): number {
  const dLat = (lat2 - lat1) * RAD, dLng = (lng2 - lng1) * RAD;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(h)));
}

const KIND_RANK: Record<RoomState['kind'], number> = { single: 0, multi: 1, accessible: 2 };

/** The best legal free room of one site for a person of `group`, or undefined. */
function pickRoom(siteRooms: RoomState[], groups: BlockGroups, group: RoomGroup, withCarer: boolean): RoomState | undefined {
  const blocks = groups.get(siteRooms[0]?.siteId ?? -1);
  const multiBlock = (blocks?.size ?? 0) > 1;
  const rank = (r: RoomState) => [multiBlock && blocks!.get(r.block)?.has(group) ? 0 : 1, r.capacity, KIND_RANK[r.kind], r.id];
  let best: RoomState | undefined, bestRank: number[] = [];
  for (const r of siteRooms) {
    if (roomRefusal(groups, r, group, withCarer) !== null) continue;
    const k = rank(r);
    if (!best || (k.map((v, j) => v - bestRank[j]).find((d) => d !== 0) ?? 0) < 0) { best = r; bestRank = k; }
  }
  return best;
}

/** Rooms for `requests` on top of the current `rooms` (which are not changed). Assignments and
 * unplaced people come back in the order of `requests`. `no_room_for_carer`: a room for the
 * person alone exists, but none for two. */
export function allocateRooms(sites: SiteState[], rooms: RoomState[], requests: AllocationRequest[])
  : { assignments: Assignment[]; unplaced: Unplaced[] } {
  const state = rooms.map((r) => ({ ...r }));
  const groups = blockGroups(state);
  const bySite = new Map<number, RoomState[]>();
  for (const r of state) bySite.set(r.siteId, [...(bySite.get(r.siteId) ?? []), r]);
  const active = sites.filter((s) => s.status === 'active').sort((a, b) => a.id - b.id);
  const order = requests.map((req, i) => ({ req, i }))
    .sort((a, b) => Number(a.req.carerId === undefined) - Number(b.req.carerId === undefined) || a.req.personId - b.req.personId || a.i - b.i);

  const placed = new Map<number, Assignment | Unplaced>();
  for (const { req, i } of order) {
    const group = roomGroup(req.category);
    const withCarer = req.carerId !== undefined;
    const near = active.map((s) => ({ s, d: req.home ? haversineMeters(req.home, s.point) : null }))
      .sort((a, b) => (a.d ?? 0) - (b.d ?? 0) || a.s.id - b.s.id); // stable: ties and no home → by site id
    let done = false;
    for (const { s, d } of near) {
      const room = pickRoom(bySite.get(s.id) ?? [], groups, group, withCarer);
      if (!room) continue;
      room.occupantId = req.personId;
      room.occupantGroup = group;
      room.carerId = req.carerId ?? null;
      groups.get(room.siteId)!.get(room.block)!.add(group);
      placed.set(i, { personId: req.personId, roomId: room.id, siteId: s.id, carerId: req.carerId ?? null, distanceMeters: d === null ? null : Math.round(d) });
      done = true;
      break;
    }
    if (done) continue;
    const alone = withCarer && near.some(({ s }) => pickRoom(bySite.get(s.id) ?? [], groups, group, false));
    placed.set(i, { personId: req.personId, reason: alone ? 'no_room_for_carer' : 'no_room' });
  }
  const results = requests.map((_, i) => placed.get(i)!);
  return {
    assignments: results.filter((r): r is Assignment => 'roomId' in r),
    unplaced: results.filter((r): r is Unplaced => 'reason' in r),
  };
}

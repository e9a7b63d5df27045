// GET /rooms/occupancy's answer from the room list: counts per site and per block with the group
// each block holds, and, for everyone but the wall, the rooms themselves with who is in them and
// when they are due out.
import type { RoomGroup } from '../../domain/quarantine/groups.ts';
import type { RoomDetail, SiteSummary } from '../db/room-occupancy.ts';

const counts = (rooms: RoomDetail[]) => {
  const occupied = rooms.filter((r) => r.occupantId !== null).length;
  return { rooms: rooms.length, occupied, free: rooms.length - occupied };
};

/** The group a block holds: null when empty, 'mixed' when older data put two groups in it. */
function blockGroup(rooms: RoomDetail[]): RoomGroup | 'mixed' | null {
  const groups = new Set(rooms.flatMap((r) => (r.group ? [r.group] : [])));
  return groups.size === 0 ? null : groups.size === 1 ? [...groups][0] : 'mixed';
}

function groupBy<T, K>(items: T[], key: (t: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const t of items) out.set(key(t), [...(out.get(key(t)) ?? []), t]);
  return out;
}

/** Every site, rooms or not. `release`: person id → release date, or null for the wall (no room list at all). */
export function occupancy(siteList: SiteSummary[], details: RoomDetail[], release: Map<number, string> | null) {
  const bySite = groupBy(details, (r) => r.siteId);
  const sites = siteList.map((s) => ({ s, rooms: bySite.get(s.id) ?? [] })).map(({ s, rooms }) => ({
    siteId: s.id, name: s.name, status: s.status, ...counts(rooms),
    byBlock: [...groupBy(rooms, (r) => r.block).entries()].map(([block, inBlock]) => ({ block, ...counts(inBlock), group: blockGroup(inBlock) })),
    ...(release && { roomList: rooms.map((r) => ({ id: r.id, block: r.block, floor: r.floor, roomNo: r.roomNo, kind: r.kind, capacity: r.capacity,
      occupantId: r.occupantId, carerId: r.carerId, group: r.group, releaseOn: r.occupantId === null ? null : release.get(r.occupantId) ?? null })) }),
  }));
  return { sites, totals: counts(details) };
}

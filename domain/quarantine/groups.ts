// Who may share a quarantine site's block and room with whom (domain-rules.md §1.7). The rules:
// 单人单间 — one person per room with its own bathroom (local guidance 2021); ed.9 let children,
// the elderly and the like share a room with a carer, which needs a room for two (capacity ≥ 2,
// the 导则's multi-person and accessible rooms, 国卫办规划函〔2022〕255号); and people of different
// management groups are kept apart: never two groups in one room, and in a site with more than
// one block a block that holds one group takes no other (issue 5: a close contact is never put in
// a confirmed case's block). A carer shares the occupant's group (they live with the exposure).
import type { PersonCategory } from '../layers.ts';

export type RoomGroup = 'case' | 'close' | 'secondary' | 'traveller';
export const ROOM_GROUPS: readonly RoomGroup[] = ['case', 'close', 'secondary', 'traveller'];

const GROUP_OF: Record<PersonCategory, RoomGroup> = {
  confirmed: 'case', asymptomatic: 'case', suspected: 'case',
  closeContact: 'close', secondaryContact: 'secondary', atRiskTraveller: 'traveller',
};

/** The group a person is kept apart by: every case category is one group. */
export function roomGroup(category: PersonCategory): RoomGroup {
  return GROUP_OF[category];
}

export interface RoomState {
  id: number; siteId: number; block: string; kind: 'single' | 'multi' | 'accessible'; capacity: number;
  occupantId: number | null; occupantGroup: RoomGroup | null; carerId: number | null;
}
export interface SiteState { id: number; point: [number, number]; status: 'active' | 'standby' | 'closed' }

/** A room holds nobody, not even a carer. */
export const isFree = (r: RoomState): boolean => r.occupantId === null && r.carerId === null;

/** Per site, per block: the groups its occupied rooms hold. */
export type BlockGroups = Map<number, Map<string, Set<RoomGroup>>>;

export function blockGroups(rooms: readonly RoomState[]): BlockGroups {
  const out: BlockGroups = new Map();
  for (const r of rooms) {
    let site = out.get(r.siteId);
    if (!site) out.set(r.siteId, (site = new Map()));
    let groups = site.get(r.block);
    if (!groups) site.set(r.block, (groups = new Set()));
    if (r.occupantGroup !== null) groups.add(r.occupantGroup);
  }
  return out;
}

/** Whether a free room's block may take `group`: always in a one-block site (one person per room
 * keeps groups apart there); in a multi-block site only when the block holds nobody or only that
 * group. A block that already mixes groups (older data) takes no one new until it empties. */
export function blockAdmits(groups: BlockGroups, room: RoomState, group: RoomGroup): boolean {
  const site = groups.get(room.siteId);
  if (!site || site.size <= 1) return true;
  const held = site.get(room.block);
  return !held || held.size === 0 || (held.size === 1 && held.has(group));
}

/** Why `room` cannot take a person of `group` (with a carer or not), or null when it can. */
export function roomRefusal(groups: BlockGroups, room: RoomState, group: RoomGroup, withCarer: boolean): string | null {
  if (!isFree(room)) return `room ${room.id} is occupied`;
  if (withCarer && room.capacity < 2) return `room ${room.id} has capacity ${room.capacity}: a carer needs a room for two`;
  if (!blockAdmits(groups, room, group)) return `block ${room.block} of site ${room.siteId} holds another group`;
  return null;
}

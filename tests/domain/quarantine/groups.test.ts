// Who may share a block and a room (domain-rules.md §1.7; issue 5 item 4).
import { describe, expect, it } from 'vitest';
import { PERSON_CATEGORIES } from '../../../domain/layers.ts';
import { blockAdmits, blockGroups, isFree, roomGroup, roomRefusal, ROOM_GROUPS, type RoomState } from '../../../domain/quarantine/groups.ts';

const room = (id: number, siteId: number, block: string, occupantGroup: RoomState['occupantGroup'] = null, capacity = 1): RoomState =>
  ({ id, siteId, block, kind: capacity > 1 ? 'multi' : 'single', capacity, occupantId: occupantGroup ? 100 + id : null, occupantGroup, carerId: null });

describe('roomGroup', () => {
  it('puts every case category in one group and each contact category in its own', () => {
    expect(PERSON_CATEGORIES.map(roomGroup)).toEqual(['case', 'case', 'case', 'close', 'secondary', 'traveller']);
    expect(new Set(PERSON_CATEGORIES.map(roomGroup))).toEqual(new Set(ROOM_GROUPS));
  });
});

describe('blockAdmits', () => {
  const rooms = [room(1, 1, 'A', 'case'), room(2, 1, 'A'), room(3, 1, 'B', 'close'), room(4, 1, 'B'), room(5, 1, 'C'),
    room(6, 2, 'A', 'case'), room(7, 2, 'A'), room(8, 3, 'A', 'close'), room(9, 3, 'A', 'secondary'), room(10, 3, 'A'), room(11, 3, 'B')];
  const g = blockGroups(rooms);
  it('lets a block of a multi-block site take only the group it holds', () => {
    expect(blockAdmits(g, rooms[1], 'case')).toBe(true);
    expect(blockAdmits(g, rooms[1], 'close')).toBe(false); // a close contact never in a case's block
    expect(blockAdmits(g, rooms[3], 'close')).toBe(true);
    expect(blockAdmits(g, rooms[3], 'secondary')).toBe(false);
  });
  it('lets an empty block take any group', () => {
    for (const grp of ROOM_GROUPS) expect(blockAdmits(g, rooms[4], grp)).toBe(true);
  });
  it('does not apply the block rule in a one-block site (one person per room keeps them apart)', () => {
    expect(blockAdmits(g, rooms[6], 'close')).toBe(true);
  });
  it('closes a block that already mixes groups (older data) to everyone', () => {
    for (const grp of ROOM_GROUPS) expect(blockAdmits(g, rooms[9], grp)).toBe(false);
    expect(blockAdmits(g, rooms[10], 'traveller')).toBe(true);
  });
});

describe('roomRefusal', () => {
  const rooms = [room(1, 1, 'A', 'case'), room(2, 1, 'A'), room(3, 1, 'B', null, 2), { ...room(4, 1, 'B', null, 2), carerId: 55 }];
  const g = blockGroups(rooms);
  it('refuses an occupied room, a room with a carer in it, a carer in a room for one, and another group\'s block', () => {
    expect(roomRefusal(g, rooms[0], 'case', false)).toMatch(/occupied/);
    expect(isFree(rooms[3])).toBe(false);
    expect(roomRefusal(g, rooms[3], 'close', false)).toMatch(/occupied/);
    expect(roomRefusal(g, rooms[1], 'case', true)).toMatch(/capacity 1/);
    expect(roomRefusal(g, rooms[1], 'close', false)).toMatch(/block A of site 1/);
  });
  it('accepts a free legal room, with a carer when it takes two', () => {
    expect(roomRefusal(g, rooms[1], 'case', false)).toBeNull();
    expect(roomRefusal(g, rooms[2], 'close', true)).toBeNull();
  });
});

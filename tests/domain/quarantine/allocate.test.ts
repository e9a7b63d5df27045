// Allocation rules (issue 5 item 4; domain-rules.md §1.7): one person per room unless a carer
// applies, and a carer only in a room for two or more; never two groups in one room nor, in a
// site with blocks, in one block; the nearest active site with a legal free room first.
import { describe, expect, it } from 'vitest';
import { allocateRooms, haversineMeters, type AllocationRequest } from '../../../domain/quarantine/allocate.ts';
import type { RoomState, SiteState } from '../../../domain/quarantine/groups.ts';

const site = (id: number, lng: number, status: SiteState['status'] = 'active'): SiteState => ({ id, point: [lng, 36.4], status });
let nextRoom = 1;
const room = (siteId: number, block: string, o: Partial<RoomState> = {}): RoomState =>
  ({ id: nextRoom++, siteId, block, kind: 'single', capacity: 1, occupantId: null, occupantGroup: null, carerId: null, ...o });
const ask = (personId: number, category: AllocationRequest['category'], o: Partial<AllocationRequest> = {}): AllocationRequest =>
  ({ personId, category, home: [114.0, 36.4], ...o });
const roomsOf = (r: ReturnType<typeof allocateRooms>) => Object.fromEntries(r.assignments.map((a) => [a.personId, a.roomId]));

describe('allocateRooms', () => {
  it('gives one person one room, the single room before the room for two', () => {
    nextRoom = 1;
    const rooms = [room(1, 'A', { kind: 'multi', capacity: 2 }), room(1, 'A'), room(1, 'A', { kind: 'accessible', capacity: 1 })];
    const r = allocateRooms([site(1, 114.1)], rooms, [ask(1, 'closeContact'), ask(2, 'closeContact'), ask(3, 'closeContact'), ask(4, 'closeContact')]);
    expect(roomsOf(r)).toEqual({ 1: 2, 2: 3, 3: 1 });
    expect(r.unplaced).toEqual([{ personId: 4, reason: 'no_room' }]);
    expect(rooms.every((x) => x.occupantId === null)).toBe(true); // the input is not changed
  });

  it('puts a carer only in a room for two or more, and says when that is what is missing', () => {
    nextRoom = 1;
    const rooms = [room(1, 'A'), room(1, 'A', { kind: 'multi', capacity: 3 })];
    const r = allocateRooms([site(1, 114.1)], rooms, [ask(1, 'closeContact', { carerId: 9 }), ask(2, 'closeContact', { carerId: 8 })]);
    expect(r.assignments).toEqual([{ personId: 1, roomId: 2, siteId: 1, carerId: 9, distanceMeters: expect.any(Number) }]);
    expect(r.unplaced).toEqual([{ personId: 2, reason: 'no_room_for_carer' }]);
    const none = allocateRooms([site(1, 114.1)], [room(1, 'A', { occupantId: 5, occupantGroup: 'close' })], [ask(3, 'closeContact', { carerId: 7 })]);
    expect(none.unplaced).toEqual([{ personId: 3, reason: 'no_room' }]);
  });

  it('houses people with carers first, so the rooms for two are theirs', () => {
    nextRoom = 1;
    const rooms = [room(1, 'A', { kind: 'multi', capacity: 2 }), room(2, 'A')];
    const r = allocateRooms([site(1, 114.01), site(2, 114.2)], rooms, [ask(1, 'closeContact'), ask(2, 'closeContact', { carerId: 9 })]);
    expect(roomsOf(r)).toEqual({ 1: 2, 2: 1 });
    expect(r.assignments.map((a) => a.personId)).toEqual([1, 2]); // answers in the order asked
  });

  it("never places a close contact in a confirmed case's block when the site has blocks", () => {
    nextRoom = 1;
    const rooms = [room(1, 'A', { occupantId: 50, occupantGroup: 'case' }), room(1, 'A'), room(1, 'A'), room(1, 'B', { occupantId: 51, occupantGroup: 'close' }), room(1, 'B')];
    const r = allocateRooms([site(1, 114.1)], rooms, [ask(1, 'closeContact'), ask(2, 'closeContact'), ask(3, 'confirmed')]);
    expect(roomsOf(r)).toEqual({ 1: 5, 3: 2 });
    expect(r.unplaced).toEqual([{ personId: 2, reason: 'no_room' }]);
  });

  it('fills a block that holds the group before opening an empty one, and keeps the groups of one request apart', () => {
    nextRoom = 1;
    const rooms = [room(1, 'A'), room(1, 'A'), room(1, 'B'), room(1, 'B'), room(1, 'C', { occupantId: 50, occupantGroup: 'secondary' }), room(1, 'C')];
    const r = allocateRooms([site(1, 114.1)], rooms,
      [ask(1, 'closeContact'), ask(2, 'secondaryContact'), ask(3, 'closeContact'), ask(4, 'asymptomatic'), ask(5, 'suspected'), ask(6, 'atRiskTraveller')]);
    // 1 opens A (close); 2 joins C (secondary); 3 joins A; 4 opens B (case); 5 joins B; 6 finds no block free of other groups
    expect(roomsOf(r)).toEqual({ 1: 1, 2: 6, 3: 2, 4: 3, 5: 4 });
    expect(r.unplaced).toEqual([{ personId: 6, reason: 'no_room' }]);
  });

  it('mixes groups across rooms (never in one room) in a one-block site', () => {
    nextRoom = 1;
    const rooms = [room(1, 'A', { occupantId: 50, occupantGroup: 'case' }), room(1, 'A')];
    expect(roomsOf(allocateRooms([site(1, 114.1)], rooms, [ask(1, 'closeContact')]))).toEqual({ 1: 2 });
  });

  it('prefers the nearest active site with a legal free room, skipping standby and closed sites', () => {
    nextRoom = 1;
    const sites = [site(1, 114.5), site(2, 114.01, 'standby'), site(3, 114.02, 'closed'), site(4, 114.1), site(5, 114.3)];
    const rooms = [room(1, 'A'), room(2, 'A'), room(3, 'A'), room(4, 'A'), room(5, 'A'), room(5, 'A')];
    const r = allocateRooms(sites, rooms, [ask(1, 'closeContact'), ask(2, 'closeContact'), ask(3, 'closeContact'), ask(4, 'closeContact')]);
    expect(r.assignments.map((a) => [a.personId, a.siteId])).toEqual([[1, 4], [2, 5], [3, 5], [4, 1]]);
    expect(r.assignments[0].distanceMeters).toBe(Math.round(haversineMeters([114.0, 36.4], [114.1, 36.4])));
  });

  it('goes by site id when the home is unknown (no distance)', () => {
    nextRoom = 1;
    const r = allocateRooms([site(2, 114.1), site(1, 114.9)], [room(2, 'A'), room(1, 'A')], [ask(1, 'closeContact', { home: null })]);
    expect(r.assignments).toEqual([{ personId: 1, roomId: 2, siteId: 1, carerId: null, distanceMeters: null }]);
  });

  it('is deterministic: the same people in any order get the same rooms', () => {
    nextRoom = 1;
    const sites = [site(1, 114.1), site(2, 114.2)];
    const rooms = [room(1, 'A'), room(1, 'B'), room(1, 'B', { kind: 'multi', capacity: 2 }), room(2, 'A'), room(2, 'A')];
    const asks = [ask(5, 'closeContact'), ask(3, 'confirmed'), ask(4, 'closeContact', { carerId: 10 }), ask(1, 'secondaryContact'), ask(2, 'closeContact')];
    const a = allocateRooms(sites, rooms, asks);
    const b = allocateRooms(sites, rooms, [...asks].reverse());
    expect(roomsOf(b)).toEqual(roomsOf(a));
    expect(a.unplaced.map((u) => u.personId).sort()).toEqual(b.unplaced.map((u) => u.personId).sort());
    // 4 (carer) takes site 1's room for two (B: close), 1 opens A (secondary), 2 joins B;
    // 3 (a case) finds no block of site 1 free of other groups and goes to site 2, so does 5.
    expect(roomsOf(a)).toEqual({ 1: 1, 2: 2, 3: 4, 4: 3, 5: 5 });
    expect(a.unplaced).toEqual([]);
  });
});

describe('haversineMeters', () => {
  it('measures 0.1° of longitude at 36.4° N as about 8.96 km', () => {
    expect(haversineMeters([114.0, 36.4], [114.1, 36.4])).toBeCloseTo(8_955, -1);
    expect(haversineMeters([114.0, 36.4], [114.0, 36.4])).toBe(0);
  });
});

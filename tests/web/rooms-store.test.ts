// Quarantine rooms on /cases against a fake API: occupancy and the 7-day forecast load together;
// the rooms offered by hand follow the server's rules (free, active site, a block of a multi-block
// site takes no other group); the people waiting for a room come from the board's steps before
// quarantine; allocation previews and commits with the same body shape.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import { roomChoices, useRooms, WAITING_STEPS, type OccupancyAnswer, type RoomRow } from '../../web/stores/rooms.ts';
import { fakeFetch, json, type Call } from './plan-fixtures.ts';

const room = (id: number, block: string, over: Partial<RoomRow> = {}): RoomRow =>
  ({ id, block, floor: 1, roomNo: `1${String(id).padStart(2, '0')}`, kind: 'single', capacity: 1, occupantId: null, carerId: null, group: null,
    releaseOn: null, ...over });

const occupancy: OccupancyAnswer = {
  totals: { rooms: 6, occupied: 2, free: 4 },
  sites: [
    { siteId: 1, name: '一号隔离点', status: 'active', rooms: 4, occupied: 2, free: 2,
      byBlock: [{ block: 'A', rooms: 2, occupied: 1, free: 1, group: 'case' }, { block: 'B', rooms: 2, occupied: 1, free: 1, group: 'close' }],
      roomList: [room(1, 'A', { occupantId: 50, group: 'case', releaseOn: '2022-06-20' }), room(2, 'A'),
        room(4, 'B'), room(3, 'B', { occupantId: 51, group: 'close' })] },
    { siteId: 2, name: '二号隔离点（备用）', status: 'standby', rooms: 1, occupied: 0, free: 1,
      byBlock: [{ block: 'A', rooms: 1, occupied: 0, free: 1, group: null }], roomList: [room(5, 'A')] },
    { siteId: 3, name: '三号隔离点', status: 'active', rooms: 1, occupied: 0, free: 1,
      byBlock: [{ block: 'A', rooms: 1, occupied: 0, free: 1, group: null }], roomList: [room(6, 'A')] },
  ],
};

let calls: Call[];
beforeEach(() => {
  calls = fakeFetch((call) => {
    if (call.url === '/api/v1/rooms/occupancy') return json(occupancy);
    if (call.url === '/api/v1/rooms/forecast?days=7') return json({ from: '2022-06-18', days: [{ date: '2022-06-18', bySite: { 1: 1 }, total: 1 }], undated: 3 });
    if (call.url.startsWith('/api/v1/loops/board')) {
      return json({ generatedAt: '2022-06-18T04:00:00.000Z', truncated: false, columns: [], items: [
        { id: 7, category: 'closeContact', name: '王*', stepId: 70, step: 'transferred', dueAt: '2022-06-18T01:00:00.000Z', overdue: true,
          overdueHours: 3, escalationLevel: 1, teamId: 2, teamName: '转运队', townshipName: null }] });
    }
    if (call.url === '/api/v1/people/7') {
      return json({ id: 7, room: { roomId: 4, siteId: 1, siteName: '一号隔离点', block: 'B', floor: 1, roomNo: '104', asCarer: false } });
    }
    if (call.url === '/api/v1/people/8') return json({ id: 8, room: null });
    if (call.url === '/api/v1/rooms/allocate') {
      return json({ committed: (call.body as { commit: boolean }).commit, unplaced: [],
        assignments: [{ personId: 7, roomId: 4, siteId: 1, siteName: '一号隔离点', block: 'B', floor: 1, roomNo: '104', carerId: null, distanceMeters: 2100 }] });
    }
    return json({}, 404);
  });
  setActivePinia(createPinia());
});
afterEach(() => { vi.unstubAllGlobals(); });

describe('rooms', () => {
  it('loads occupancy and the 7-day forecast together', async () => {
    const rooms = useRooms();
    await rooms.load();
    expect(calls.map((c) => c.url).sort()).toEqual(['/api/v1/rooms/forecast?days=7', '/api/v1/rooms/occupancy']);
    expect(rooms.occupancy?.totals.free).toBe(4);
    expect(rooms.forecast?.days[0].total).toBe(1);
    expect(rooms.forecast?.undated).toBe(3);
  });

  it('offers by hand only the rooms the server would accept for the person’s group', () => {
    // A close contact: never block A of site 1 (it holds a case), never the standby site, never an occupied room.
    expect(roomChoices(occupancy, 'closeContact')).toEqual([
      { siteId: 1, siteName: '一号隔离点', rooms: [{ id: 4, block: 'B', floor: 1, roomNo: '104' }] },
      { siteId: 3, siteName: '三号隔离点', rooms: [{ id: 6, block: 'A', floor: 1, roomNo: '106' }] },
    ]);
    // An asymptomatic case belongs to the case group: block A of site 1 is theirs.
    expect(roomChoices(occupancy, 'asymptomatic').map((c) => c.rooms.map((r) => r.id))).toEqual([[2], [6]]);
    // A secondary contact fits neither block of site 1.
    expect(roomChoices(occupancy, 'secondaryContact').map((c) => c.siteId)).toEqual([3]);
    expect(roomChoices(null, 'closeContact')).toEqual([]);
  });

  it('lists the people waiting for a room from the board’s steps before quarantine', async () => {
    const waiting = await useRooms().waiting();
    expect(calls[0].url).toBe(`/api/v1/loops/board?step=${WAITING_STEPS.join(',')}&limit=1000`);
    expect(waiting).toEqual([{ personId: 7, name: '王*', category: 'closeContact', step: 'transferred' }]);
  });

  it('reads the room a person already holds (the quarantine step keeps it)', async () => {
    const rooms = useRooms();
    expect(await rooms.roomOf(7)).toMatchObject({ roomId: 4, roomNo: '104' });
    expect(await rooms.roomOf(8)).toBeNull();
  });

  it('previews, then commits, an allocation', async () => {
    const rooms = useRooms();
    const preview = await rooms.allocate([7], false);
    expect(preview.committed).toBe(false);
    expect(preview.assignments[0]).toMatchObject({ roomId: 4, siteName: '一号隔离点', roomNo: '104' });
    await rooms.allocate([7], true);
    expect(calls.map((c) => c.body)).toEqual([{ personIds: [7], commit: false }, { personIds: [7], commit: true }]);
  });
});

// Quarantine rooms over the API (issue 5 item 4): occupancy per site and block, the release
// forecast, allocation previewed and committed all-or-none, the roles, the audit entry, and the
// one source of truth (quarantine_rooms.occupant_person_id) that the quarantine-sites layer shares.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assignRoom, CARER_REFUSED, freeRoomOf } from '../../server/db/rooms.ts';
import { FIXED_NOW, testApp } from '../support/app.ts';
import { DIALECTS } from '../support/dialects.ts';
import { addRoomsFixture } from '../support/rooms-fixture.ts';

type Fx = Awaited<ReturnType<typeof addRoomsFixture>>;

describe.each(DIALECTS)('rooms on $name', (dialect) => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let f: Fx;
  beforeAll(async () => { t = await testApp(dialect); f = await addRoomsFixture(t.db); });
  afterAll(async () => { await t.close(); });

  const officer = () => t.as('officer');
  const allocate = (body: unknown, who: Parameters<typeof t.as>[0] = 'officer') => t.as(who)('/api/v1/rooms/allocate', 'POST', body);
  const wave = () => ({ personIds: [f.p.close5, f.p.secondary6, f.p.child7, f.p.case9], carers: [{ personId: f.p.child7, carerId: f.p.carer8 }] });
  const occupancy = async () => (await (await officer()('/api/v1/rooms/occupancy')).json());
  const site = (o: { sites: { siteId: number }[] }, id: number) => o.sites.find((s) => s.siteId === id) as Record<string, unknown>;

  it('counts rooms per site and block, with the group each block holds and who is due out when', async () => {
    const o = await occupancy();
    expect(o.totals).toEqual({ rooms: 6, occupied: 1, free: 5 });
    expect(site(o, 1)).toMatchObject({ name: '峰峰宾馆隔离点', status: 'active', rooms: 3, occupied: 1, free: 2,
      byBlock: [{ block: 'A', rooms: 2, occupied: 1, free: 1, group: 'close' }, { block: 'B', rooms: 1, occupied: 0, free: 1, group: null }] });
    expect((site(o, 1).roomList as unknown[])[0]).toEqual({ id: 1, block: 'A', floor: 1, roomNo: '101', kind: 'single', capacity: 1,
      occupantId: 4, carerId: null, group: 'close', releaseOn: '2022-06-14' });
    expect(site(o, f.site3.id)).toMatchObject({ status: 'standby', rooms: 1, occupied: 0 });
  });

  it('gives the wall counts only, no rooms and no person ids; planners and commanders read; field members do not', async () => {
    const wall = await (await t.as('wall')('/api/v1/rooms/occupancy')).json();
    expect(wall.totals).toEqual({ rooms: 6, occupied: 1, free: 5 });
    expect(JSON.stringify(wall)).not.toMatch(/roomList|occupantId|carerId/);
    for (const who of ['planner', 'commander', 'admin'] as const) expect((await t.as(who)('/api/v1/rooms/occupancy')).status).toBe(200);
    for (const path of ['/api/v1/rooms/occupancy', '/api/v1/rooms/forecast']) expect((await t.as('fieldA')(path)).status).toBe(403);
    for (const who of ['planner', 'commander', 'wall', 'fieldA', 'admin'] as const) expect((await allocate({ ...wave(), commit: false }, who)).status).toBe(403);
  });

  it('previews: nearest active site with a legal room, carers in rooms for two, groups kept apart', async () => {
    const res = await allocate({ ...wave(), personIds: [...wave().personIds, f.p.close10], commit: false });
    expect(res.status).toBe(200);
    const a = await res.json();
    expect(a.committed).toBe(false);
    expect(a.assignments.map((x: { personId: number; roomId: number }) => [x.personId, x.roomId])).toEqual([
      [f.p.close5, 2], // site 1, block A already holds a close contact
      [f.p.secondary6, 3], // site 1, block B (the nearer standby site is skipped)
      [f.p.child7, f.site2.rooms[1]], // with a carer: the only room for two
      [f.p.case9, f.site2.rooms[0]], // site 1's blocks hold other groups; site 2 has one block
    ]);
    expect(a.assignments[2]).toMatchObject({ siteId: f.site2.id, siteName: '和村隔离点', block: 'A', floor: 2, roomNo: '202', carerId: f.p.carer8 });
    expect(a.assignments[0].distanceMeters).toBeGreaterThan(800);
    expect(a.unplaced).toEqual([{ personId: f.p.close10, reason: 'no_room' }]);
    expect((await occupancy()).totals.occupied).toBe(1); // a preview writes nothing
  });

  it('commits all or none: one person who cannot be placed and nothing is written', async () => {
    const res = await allocate({ ...wave(), personIds: [...wave().personIds, f.p.close10], commit: true });
    expect(res.status).toBe(409);
    const p = await res.json();
    expect(p.code).toBe('no_room_available');
    expect(p.detail).toContain(`person ${f.p.close10} (no_room)`);
    expect((await occupancy()).totals.occupied).toBe(1);
    expect(await t.db.kysely.selectFrom('audit_entries').select('id').where('action', '=', 'allocate').execute()).toEqual([]);
  });

  it('commits a wave in one transaction: rooms, carer, loop step and audit entry; every view agrees', async () => {
    const res = await allocate({ ...wave(), commit: true });
    expect(res.status).toBe(200);
    expect((await res.json()).committed).toBe(true);
    const o = await occupancy();
    expect(o.totals).toEqual({ rooms: 6, occupied: 5, free: 1 });
    expect(site(o, 1).byBlock).toEqual([{ block: 'A', rooms: 2, occupied: 2, free: 0, group: 'close' }, { block: 'B', rooms: 1, occupied: 1, free: 0, group: 'secondary' }]);
    const room5 = await t.db.kysely.selectFrom('quarantine_rooms').selectAll().where('id', '=', f.site2.rooms[1]).executeTakeFirstOrThrow();
    expect([room5.occupant_person_id, room5.carer_person_id]).toEqual([f.p.child7, f.p.carer8]);
    const q = await t.db.kysely.selectFrom('loop_steps').select('room_id').where('person_id', '=', f.p.close5).where('step', '=', 'quarantined').executeTakeFirstOrThrow();
    expect(q.room_id).toBe(2);
    const audit = await t.db.kysely.selectFrom('audit_entries').selectAll().where('action', '=', 'allocate').executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor: 'officer', entity: 'quarantine_rooms', route: 'POST /rooms/allocate' });
    expect(JSON.parse(audit.after!).assignments).toContainEqual({ personId: f.p.child7, roomId: f.site2.rooms[1], carerId: f.p.carer8 });
    const layer = await (await t.as('wall')('/api/v1/layers/quarantine-sites')).json();
    const props = (id: number) => layer.features.find((x: { id: number }) => x.id === id).properties;
    expect([props(1).roomsOccupied, props(f.site2.id).roomsOccupied]).toEqual([site(o, 1).occupied, site(o, f.site2.id).occupied]);
  });

  it('forecasts rooms freed per Asia/Shanghai day from the release steps of the people housed', async () => {
    const res = await officer()('/api/v1/rooms/forecast?days=7');
    expect(res.status).toBe(200);
    const fc = await res.json();
    expect(fc.from).toBe('2022-06-12');
    expect(fc.days).toHaveLength(7);
    expect(fc.days.filter((d: { total: number }) => d.total > 0)).toEqual([
      { date: '2022-06-14', bySite: { 1: 1, [f.site2.id]: 0, [f.site3.id]: 0 }, total: 1 },
      { date: '2022-06-17', bySite: { 1: 1, [f.site2.id]: 0, [f.site3.id]: 0 }, total: 1 },
    ]);
    expect(fc.undated).toBe(3);
    expect((await (await t.as('wall')('/api/v1/rooms/forecast')).json()).days).toHaveLength(7);
    for (const q of ['days=0', 'days=32', 'days=x', 'from=2022-06-01']) expect((await officer()(`/api/v1/rooms/forecast?${q}`)).status).toBe(400);
  });

  it.each([
    [() => ({ personIds: [], commit: false }), 400, 'validation_failed'],
    [() => ({ personIds: [f.p.close10, f.p.close10], commit: false }), 400, 'validation_failed'],
    [() => ({ personIds: [f.p.close10] }), 400, 'validation_failed'],
    [() => ({ personIds: [f.p.close10], carers: [{ personId: f.p.case11, carerId: 3 }], commit: false }), 400, 'validation_failed'],
    [() => ({ personIds: [f.p.close10], carers: [{ personId: f.p.close10, carerId: f.p.case11 }], commit: false }), 400, 'validation_failed'],
    [() => ({ personIds: [9999], commit: false }), 422, 'unknown_reference'],
    [() => ({ personIds: [4], commit: false }), 409, 'conflict'],
    [() => ({ personIds: [f.p.close10], carers: [{ personId: f.p.close10, carerId: f.p.carer8 }], commit: false }), 409, 'conflict'],
  ])('refuses request %# with %i %s', async (body, status, code) => {
    const res = await allocate(body());
    expect(res.status).toBe(status);
    expect((await res.json()).code).toBe(code);
  });

  it('assignRoom refuses a taken room, a standby site, a carer in a room for one and another group\'s block; freeRoomOf frees', async () => {
    const refused = (a: Parameters<typeof assignRoom>[1]) => t.db.transaction((tx) => assignRoom(tx, a)).then(() => null, (e: { code: string; detail: string }) => e.code);
    expect(await refused({ personId: f.p.close10, roomId: 1 })).toBe('room_taken');
    expect(await refused({ personId: f.p.close10, roomId: f.site3.rooms[0] })).toBe('room_taken');
    expect(await refused({ personId: f.p.close10, roomId: 999 })).toBe('unknown_reference');
    expect(await t.db.transaction((tx) => freeRoomOf(tx, f.p.close5))).toBe(2);
    expect(await refused({ personId: f.p.case11, roomId: 2 })).toBe('room_taken'); // block A holds a close contact
    expect(await refused({ personId: f.p.close10, roomId: 2, carerId: f.p.close5 })).toBe('room_taken'); // room 2 is for one
    expect(await refused({ personId: f.p.close10, roomId: 2, carerId: f.p.close5, carerTeamId: 2 })).toBe('room_taken'); // p5 lives in team 2's area
    // Review H2: a carer must be of the person's incident and group, active, housed nowhere and (scope own) in the team's
    // areas; every refusal is the same answer, naming no room or person.
    const carerRefusal = (a: Parameters<typeof assignRoom>[1]) => t.db.transaction((tx) => assignRoom(tx, a)).then(() => null, (e: { code: string; detail: string }) => `${e.code}: ${e.detail}`);
    const uniform = `validation_failed: ${CARER_REFUSED}`;
    expect(CARER_REFUSED).not.toMatch(/\d/);
    for (const carerId of [f.p.case11, 9999, f.p.carer8, f.p.close10]) expect(await carerRefusal({ personId: f.p.close10, roomId: 2, carerId })).toBe(uniform);
    expect(await carerRefusal({ personId: f.p.close10, roomId: 2, carerId: f.p.close5, carerTeamId: 1 })).toBe(uniform); // outside team 1's areas
    await t.db.kysely.updateTable('persons').set({ status: 'released' }).where('id', '=', f.p.close5).execute();
    expect(await carerRefusal({ personId: f.p.close10, roomId: 2, carerId: f.p.close5 })).toBe(uniform);
    await t.db.kysely.updateTable('persons').set({ status: 'active' }).where('id', '=', f.p.close5).execute();
    expect(await t.db.transaction((tx) => assignRoom(tx, { personId: f.p.close10, roomId: 2 }))).toEqual({ roomId: 2, siteId: 1 });
    expect(await t.db.transaction((tx) => assignRoom(tx, { personId: f.p.close10, roomId: 2 }))).toEqual({ roomId: 2, siteId: 1 }); // again: no-op
    const step = await t.db.kysely.selectFrom('loop_steps').select('room_id').where('person_id', '=', f.p.close10).executeTakeFirstOrThrow();
    expect(step.room_id).toBe(2);
    expect(await t.db.transaction((tx) => freeRoomOf(tx, f.p.child7))).toBe(f.site2.rooms[1]);
    const room5 = await t.db.kysely.selectFrom('quarantine_rooms').selectAll().where('id', '=', f.site2.rooms[1]).executeTakeFirstOrThrow();
    expect([room5.occupant_person_id, room5.carer_person_id]).toEqual([null, null]);
    expect(await t.db.transaction((tx) => freeRoomOf(tx, f.p.child7))).toBeNull();
    expect((await occupancy()).totals.occupied).toBe(4);
    expect(FIXED_NOW.toISOString()).toBe('2022-06-12T04:00:00.000Z');
  });
});

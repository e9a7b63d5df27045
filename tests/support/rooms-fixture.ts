// What the rooms tests add to the tiny district (whose site 1, 峰峰宾馆隔离点 at 114.2, 36.42, has
// rooms 1 = A101 held by close contact 4, 2 = A102 and 3 = B101): site 2, active, one block, far
// east (rooms 4 = A201 single, 5 = A202 for two); site 3, standby, nearest to the west (room 6);
// people to house with their homes, the loop steps that say when 4 and p5 are due out, and an
// open 'quarantined' step of p5 that takes the room.
import type { Db } from '../../server/db/database.ts';
import { idNo } from './access-fixture.ts';

const pt = (x: number, y: number) => ({ geometry: JSON.stringify({ type: 'Point', coordinates: [x, y] }), min_lng: x, min_lat: y, max_lng: x, max_lat: y });
const T = '2022-06-05T00:00:00.000Z';

async function site(db: Db, name: string, status: 'active' | 'standby', x: number, rooms: { block: string; roomNo: string; capacity: number }[]) {
  const s = await db.kysely.insertInto('quarantine_sites').values({ name, address: name, status, ...pt(x, 36.45), valid_from: T, valid_to: null,
    created_at: T, updated_at: T, synthetic: 1 }).returning('id').executeTakeFirstOrThrow();
  const ids: number[] = [];
  for (const r of rooms) {
    const row = await db.kysely.insertInto('quarantine_rooms').values({ site_id: s.id, block: r.block, floor: 2, room_no: r.roomNo,
      kind: r.capacity > 1 ? 'multi' : 'single', capacity: r.capacity, occupant_person_id: null, carer_person_id: null }).returning('id').executeTakeFirstOrThrow();
    ids.push(row.id);
  }
  return { id: s.id, rooms: ids };
}

async function person(db: Db, seq: number, category: 'closeContact' | 'secondaryContact' | 'confirmed', x: number, y: number) {
  const r = await db.kysely.insertInto('persons').values({ incident_id: 1, category, name: `测试${seq}`, id_number: idNo(String(300 + seq)),
    phone: `1390000${1000 + seq}`, sex: 'male', age: 8 + seq, home_address_point_id: null, home_address: null, status: 'active', onset_date: null,
    sample_date: null, report_date: null, ...pt(x, y), valid_from: T, valid_to: null, created_at: T, updated_at: T, synthetic: 1 }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

async function step(db: Db, personId: number, name: 'quarantined' | 'released', seq: number, dueAt: string) {
  await db.kysely.insertInto('loop_steps').values({ person_id: personId, step: name, seq, due_at: dueAt, done_at: null, team_id: 1, room_id: null, note: null,
    result: null, actor: null, cancelled_at: null, escalated_at: null }).execute();
}

export async function addRoomsFixture(db: Db) {
  const site2 = await site(db, '和村隔离点', 'active', 114.35, [{ block: 'A', roomNo: '201', capacity: 1 }, { block: 'A', roomNo: '202', capacity: 2 }]);
  const site3 = await site(db, '南头备用隔离点', 'standby', 114.13, [{ block: 'A', roomNo: '101', capacity: 1 }]);
  const p = {
    close5: await person(db, 5, 'closeContact', 114.21, 36.42),
    secondary6: await person(db, 6, 'secondaryContact', 114.14, 36.43), // the standby site is nearer: skipped
    child7: await person(db, 7, 'closeContact', 114.21, 36.42),
    carer8: await person(db, 8, 'closeContact', 114.21, 36.42),
    case9: await person(db, 9, 'confirmed', 114.2, 36.43),
    close10: await person(db, 10, 'closeContact', 114.22, 36.42),
    case11: await person(db, 11, 'confirmed', 114.22, 36.42),
  };
  await step(db, 4, 'released', 2, '2022-06-14T00:00:00.000Z'); // 08:00 in Shanghai, 2022-06-14
  await step(db, p.close5, 'quarantined', 5, '2022-06-12T12:00:00.000Z');
  await step(db, p.close5, 'released', 7, '2022-06-16T20:00:00.000Z'); // 04:00 on 2022-06-17 in Shanghai
  await step(db, p.close10, 'quarantined', 5, '2022-06-12T12:00:00.000Z');
  return { site2, site3, p };
}

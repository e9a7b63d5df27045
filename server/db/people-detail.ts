// The rest of a person's file (GET /people/{id}): the exposure trajectory (流调: places and time
// windows), contacts both ways, the loop's steps and the room they are in. Contacts carry the
// other person's registry columns for serialize.ts to mask; under scope `own` a contact living
// outside the team's areas comes back as id and category only (`visible: false`), so a field
// member learns no more about another area's person than that the link exists.
import type { Point } from 'geojson';
import type { Db } from './database.ts';

export interface ExposureRow { id: number; placeId: number | null; buildingId: number | null; name: string | null; kind: string | null;
  startAt: string; endAt: string; note: string | null; point: [number, number] }
export interface ContactRow { linkId: number; direction: 'to' | 'from'; personId: number; contactType: string; lastExposureAt: string;
  visible: boolean; person: { id: number; category: string; status: string; name: string; id_number: string; phone: string; home_address: string | null } }
export interface RoomRow { roomId: number; siteId: number; siteName: string; block: string; floor: number; roomNo: string; asCarer: boolean }

export async function exposures(db: Db, personId: number): Promise<ExposureRow[]> {
  const rows = await db.kysely.selectFrom('exposures').leftJoin('places', 'places.id', 'exposures.place_id').leftJoin('buildings', 'buildings.id', 'exposures.building_id')
    .select(['exposures.id', 'exposures.place_id', 'exposures.building_id', 'places.name as place_name', 'places.kind as place_kind',
      'buildings.name as building_name', 'exposures.start_at', 'exposures.end_at', 'exposures.note', 'exposures.min_lng', 'exposures.min_lat', 'exposures.max_lng', 'exposures.max_lat'])
    .where('exposures.person_id', '=', personId).orderBy('exposures.start_at').orderBy('exposures.id').execute();
  return rows.map((r) => ({ id: r.id, placeId: r.place_id, buildingId: r.building_id, name: r.place_name ?? r.building_name ?? null,
    kind: r.place_kind ?? (r.building_id === null ? null : 'building'), startAt: r.start_at, endAt: r.end_at, note: r.note,
    point: [(r.min_lng + r.max_lng) / 2, (r.min_lat + r.max_lat) / 2] }));
}

/** Links from and to the person, newest exposure first. `teamId`: scope `own`. */
export async function contacts(db: Db, personId: number, teamId?: number): Promise<ContactRow[]> {
  const side = async (direction: 'to' | 'from') => {
    const mine = direction === 'to' ? 'from_person_id' : 'to_person_id';
    const other = direction === 'to' ? 'to_person_id' : 'from_person_id';
    const rows = await db.kysely.selectFrom('contact_links').innerJoin('persons', 'persons.id', `contact_links.${other}`)
      .select(['contact_links.id as link_id', 'contact_links.contact_type', 'contact_links.last_exposure_at', 'persons.id', 'persons.category',
        'persons.status', 'persons.name', 'persons.id_number', 'persons.phone', 'persons.home_address'])
      .where(`contact_links.${mine}`, '=', personId).execute();
    return rows.map((r) => ({ linkId: r.link_id, direction, personId: r.id, contactType: r.contact_type, lastExposureAt: r.last_exposure_at, visible: true,
      person: { id: r.id, category: r.category, status: r.status, name: r.name, id_number: r.id_number, phone: r.phone, home_address: r.home_address } }));
  };
  const all = [...(await side('to')), ...(await side('from'))];
  if (teamId !== undefined && all.length) {
    const inScope = new Set((await db.kysely.selectFrom('persons').select('id').where('id', 'in', all.map((c) => c.personId))
      .where(db.inTeamAreas('persons', teamId, 'point')).execute()).map((r) => r.id));
    for (const c of all) c.visible = inScope.has(c.personId);
  }
  return all.sort((a, b) => b.lastExposureAt.localeCompare(a.lastExposureAt) || a.linkId - b.linkId);
}

/** The room the person occupies (or shares as a carer), with its site. */
export async function roomOf(db: Db, personId: number): Promise<RoomRow | null> {
  const r = await db.kysely.selectFrom('quarantine_rooms').innerJoin('quarantine_sites', 'quarantine_sites.id', 'quarantine_rooms.site_id')
    .select(['quarantine_rooms.id', 'quarantine_rooms.site_id', 'quarantine_sites.name', 'quarantine_rooms.block', 'quarantine_rooms.floor',
      'quarantine_rooms.room_no', 'quarantine_rooms.occupant_person_id'])
    .where((eb) => eb.or([eb('quarantine_rooms.occupant_person_id', '=', personId), eb('quarantine_rooms.carer_person_id', '=', personId)]))
    .orderBy('quarantine_rooms.id').executeTakeFirst();
  return r ? { roomId: r.id, siteId: r.site_id, siteName: r.name, block: r.block, floor: r.floor, roomNo: r.room_no, asCarer: r.occupant_person_id !== personId } : null;
}

export async function personGeometry(db: Db, personId: number): Promise<Point> {
  const r = await db.kysely.selectFrom('persons').select('geometry').where('id', '=', personId).executeTakeFirstOrThrow();
  return JSON.parse(r.geometry) as Point;
}

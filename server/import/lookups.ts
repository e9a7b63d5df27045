// What checking and committing an import reads besides its own rows: the district's bbox (points
// must fall inside), the incident's persons by ID number (repeats; a contact's index case).
import type { PersonCategory } from '../../domain/layers.ts';
import type { Db } from '../db/database.ts';

export type Bbox = [number, number, number, number];
const CHUNK = 500;

export async function districtBbox(db: Db): Promise<Bbox> {
  const r = await db.kysely.selectFrom('admin_units').select(['min_lng', 'min_lat', 'max_lng', 'max_lat']).where('level', '=', 'district').orderBy('id').executeTakeFirst();
  // no district loaded: nothing can be placed inside it
  return r ? [r.min_lng, r.min_lat, r.max_lng, r.max_lat] : [0, 0, -1, -1];
}

export const inBbox = ([lng, lat]: readonly [number, number], [x0, y0, x1, y1]: Bbox): boolean => lng >= x0 && lng <= x1 && lat >= y0 && lat <= y1;

async function personsByIdNumber(db: Db, incidentId: number, ids: string[]) {
  const out: { id: number; id_number: string; category: PersonCategory }[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) {
    out.push(...await db.kysely.selectFrom('persons').select(['id', 'id_number', 'category'])
      .where('incident_id', '=', incidentId).where('id_number', 'in', ids.slice(i, i + CHUNK)).execute());
  }
  return out;
}

/** The ID numbers among `ids` already registered as persons of the incident. */
export async function existingIds(db: Db, incidentId: number, ids: string[]): Promise<Set<string>> {
  return new Set((await personsByIdNumber(db, incidentId, ids)).map((p) => p.id_number));
}

/** Persons of the incident by ID number (a contact sheet's index cases). */
export async function indexCases(db: Db, incidentId: number, ids: string[]): Promise<Map<string, { id: number; category: PersonCategory }>> {
  return new Map((await personsByIdNumber(db, incidentId, [...new Set(ids)])).map((p) => [p.id_number, { id: p.id, category: p.category }]));
}

// The transmission chain (GET /chains): persons as nodes, contact links as edges, exposure places
// as the map's other end of each trajectory, filtered by date — a link by its last exposure, a
// person by the day they were reported (else identified), and every person a kept link names is
// kept with it. No personal fields at all: a node is an id, a category, dates and a home point.
// Scope `own`: only persons inside the team's areas, and only links whose both ends are such.
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import type { PersonCategory } from '../../domain/layers.ts';
import type { Db } from './database.ts';

export interface ChainNode { id: number; category: PersonCategory; reportDate: string | null; onsetDate: string | null; identifiedAt: string; point: [number, number] }
export interface ChainLink { from: number; to: number; type: string; lastExposureAt: string }
export interface ChainPlace { personId: number; placeId: number | null; name: string | null; point: [number, number]; startAt: string; endAt: string }

const inRange = (date: string, from?: string, to?: string) => (from === undefined || date >= from) && (to === undefined || date <= to);

export async function chains(db: Db, f: { incidentId: number; from?: string; to?: string; teamId?: number }): Promise<{ nodes: ChainNode[]; links: ChainLink[]; places: ChainPlace[] }> {
  let pq = db.kysely.selectFrom('persons').select(['id', 'category', 'report_date', 'onset_date', 'valid_from', 'min_lng', 'min_lat'])
    .where('incident_id', '=', f.incidentId); // the open incident's chain (review M9)
  if (f.teamId !== undefined) pq = pq.where(db.inTeamAreas('persons', f.teamId, 'point'));
  const persons = new Map((await pq.orderBy('id').execute()).map((p) => [p.id, p]));
  const links = (await db.kysely.selectFrom('contact_links').select(['from_person_id', 'to_person_id', 'contact_type', 'last_exposure_at'])
    .orderBy('id').execute())
    .filter((l) => persons.has(l.from_person_id) && persons.has(l.to_person_id) && inRange(shanghaiDate(l.last_exposure_at), f.from, f.to));
  const keep = new Set<number>();
  for (const p of persons.values()) if (inRange(p.report_date ?? shanghaiDate(p.valid_from), f.from, f.to)) keep.add(p.id);
  for (const l of links) keep.add(l.from_person_id).add(l.to_person_id);
  const ids = [...keep].sort((a, b) => a - b);
  const nodes = ids.map((id) => {
    const p = persons.get(id)!;
    return { id, category: p.category, reportDate: p.report_date, onsetDate: p.onset_date, identifiedAt: p.valid_from, point: [p.min_lng, p.min_lat] as [number, number] };
  });
  const places: ChainPlace[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.kysely.selectFrom('exposures').leftJoin('places', 'places.id', 'exposures.place_id').leftJoin('buildings', 'buildings.id', 'exposures.building_id')
      .select(['exposures.person_id', 'exposures.place_id', 'places.name as place_name', 'buildings.name as building_name', 'exposures.start_at', 'exposures.end_at',
        'exposures.min_lng', 'exposures.min_lat', 'exposures.max_lng', 'exposures.max_lat'])
      .where('exposures.person_id', 'in', ids.slice(i, i + 500)).orderBy('exposures.person_id').orderBy('exposures.start_at').execute();
    for (const r of rows) {
      if (f.to !== undefined && shanghaiDate(r.start_at) > f.to) continue;
      if (f.from !== undefined && shanghaiDate(r.end_at) < f.from) continue;
      places.push({ personId: r.person_id, placeId: r.place_id, name: r.place_name ?? r.building_name ?? null,
        point: [(r.min_lng + r.max_lng) / 2, (r.min_lat + r.max_lat) / 2], startAt: r.start_at, endAt: r.end_at });
    }
  }
  return { nodes, links: links.map((l) => ({ from: l.from_person_id, to: l.to_person_id, type: l.contact_type, lastExposureAt: l.last_exposure_at })), places };
}

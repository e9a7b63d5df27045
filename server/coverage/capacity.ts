// GET /coverage/capacity: what the district, each township and each active zone of the open
// incident needs (sampling points, samplers, test hours, quarantine rooms; domain-rules.md
// §1.7–§1.8 by the incident profile's ratios) against what lies inside it — active testing sites
// and their hourly throughput, rooms of active quarantine sites — and the close contacts the
// last 7 days' cases will bring (domain/coverage/capacity.ts).
import { sql } from 'kysely';
import { capacityRow, capacitySources, contactForecast, type CapacityInput } from '../../domain/coverage/capacity.ts';
import type { CapacityOut } from '../../domain/coverage/types.ts';
import { addDays, shanghaiDate } from '../../domain/zones/calendar.ts';
import { bandPolygon, type BandedPolygon } from '../../domain/zones/polygon-bands.ts';
import { resourcesOf } from '../../domain/zones/supplies.ts';
import { ANALYSED_CATEGORIES } from '../analysis/inputs.ts';
import type { Db } from '../db/database.ts';
import { incidentProfile } from '../db/profiles.ts';
import { quarantineRoomCounts, testingThroughput } from './facilities.ts';
import { coverageSourceOf, type CoverageSource } from './source.ts';
import { incidentZones } from './zones.ts';

/** The days a case counts as recent: the last 7 calendar days up to today (Asia/Shanghai). */
const RECENT_DAYS = 7;

type Area = { level: CapacityInput['level']; id: number | null; name: string; zoneKind: string | null; population: number; polygon: BandedPolygon | null };

const inArea = (a: Area, lng: number, lat: number) => a.polygon === null || a.polygon.contains(lng, lat);

/** Cases (confirmed, asymptomatic) of the incident current at `now`, reported in the last 7 days;
 * and, over the whole incident, the close contacts traced from cases and how many cases they came from. */
async function caseCounts(db: Db, incidentId: number, nowIso: string) {
  const today = shanghaiDate(nowIso);
  const day = sql<string>`coalesce(p.report_date, p.onset_date)`;
  const recent = await db.kysely.selectFrom('persons as p').select((eb) => eb.fn.countAll().as('n'))
    .where('p.incident_id', '=', incidentId).where('p.category', 'in', ANALYSED_CATEGORIES)
    .where(day, '>=', addDays(today, -(RECENT_DAYS - 1))).where(day, '<=', today).where('p.valid_from', '<=', nowIso)
    .where((eb) => eb.or([eb('p.valid_to', 'is', null), eb('p.valid_to', '>', nowIso)])).executeTakeFirst();
  const traced = await db.kysely.selectFrom('contact_links as l').innerJoin('persons as f', 'f.id', 'l.from_person_id')
    .innerJoin('persons as t', 't.id', 'l.to_person_id')
    .select([sql<number>`count(distinct l.from_person_id)`.as('cases'), sql<number>`count(distinct l.to_person_id)`.as('contacts')])
    .where('f.incident_id', '=', incidentId).where('f.category', 'in', ANALYSED_CATEGORIES).where('t.category', '=', 'closeContact')
    .executeTakeFirst();
  return { recentCases: Number(recent?.n ?? 0), casesTraced: Number(traced?.cases ?? 0), contactsTraced: Number(traced?.contacts ?? 0) };
}

// A zone version's geometry never changes (a change is a new version), so its population is kept
// per source by version row id: the district-wide 防范区 alone is 161k point-in-polygon tests.
const zonePopulations = new WeakMap<CoverageSource, Map<number, number>>();

function zonePopulation(source: CoverageSource, rowId: number, polygon: BandedPolygon): number {
  let kept = zonePopulations.get(source);
  if (!kept) zonePopulations.set(source, (kept = new Map()));
  const hit = kept.get(rowId);
  if (hit !== undefined) return hit;
  const { points } = source;
  const [x0, y0, x1, y1] = polygon.bbox;
  let n = 0;
  for (let i = 0; i < points.count; i++) {
    const x = points.lng[i], y = points.lat[i];
    if (x >= x0 && x <= x1 && y >= y0 && y <= y1 && polygon.contains(x, y)) n += points.residents[i];
  }
  kept.set(rowId, n);
  return n;
}

export async function capacityOut(db: Db, nowIso: string): Promise<CapacityOut> {
  const [source, zones, sites, rooms] = await Promise.all([coverageSourceOf(db), incidentZones(db, nowIso), testingThroughput(db, nowIso),
    quarantineRoomCounts(db, nowIso)]);
  const profile = zones.incidentId === null ? undefined : await incidentProfile(db, zones.incidentId);
  const resources = resourcesOf(profile?.params ?? {});
  const { points, units } = source;
  const district = units.find((u) => u.level === 'district');
  const areas: Area[] = [
    { level: 'district', id: district?.id ?? null, name: district?.name ?? '全区', zoneKind: null, population: 0, polygon: null },
    ...source.townships.map((t): Area => ({ level: 'township', id: t.id, name: t.name, zoneKind: null, population: 0, polygon: t.polygon })),
    ...zones.active.map((z): Area => ({ level: 'zone', id: z.zoneId, name: z.name, zoneKind: z.kind, population: 0, polygon: bandPolygon(z.geometry) })),
  ];
  // Townships by their villages (as the coverage sums do); zones by the households inside.
  const townshipOf = new Map(units.filter((u) => u.level === 'village').map((u) => [u.id, u.parentId]));
  const townshipArea = new Map(areas.filter((a) => a.level === 'township').map((a) => [a.id, a]));
  const zoneAreas = areas.filter((a) => a.level === 'zone');
  for (let i = 0; i < points.count; i++) {
    const r = points.residents[i];
    areas[0].population += r;
    const t = townshipArea.get(townshipOf.get(points.village[i]) ?? -1);
    if (t) t.population += r;
  }
  zoneAreas.forEach((a, k) => { a.population = zonePopulation(source, zones.active[k].rowId, a.polygon!); });
  const rows = areas.map((a) => {
    const s = sites.filter((f) => inArea(a, f.lng, f.lat)), q = rooms.filter((f) => inArea(a, f.lng, f.lat));
    return capacityRow({ level: a.level, id: a.id, name: a.name, zoneKind: a.zoneKind, population: a.population,
      samplingPointsPresent: s.length, throughputPerHour: s.reduce((n, f) => n + f.perHour, 0),
      roomsPresent: q.reduce((n, f) => n + f.rooms, 0), roomsFree: q.reduce((n, f) => n + f.free, 0) }, resources);
  });
  const c = zones.incidentId === null ? { recentCases: 0, casesTraced: 0, contactsTraced: 0 } : await caseCounts(db, zones.incidentId, nowIso);
  return { rows, contactForecast: contactForecast(c.recentCases, c.contactsTraced, c.casesTraced, rows[0].quarantineRooms.free),
    sources: capacitySources(resources) };
}

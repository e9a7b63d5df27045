// Query functions for control zones, their versions and test rounds, with one row mapper. A zone
// is a name and a pointer to its current version; every change adds a version (the previous one
// ends when the new one starts), so `at=` can replay any day. Scope `own` (field members) is
// zone_version_teams holding the viewer's team, chosen in SQL.
import type { MultiPolygon, Polygon } from 'geojson';
import { CASE_CATEGORIES } from '../../domain/layers.ts';
import type { ZoneChange } from './schema-operations.ts';
import type { Db } from './database.ts';

export interface ZoneVersion {
  rowId: number; zoneId: number; incidentId: number; version: number; currentVersion: number; name: string;
  kind: string; status: 'proposed' | 'active' | 'lifted'; source: string; change: ZoneChange; reason: string | null; actor: string | null;
  validFrom: string; validTo: string | null; createdAt: string; lastInfectionAt: string | null; downgradeOn: string | null; liftOn: string | null;
  justification: unknown[]; profileId: number | null; proposalKey: string | null;
  geometry: Polygon | MultiPolygon; bbox: [number, number, number, number];
}

const base = (db: Db) => db.kysely.selectFrom('control_zone_versions as v').innerJoin('control_zones as z', 'z.id', 'v.zone_id')
  .select(['v.id', 'v.zone_id', 'z.incident_id', 'v.version', 'z.current_version', 'z.name', 'v.kind', 'v.status', 'v.source', 'v.change',
    'v.reason', 'v.actor', 'v.valid_from', 'v.valid_to', 'v.created_at', 'v.last_infection_at', 'v.downgrade_on', 'v.lift_on',
    'v.justification', 'v.profile_id', 'v.proposal_key', 'v.geometry', 'v.min_lng', 'v.min_lat', 'v.max_lng', 'v.max_lat']);
type Row = Awaited<ReturnType<ReturnType<typeof base>['executeTakeFirstOrThrow']>>;

const parseList = (text: string): unknown[] => { const v = JSON.parse(text) as unknown; return Array.isArray(v) ? v : []; };
// Seed rows used 'downgraded' once; the lifecycle knows proposed | active | lifted.
const lifecycle = (s: string): ZoneVersion['status'] => (s === 'proposed' || s === 'lifted' ? s : 'active');

const toVersion = (r: Row): ZoneVersion => ({
  rowId: r.id, zoneId: r.zone_id, incidentId: r.incident_id, version: r.version, currentVersion: r.current_version, name: r.name,
  kind: r.kind, status: lifecycle(r.status), source: r.source, change: r.change, reason: r.reason, actor: r.actor,
  validFrom: r.valid_from, validTo: r.valid_to, createdAt: r.created_at, lastInfectionAt: r.last_infection_at,
  downgradeOn: r.downgrade_on, liftOn: r.lift_on, justification: parseList(r.justification), profileId: r.profile_id,
  proposalKey: r.proposal_key, geometry: JSON.parse(r.geometry) as Polygon | MultiPolygon, bbox: [r.min_lng, r.min_lat, r.max_lng, r.max_lat],
});

const ownBy = (teamId: number | undefined) => <Q extends ReturnType<typeof base>>(q: Q): Q => (teamId === undefined ? q
  : q.where((eb) => eb.exists(eb.selectFrom('zone_version_teams as t').select('t.team_id')
    .whereRef('t.zone_version_id', '=', 'v.id').where('t.team_id', '=', teamId))) as Q);

/** The versions valid at `at` (valid_from ≤ at < valid_to), one per zone, by zone id. */
export async function versionsAt(db: Db, a: { at: string; statuses?: string[]; teamId?: number; zoneIds?: number[] }): Promise<ZoneVersion[]> {
  let q = ownBy(a.teamId)(base(db)).where('v.valid_from', '<=', a.at)
    .where((eb) => eb.or([eb('v.valid_to', 'is', null), eb('v.valid_to', '>', a.at)]));
  if (a.statuses?.length) q = q.where('v.status', 'in', a.statuses as never);
  if (a.zoneIds) q = q.where('v.zone_id', 'in', a.zoneIds.length ? a.zoneIds : [-1]);
  return (await q.orderBy('v.zone_id').orderBy('v.version').execute()).map(toVersion);
}

/** The zone's current version; `teamId` (scope own): only when that version meets the team. */
export async function currentVersion(db: Db, zoneId: number, teamId?: number): Promise<ZoneVersion | undefined> {
  const r = await ownBy(teamId)(base(db)).where('v.zone_id', '=', zoneId).whereRef('v.version', '=', 'z.current_version').executeTakeFirst();
  return r && toVersion(r);
}

/** Every version of a zone, oldest first (`teamId`: only those meeting the team). */
export async function zoneVersions(db: Db, zoneId: number, teamId?: number): Promise<ZoneVersion[]> {
  return (await ownBy(teamId)(base(db)).where('v.zone_id', '=', zoneId).orderBy('v.version').execute()).map(toVersion);
}

/** Where a version's clock starts (ClockInput.since) and, after a downgrade, the kind it came
 * down from (ClockInput.downgradedFrom: ed.9 high → medium keeps high's remaining steps). */
export interface ClockRun { since: string; downgradedFrom: string | null }

// Seed rows say 'downgraded' for an active zone that was stepped down (see `lifecycle`).
const inForce = (status: string) => lifecycle(status) === 'active';

/** The run of each active version: the unbroken sequence of ACTIVE versions of its kind that
 * ends with it. Time as 'proposed' is not time in force, so the run starts at the publish (or
 * the first active version); a proposed version's clock is a projection from its own valid_from. */
export async function clockRuns(db: Db, versions: ZoneVersion[]): Promise<Map<number, ClockRun>> {
  const out = new Map<number, ClockRun>();
  if (!versions.length) return out;
  const all = await db.kysely.selectFrom('control_zone_versions').select(['zone_id', 'version', 'kind', 'status', 'change', 'valid_from'])
    .where('zone_id', 'in', [...new Set(versions.map((v) => v.zoneId))]).orderBy('zone_id').orderBy('version').execute();
  for (const v of versions) {
    if (v.status !== 'active') { out.set(v.rowId, { since: v.validFrom, downgradedFrom: null }); continue; }
    const chain = all.filter((r) => r.zone_id === v.zoneId && r.version <= v.version);
    let first = chain.length - 1;
    while (first > 0 && chain[first - 1].kind === v.kind && inForce(chain[first - 1].status)) first--;
    const start = chain[first], before = chain[first - 1];
    out.set(v.rowId, { since: start?.valid_from ?? v.validFrom,
      downgradedFrom: start?.change === 'downgrade' && before ? before.kind : null });
  }
  return out;
}

export interface NewVersion {
  zoneId: number; version: number; kind: string; status: ZoneVersion['status']; change: ZoneChange; source: string;
  reason: string | null; actor: string; profileId: number | null; proposalKey: string | null; justification: unknown[];
  geometry: Polygon | MultiPolygon; bbox: [number, number, number, number]; now: string;
}

export async function insertZone(tx: Db, incidentId: number, name: string): Promise<number> {
  return (await tx.kysely.insertInto('control_zones').values({ incident_id: incidentId, name, current_version: 0 }).returning('id').executeTakeFirstOrThrow()).id;
}

/** Moves the zone from `base` to `base + 1` only if it is still at `base`: false when another
 * change got there first (the optimistic lock behind 409 version_conflict). */
export async function advanceZone(tx: Db, zoneId: number, base: number, name?: string): Promise<boolean> {
  const r = await tx.kysely.updateTable('control_zones').set({ current_version: base + 1, ...(name === undefined ? {} : { name }) })
    .where('id', '=', zoneId).where('current_version', '=', base).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ends the previous version at `now` and inserts the new one from `now`; returns its row id. */
export async function insertVersion(tx: Db, v: NewVersion): Promise<number> {
  await tx.kysely.updateTable('control_zone_versions').set({ valid_to: v.now })
    .where('zone_id', '=', v.zoneId).where('version', '=', v.version - 1).execute();
  const [minLng, minLat, maxLng, maxLat] = v.bbox;
  const r = await tx.kysely.insertInto('control_zone_versions').values({
    zone_id: v.zoneId, version: v.version, kind: v.kind, status: v.status, change: v.change, source: v.source as never, reason: v.reason,
    actor: v.actor, profile_id: v.profileId, proposal_key: v.proposalKey, justification: JSON.stringify(v.justification),
    last_infection_at: null, downgrade_on: null, lift_on: null, created_at: v.now, valid_from: v.now, valid_to: null,
    geometry: JSON.stringify(v.geometry), min_lng: minLng, min_lat: minLat, max_lng: maxLng, max_lat: maxLat,
  }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** The clock figures as they stood when the version was written (a snapshot for the record). */
export async function snapshotClock(tx: Db, rowId: number, c: { lastInfectionAt: string | null; downgradeOn: string | null; liftOn: string | null }): Promise<void> {
  await tx.kysely.updateTable('control_zone_versions').set({ last_infection_at: c.lastInfectionAt, downgrade_on: c.downgradeOn, lift_on: c.liftOn })
    .where('id', '=', rowId).execute();
}

/** For checking a justification: which of `personIds` are cases of the incident, and whose each
 * of `exposureIds` is (exposure id → person id). */
export async function justificationRefs(db: Db, incidentId: number, personIds: number[], exposureIds: number[]) {
  const persons = await db.kysely.selectFrom('persons').select('id').where('id', 'in', [...new Set(personIds)])
    .where('incident_id', '=', incidentId).where('category', 'in', CASE_CATEGORIES).execute();
  const exposures = exposureIds.length
    ? await db.kysely.selectFrom('exposures').select(['id', 'person_id']).where('id', 'in', [...new Set(exposureIds)]).execute() : [];
  return { cases: new Set(persons.map((p) => p.id)), exposures: new Map(exposures.map((e) => [e.id, e.person_id])) };
}

/** The district polygon zones must stay inside (admin_units level district). */
export async function districtGeometry(db: Db): Promise<Polygon | MultiPolygon | undefined> {
  const r = await db.kysely.selectFrom('admin_units').select('geometry').where('level', '=', 'district').orderBy('id').executeTakeFirst();
  return r && (JSON.parse(r.geometry) as Polygon | MultiPolygon);
}

// Writing a zone version, shared by create, edit and the lifecycle steps: the optimistic lock on
// the zone's current version (409 version_conflict when someone else moved it), the new version
// from `now` (the previous one ends then), its teams (zone_version_teams), the clock figures as
// they stand, the audit entry and the live change event (the teams of the old and new version) —
// all in the caller's transaction, so an error stores nothing.
import type { MultiPolygon, Polygon } from 'geojson';
import { geometryBbox } from '../../domain/geometry/bbox.ts';
import { checkZoneGeometry } from '../../domain/zones/zone-geometry.ts';
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { appendAudit } from '../db/audit.ts';
import type { Db } from '../db/database.ts';
import { getProfile, incidentProfile, type StoredProfile } from '../db/profiles.ts';
import type { ZoneChange } from '../db/schema-operations.ts';
import { writeVersionTeams } from '../db/zone-teams.ts';
import { advanceZone, currentVersion, districtGeometry, insertVersion, justificationRefs, snapshotClock, type ZoneVersion } from '../db/zones.ts';
import { ApiError } from '../errors.ts';
import { emitChange } from '../live/emit.ts';
import { zoneChange } from '../live/zone-changes.ts';
import { zoneFeatures, type ZoneFeature } from './zone-features.ts';

export interface Who { actor: string; now: string; route: string; ip: string | null }

export interface NextVersion {
  kind: string; status: ZoneVersion['status']; change: ZoneChange; source: string; reason: string | null; name?: string;
  profileId: number | null; proposalKey: string | null; justification: unknown[]; geometry: Polygon | MultiPolygon;
}

/** The polygon a user sent, checked (422 with its code) against the district. */
export async function checkedGeometry(db: Db, input: unknown): Promise<Polygon | MultiPolygon> {
  const district = await districtGeometry(db);
  if (!district) throw new ApiError('conflict', 'there is no district to draw zones in');
  const g = checkZoneGeometry(input, district);
  if (!g.ok) throw new ApiError(g.code, g.reason);
  return g.geometry;
}

/** The profile a zone lives under: its current version's (the one it was drawn with), else —
 * seed rows carry none — the incident's. A later change of the incident's profile does not
 * move existing zones: a 2021 管控区 keeps 2021 kinds and clock until it is lifted. */
export async function zoneProfile(db: Db, v: ZoneVersion): Promise<StoredProfile | undefined> {
  return (v.profileId === null ? undefined : await getProfile(db, v.profileId)) ?? incidentProfile(db, v.incidentId);
}

/** `profile`, which must know `kind` (422 unknown_zone_kind). */
export function withKind(profile: StoredProfile | undefined, kind: string): StoredProfile {
  if (!profile?.params.zones[kind] || !profile.params.zone_kinds.includes(kind)) {
    throw new ApiError('unknown_zone_kind', `${kind} is not one of ${profile?.params.zone_kinds.join(', ') ?? '(no profile)'}`);
  }
  return profile;
}

/** Each provenance entry must name a case of the incident and, when it names an exposure, one of
 * that case's (422 invalid_justification): a zone's stated grounds point at real records. */
export async function checkJustification(db: Db, incidentId: number, items: readonly { personId: number; exposureId: number | null }[]): Promise<void> {
  if (!items.length) return;
  const { cases, exposures } = await justificationRefs(db, incidentId, items.map((i) => i.personId), items.flatMap((i) => i.exposureId ?? []));
  const bad = items.find((i) => !cases.has(i.personId) || (i.exposureId !== null && exposures.get(i.exposureId) !== i.personId));
  if (bad) {
    throw new ApiError('invalid_justification', cases.has(bad.personId)
      ? `exposure ${bad.exposureId} is not person ${bad.personId}'s` : `person ${bad.personId} is not a case of incident ${incidentId}`);
  }
}

/** A version summary for the audit log (the geometry too: it is the decision being recorded). */
const audited = (v: ZoneVersion | undefined) => v && ({ version: v.version, name: v.name, kind: v.kind, status: v.status, source: v.source,
  reason: v.reason, geometry: v.geometry });

/** Adds version `base + 1` of the zone (base 0: a new zone). Call inside a transaction. */
export async function addVersion(tx: Db, zoneId: number, base: number, next: NextVersion, who: Who): Promise<ZoneFeature> {
  const before = base > 0 ? await currentVersion(tx, zoneId) : undefined;
  if (!(await advanceZone(tx, zoneId, base, next.name))) throw new ApiError('version_conflict', `zone ${zoneId} is no longer at version ${base}`);
  const bbox = geometryBbox(next.geometry) as [number, number, number, number];
  const rowId = await insertVersion(tx, { zoneId, version: base + 1, kind: next.kind, status: next.status, change: next.change, source: next.source,
    reason: next.reason, actor: who.actor, profileId: next.profileId, proposalKey: next.proposalKey, justification: next.justification,
    geometry: next.geometry, bbox, now: who.now });
  await writeVersionTeams(tx, rowId, next.geometry, bbox);
  const after = (await currentVersion(tx, zoneId))!;
  const [feature] = await zoneFeatures(tx, [after], who.now);
  const p = feature.properties;
  // A lifted version keeps the figures it was lifted on, with the day it actually was.
  const snapshot = next.status === 'lifted'
    ? { lastInfectionAt: before?.lastInfectionAt ?? null, downgradeOn: before?.downgradeOn ?? null, liftOn: shanghaiDate(who.now) }
    : { lastInfectionAt: p.lastInfectionAt, downgradeOn: p.downgradeOn, liftOn: p.liftOn };
  await snapshotClock(tx, rowId, snapshot);
  Object.assign(p, snapshot);
  await appendAudit(tx, { at: who.now, actor: who.actor, action: next.change, entity: 'control_zones', entityId: zoneId,
    before: audited(before), after: audited({ ...after, ...snapshot }), route: who.route, ip: who.ip });
  await emitChange(tx, who.now, await zoneChange(tx, zoneId, [before?.rowId, rowId]));
  return feature;
}

// Zone versions → GeoJSON Features with the clock computed for the day asked about: the cases
// inside reported by then, the zone's test rounds by then, under the profile the version was
// drawn with (else the incident's). The rest-of-county kind (lifted_with_higher) is lifted when
// every active higher zone is, so its liftOn is restOfCountyLiftOn of theirs (domain-rules.md §1).
import type { MultiPolygon, Polygon } from 'geojson';
import { endOfShanghaiDay, shanghaiDate } from '../../domain/zones/calendar.ts';
import { restOfCountyLiftOn, zoneClock, type ClockResult } from '../../domain/zones/clock.ts';
import type { Db } from '../db/database.ts';
import { getIncident, getProfile, type StoredProfile } from '../db/profiles.ts';
import { casesInside, testRounds } from '../db/zone-clock-input.ts';
import { kindSince, versionsAt, type ZoneVersion } from '../db/zones.ts';

export interface ZoneProps {
  zoneId: number; version: number; name: string; kind: string; status: ZoneVersion['status']; source: string; change: string;
  reason: string | null; actor: string | null; validFrom: string; validTo: string | null;
  lastInfectionAt: string | null; downgradeOn: string | null; liftOn: string | null;
  justification: unknown[]; clock: ClockResult | null; profileId: number | null; proposalKey: string | null;
}
export interface ZoneFeature { type: 'Feature'; id: number; geometry: Polygon | MultiPolygon; properties: ZoneProps }

/** Profiles by id, loaded once per request. */
function profiles(db: Db) {
  const cache = new Map<number, Promise<StoredProfile | undefined>>();
  const incidents = new Map<number, Promise<number | null>>();
  const byId = (id: number) => { if (!cache.has(id)) cache.set(id, getProfile(db, id)); return cache.get(id)!; };
  return async (v: ZoneVersion) => {
    if (v.profileId !== null) return byId(v.profileId);
    if (!incidents.has(v.incidentId)) incidents.set(v.incidentId, getIncident(db, v.incidentId).then((i) => i?.profileId ?? null));
    const id = await incidents.get(v.incidentId)!;
    return id === null ? undefined : byId(id);
  };
}

/** Clocks of the versions (null for lifted ones and kinds the profile lacks), by row id. */
async function clocks(db: Db, versions: ZoneVersion[], at: string, profileOf: ReturnType<typeof profiles>): Promise<Map<number, { clock: ClockResult; restOfCounty: boolean }>> {
  const today = shanghaiDate(at);
  const since = await kindSince(db, versions);
  const rounds = await testRounds(db, versions.map((v) => v.zoneId), today);
  const out = new Map<number, { clock: ClockResult; restOfCounty: boolean }>();
  for (const v of versions) {
    const rule = (await profileOf(v))?.params;
    if (v.status === 'lifted' || !rule?.zones[v.kind]) continue;
    const inside = await casesInside(db, v.geometry, v.bbox, today, at);
    const clock = zoneClock({ params: rule, kind: v.kind, since: since.get(v.rowId) ?? v.validFrom, infections: inside.infections,
      rounds: rounds.filter((r) => r.zoneId === v.zoneId).map((r) => ({ date: r.date, tested: r.tested, positives: r.positives })),
      lastContactExposureDate: inside.lastContactExposureAt && shanghaiDate(inside.lastContactExposureAt), today });
    out.set(v.rowId, { clock, restOfCounty: rule.zones[v.kind].lifted_with_higher });
  }
  return out;
}

/** Features of `versions` as of `at`; `withClock: false` keeps the stored snapshot figures
 * (history: a past version's clock is what was recorded when it was written). */
export async function zoneFeatures(db: Db, versions: ZoneVersion[], at: string, withClock = true): Promise<ZoneFeature[]> {
  const profileOf = profiles(db);
  const computed = withClock ? await clocks(db, versions, at, profileOf) : new Map();
  let restLift: string | null | undefined;
  if ([...computed.values()].some((c) => c.restOfCounty)) {
    // The higher zones in force then, all of them (a field member's view may not list them all).
    const active = (await versionsAt(db, { at, statuses: ['active'] })).filter((v) => !computed.has(v.rowId));
    const all = new Map([...computed, ...(await clocks(db, active, at, profileOf))]);
    restLift = restOfCountyLiftOn([...all.values()].filter((c) => !c.restOfCounty).map((c) => c.clock));
  }
  return versions.map((v) => {
    const c = computed.get(v.rowId);
    const liftOn = c ? (c.restOfCounty ? (restLift ?? null) : c.clock.liftOn) : v.liftOn;
    return { type: 'Feature' as const, id: v.zoneId, geometry: v.geometry, properties: {
      zoneId: v.zoneId, version: v.version, name: v.name, kind: v.kind, status: v.status, source: v.source, change: v.change,
      reason: v.reason, actor: v.actor, validFrom: v.validFrom, validTo: v.validTo,
      lastInfectionAt: c ? c.clock.lastInfectionDate : v.lastInfectionAt, downgradeOn: c ? c.clock.downgradeOn : v.downgradeOn, liftOn,
      justification: v.justification, clock: c?.clock ?? null, profileId: v.profileId, proposalKey: v.proposalKey,
    } };
  });
}

/** Resolves `at=`: a Shanghai day means the end of that day; an instant is normalised to UTC. */
export function asOf(at: string | undefined, now: Date): string {
  if (at === undefined) return now.toISOString();
  return new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? endOfShanghaiDay(at) : at).toISOString();
}

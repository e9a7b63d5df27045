// Zone versions → GeoJSON Features with the clock computed for the day asked about: the cases
// inside reported by then, the zone's test rounds by then, under the profile the version was
// drawn with (else the incident's). The rest-of-county kind (lifted_with_higher) is lifted when
// every active higher zone is, so its liftOn is restOfCountyLiftOn of theirs (domain-rules.md §1).
// The one place zone features are serialized: the wall (no personal fields) gets no provenance.
import type { MultiPolygon, Polygon } from 'geojson';
import { endOfShanghaiDay, shanghaiDate } from '../../domain/zones/calendar.ts';
import { restOfCountyLiftOn, zoneClock, type ClockResult } from '../../domain/zones/clock.ts';
import type { Db } from '../db/database.ts';
import { getIncident, getProfile, type StoredProfile } from '../db/profiles.ts';
import { casesInside, clockInfections, testRounds } from '../db/zone-clock-input.ts';
import { clockRuns, versionsAt, type ZoneVersion } from '../db/zones.ts';
import { ApiError } from '../errors.ts';

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
  const runs = await clockRuns(db, versions);
  const rounds = await testRounds(db, versions.map((v) => v.zoneId), today);
  const out = new Map<number, { clock: ClockResult; restOfCounty: boolean }>();
  for (const v of versions) {
    const rule = (await profileOf(v))?.params;
    if (v.status === 'lifted' || !rule?.zones[v.kind]) continue;
    const inside = await casesInside(db, v.geometry, v.bbox, today, at);
    const own = rounds.filter((r) => r.zoneId === v.zoneId).map((r) => ({ date: r.date, tested: r.tested, positives: r.positives }));
    const run = runs.get(v.rowId);
    const clock = zoneClock({ params: rule, kind: v.kind, since: run?.since ?? v.validFrom, downgradedFrom: run?.downgradedFrom ?? null,
      infections: clockInfections(inside, own), rounds: own,
      lastContactExposureDate: inside.lastContactExposureAt && shanghaiDate(inside.lastContactExposureAt), today });
    out.set(v.rowId, { clock, restOfCounty: rule.zones[v.kind].lifted_with_higher });
  }
  return out;
}

export interface FeatureOptions {
  /** false keeps the stored snapshot figures (history: a past version's clock is what was recorded when it was written). */
  withClock?: boolean;
  /** false (the wall: personalFieldsFor 'hidden') sends `justification: []` — it names cases and their exposures. */
  provenance?: boolean;
}

/** Features of `versions` as of `at`. */
export async function zoneFeatures(db: Db, versions: ZoneVersion[], at: string, { withClock = true, provenance = true }: FeatureOptions = {}): Promise<ZoneFeature[]> {
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
      justification: provenance ? v.justification : [], clock: c?.clock ?? null, profileId: v.profileId, proposalKey: v.proposalKey,
    } };
  });
}

/** Resolves `at=`: a Shanghai day means the end of that day; an instant is normalised to UTC. A
 * result outside the years 1970–9999 (e.g. 9999-12-31T23:59-08:00 is in year 10000) is 400
 * invalid_query: stored instants are compared as text, which only holds for 4-digit years. */
export function asOf(at: string | undefined, now: Date): string {
  if (at === undefined) return now.toISOString();
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(at) ? endOfShanghaiDay(at) : at);
  const year = d.getUTCFullYear();
  if (Number.isNaN(d.getTime()) || year < 1970 || year > 9999) throw new ApiError('invalid_query', `at: ${at} is not an instant between 1970 and 9999`);
  return d.toISOString();
}

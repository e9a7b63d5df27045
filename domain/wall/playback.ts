// The time playback's intervals (GET /api/v1/playback): the open incident's days, the zone
// versions in force at some point of them (active ones: a proposal was never in force, a lifted
// version is the zone's end), the cases from the day they were known, and the quarantines. What
// ended before the first day or begins after `now` is left out. Home points are rounded to 4
// decimals (~10 m): a map at district scale needs no more, and the wall is not told the door.
import type { MultiPolygon, Polygon } from 'geojson';
import { instantMs } from '../loop/time.ts';
import { shanghaiDate } from '../zones/calendar.ts';
import { caseFacts, type CaseRecord } from './cases.ts';
import { dayRange, dayStartIso } from './days.ts';
import { quarantineIntervals, type QuarantineStep } from './quarantine.ts';
import type { LngLat, Playback } from './types.ts';
import { kindStyle, type ProfileKinds } from './zones.ts';

export const HOME_DECIMALS = 4;
export const SITE_DECIMALS = 6;

const round = (x: number, decimals: number) => { const f = 10 ** decimals; return Math.round(x * f) / f; };
export const roundPoint = (p: LngLat, decimals: number): LngLat => [round(p[0], decimals), round(p[1], decimals)];

export interface ZoneVersionRow { id: number; zoneId: number; kind: string; from: string; to: string | null; geometry: Polygon | MultiPolygon }

export interface PlaybackInput {
  incident: { startedAt: string } | null;
  profile: ProfileKinds | null;
  /** Active versions of the incident's zones (any time). */
  zones: ZoneVersionRow[];
  cases: CaseRecord[];
  quarantineSteps: QuarantineStep[];
}

export function playback(input: PlaybackInput, now: string): Playback {
  if (!input.incident) return { days: [], zones: [], cases: [], quarantine: [] };
  const today = shanghaiDate(now), start = shanghaiDate(input.incident.startedAt);
  const days = dayRange(start < today ? start : today, today);
  const first = instantMs(dayStartIso(days[0])), end = instantMs(now);
  // Touches [first day 00:00, now]: began by now and not ended before the first day.
  const touches = (from: string, to: string | null) => instantMs(from) <= end && (to === null || instantMs(to) > first);
  const zones = input.zones.filter((z) => touches(z.from, z.to))
    .map((z) => ({ id: z.id, zoneId: z.zoneId, kind: z.kind, colour: kindStyle(input.profile, z.kind).colour, from: z.from, to: z.to, geometry: z.geometry }));
  const cases = input.cases.map(caseFacts).filter((c) => c.knownOn <= today && (c.closedOn === null || c.closedOn >= days[0]))
    .map((c) => ({ id: c.id, category: c.category, knownOn: c.knownOn, closedOn: c.closedOn, point: roundPoint(c.point, HOME_DECIMALS) }));
  const quarantine = quarantineIntervals(input.quarantineSteps).filter((q) => touches(q.from, q.to))
    .map((q) => ({ ...q, point: roundPoint(q.point, q.central ? SITE_DECIMALS : HOME_DECIMALS) }));
  return { days, zones, cases, quarantine };
}

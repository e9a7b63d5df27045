// The wall's summary (GET /api/v1/wall/summary) from what the database read: every figure is
// computed here, at `now` (the server clock) and on its Asia/Shanghai day, so the server module
// only reads rows and a test can check each figure without a database.
import { shanghaiDate } from '../zones/calendar.ts';
import { caseCounts, caseFacts, epiCurve, type CaseRecord } from './cases.ts';
import { hotAreas, type Area } from './hot-areas.ts';
import { funnel, loopTotals, overdueByTeam, type TeamLoops } from './loops.ts';
import { inQuarantineAt, quarantineIntervals, type QuarantineStep } from './quarantine.ts';
import type { WallCoverage } from '../coverage/types.ts';
import { COLOURS, type AlertItem, type Colour, type SiteOccupancy, type WallSummary } from './types.ts';
import { zoneKindCounts, type ProfileKinds } from './zones.ts';

export interface SummaryInput {
  incident: { id: number; name: string; startedAt: string } | null;
  profile: ProfileKinds | null;
  cases: CaseRecord[];
  /** Active zone versions in force now, per kind. */
  zoneCounts: { kind: string; count: number }[];
  sites: SiteOccupancy[];
  quarantineSteps: QuarantineStep[];
  teamLoops: TeamLoops[];
  reached: { step: string; persons: number }[];
  tasks: { open: number; overdue: number };
  alertCounts: { level: Colour; count: number }[];
  latestAlerts: AlertItem[];
  villages: readonly Area[];
  townships: readonly Area[];
  /** The coverage KPI as the coverage service computed it (server/db/wall-coverage.ts); absent: null. */
  coverage?: WallCoverage | null;
}

export function wallSummary(input: SummaryInput, now: string): WallSummary {
  const today = shanghaiDate(now);
  const facts = input.cases.map(caseFacts);
  const inc = input.incident;
  const roomsTotal = input.sites.reduce((n, s) => n + s.total, 0);
  const occupied = input.sites.reduce((n, s) => n + s.occupied, 0);
  const byLevel = Object.fromEntries(COLOURS.map((c) => [c, 0])) as Record<Colour, number>;
  for (const a of input.alertCounts) byLevel[a.level] += a.count;
  return {
    asOf: now,
    incident: inc && { id: inc.id, name: inc.name, startedAt: inc.startedAt, today },
    cases: caseCounts(facts, today),
    zones: zoneKindCounts(input.profile, input.zoneCounts),
    quarantine: { ...inQuarantineAt(quarantineIntervals(input.quarantineSteps), now), roomsTotal, roomsFree: roomsTotal - occupied, sites: input.sites },
    loops: { ...loopTotals(input.teamLoops), funnel: funnel(input.reached), overdueByTeam: overdueByTeam(input.teamLoops, now) },
    tasks: input.tasks,
    alerts: { byLevel, latest: input.latestAlerts },
    epi: inc ? epiCurve(facts, shanghaiDate(inc.startedAt), today) : { dates: [], byOnset: [], byReport: [] },
    hotAreas: hotAreas(facts, input.villages, input.townships, today),
    coverage: input.coverage ?? null,
  };
}

// What the wall (issue 6 item 2) and the time playback (item 3) are sent: GET /api/v1/wall/summary
// and GET /api/v1/playback (contract-issue6.md, "Wall data API"). District-wide aggregates, ids
// only where a client needs one to key a row, and points: no name, ID number, phone, address or
// note of any person. Instants are ISO-8601 UTC; days are Asia/Shanghai 'YYYY-MM-DD'.
import type { WallCoverage } from '../coverage/types.ts';
import type { LoopStepName } from '../loop/types.ts';

export const COLOURS = ['red', 'orange', 'yellow', 'blue'] as const;
export type Colour = (typeof COLOURS)[number];
export type LngLat = [number, number];

export interface ZoneKindCount { kind: string; label: { zh: string; en: string }; colour: string; rank: number; count: number }
export interface SiteOccupancy { id: number; name: string; status: string; total: number; occupied: number }
export interface TeamOverdue { teamId: number | null; team: string; overdue: number; worstHours: number; level: 1 | 2 | 3 }
export interface AlertItem { id: number; level: Colour; rule: string; title: string; raisedAt: string }
export interface HotArea { id: number; name: string; kind: 'village' | 'township'; cases7d: number; bbox: [number, number, number, number] }

export interface WallSummary {
  asOf: string;
  incident: { id: number; name: string; startedAt: string; today: string } | null;
  /** By report date; 'cases' = CASE_CATEGORIES. */
  cases: { today: number; last7: { date: string; count: number }[]; total: number; active: number };
  /** Active zone versions now, every kind of the incident's profile in rank order (0 allowed). */
  zones: ZoneKindCount[];
  quarantine: { central: number; home: number; roomsTotal: number; roomsFree: number; sites: SiteOccupancy[] };
  /** funnel: LOOP_STEPS order, distinct persons with that step done; overdueByTeam: descending, top 8. */
  loops: { open: number; overdue: number; funnel: { step: LoopStepName; reached: number }[]; overdueByTeam: TeamOverdue[] };
  tasks: { open: number; overdue: number };
  /** Open alerts; `latest` the newest 20. */
  alerts: { byLevel: Record<Colour, number>; latest: AlertItem[] };
  epi: { dates: string[]; byOnset: number[]; byReport: number[] };
  /** Top 5 villages by cases reported in the last 7 days (≥ 1). */
  hotAreas: HotArea[];
  /** Residents within 15 minutes' walk of an active testing site (issue 8); null without roads or residents. */
  coverage: WallCoverage | null;
}

// The playback's intervals are defined once, with their meaning, in domain/playback/types.ts.
export type { Playback, PlaybackCase, PlaybackQuarantine as QuarantineInterval, PlaybackZone } from '../playback/types.ts';

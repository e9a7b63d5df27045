// GET /api/v1/wall/summary as the wall reads it (issue 6 contract, built by server/routes/wall.ts):
// district-wide aggregates of the open incident, on the server's clock, with no personal field.
import type { LoopStepName } from '../../domain/loop/types.ts';

export type Colour = 'red' | 'orange' | 'yellow' | 'blue';
export const COLOURS: readonly Colour[] = ['red', 'orange', 'yellow', 'blue'];

export interface WallZoneKind {
  kind: string;
  label: { zh: string; en: string };
  colour: string;
  rank: number;
  count: number;
}

export interface WallSite { id: number; name: string; status: string; total: number; occupied: number }

export interface WallOverdueTeam {
  teamId: number | null;
  team: string;
  overdue: number;
  worstHours: number;
  level: 1 | 2 | 3;
}

export interface WallAlert { id: number; level: Colour; rule: string; title: string; raisedAt: string }

export interface HotArea {
  id: number;
  name: string;
  kind: 'village' | 'township';
  cases7d: number;
  /** [minLng, minLat, maxLng, maxLat], WGS-84. */
  bbox: [number, number, number, number];
}

export interface WallSummary {
  asOf: string;
  incident: { id: number; name: string; startedAt: string; today: string } | null;
  /** By report date; 'cases' = CASE_CATEGORIES. */
  cases: { today: number; last7: { date: string; count: number }[]; total: number; active: number };
  /** Active zone versions now, every kind of the incident's profile in rank order (0 allowed). */
  zones: WallZoneKind[];
  quarantine: { central: number; home: number; roomsTotal: number; roomsFree: number; sites: WallSite[] };
  loops: {
    open: number;
    overdue: number;
    /** LOOP_STEPS order: distinct persons with that step done. */
    funnel: { step: LoopStepName; reached: number }[];
    /** Descending by overdue, top 8. */
    overdueByTeam: WallOverdueTeam[];
  };
  tasks: { open: number; overdue: number };
  /** Open alerts; `latest` the newest 20. */
  alerts: { byLevel: Record<Colour, number>; latest: WallAlert[] };
  /** Incident start day .. today (Asia/Shanghai), cases. */
  epi: { dates: string[]; byOnset: number[]; byReport: number[] };
  /** Top 5 villages by cases reported in the last 7 days (≥ 1). */
  hotAreas: HotArea[];
}

// The wire shapes of issue 7's analyses and alerts: one definition shared by the server (which
// stores and serves them) and the web (which draws them). Ids and figures only, never a
// person's data: line lists are served separately, masked by role (server/serialize.ts).
import type { Polygon } from 'geojson';

export type IsoDate = string; // YYYY-MM-DD, an Asia/Shanghai calendar day
export type AlertLevel = 'blue' | 'yellow' | 'orange' | 'red';
export type AlertStatus = 'open' | 'acknowledged' | 'resolved';
export type Grade = 'I' | 'II' | 'III' | 'IV';
export type AnalysisKind = 'stDbscan' | 'scan' | 'hotspots' | 'ears';

/** An ST-DBSCAN cluster of cases (domain/clusters). */
export interface OutbreakCluster {
  id: number; // 1-based within its run
  count: number;
  memberIds: number[]; // person ids
  firstDay: IsoDate;
  lastDay: IsoDate;
  /** Members reported in the last 7 days up to the run's day, and in the 7 before. */
  growth: { last7: number; prev7: number };
  centroid: [number, number];
  /** Convex hull of the members, buffered so one or two points still make an area. */
  hull: Polygon;
}

/** A cluster of the prospective space-time permutation scan (domain/scan). */
export interface ScanClusterOut {
  rank: number; // 1 = most likely cluster
  locationIds: number[]; // admin_units ids (villages)
  centre: [number, number];
  radiusMeters: number;
  startDay: IsoDate;
  endDay: IsoDate;
  observed: number;
  expected: number;
  relativeRisk: number;
  llr: number;
  pValue: number;
  recurrenceDays: number;
  status: 'new' | 'ongoing';
  circle: Polygon; // the cylinder's base, for the map
  memberIds: number[]; // the cases inside the cylinder (person ids)
}

export type HotSpotClass = 'hot99' | 'hot95' | 'hot90' | 'cold99' | 'cold95' | 'cold90' | 'none';

/** A grid cell's Getis-Ord Gi* result (domain/hotspots), significance after the FDR correction. */
export interface HotSpotCell {
  gridId: number;
  count: number;
  z: number;
  p: number;
  class: HotSpotClass;
  geometry: Polygon;
}

export type EarsMethod = 'C1' | 'C2' | 'C3';
export type SyndromicKind = 'feverClinic' | 'feverDrug';

/** A village-day whose syndromic count one or more EARS detectors flagged. */
export interface EarsSignal {
  adminUnitId: number;
  name: string;
  kind: SyndromicKind;
  date: IsoDate;
  count: number;
  c1: number | null;
  c2: number | null;
  c3: number | null;
  methods: EarsMethod[];
}

/** GET /analysis/latest: the newest run of each kind for the open incident (null: none yet). */
export interface AnalysisLatest {
  incidentId: number | null;
  day: IsoDate | null; // the newest analysed day
  stDbscan: { day: IsoDate; ranAt: string; params: Record<string, number>; clusters: OutbreakCluster[] } | null;
  scan: { day: IsoDate; ranAt: string; params: Record<string, number>; clusters: ScanClusterOut[] } | null;
  hotspots: { day: IsoDate; ranAt: string; params: Record<string, number>; cells: HotSpotCell[] } | null;
  ears: { day: IsoDate; ranAt: string; params: Record<string, number>; signals: EarsSignal[] } | null;
}

/** One day of a syndromic series with its EARS statistics (GET /analysis/syndromic). */
export interface SyndromicDay {
  date: IsoDate;
  count: number;
  c1: number | null;
  c2: number | null;
  c3: number | null;
  methods: EarsMethod[];
}
export interface SyndromicSeries { adminUnitId: number | null; name: string; kind: SyndromicKind; days: SyndromicDay[] }

/** An alert as the API serves it. `params` fill the rule's i18n message (web/i18n alerts.rule.<rule>). */
export interface AlertOut {
  id: number;
  level: AlertLevel;
  rule: string;
  title: string; // zh-CN text kept for logs and the wall ticker
  params: Record<string, string | number>;
  status: AlertStatus;
  raisedAt: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  resolvedAt: string | null;
  resolvedBy: string | null;
  escalatedAt: string | null;
}

/** A line of an alert's line list: a person, masked by the viewer's role on the server. */
export interface AlertLinePerson {
  id: number;
  category: string;
  name: string | null; // masked or null (wall)
  sex: string | null;
  age: number | null;
  village: string | null;
  onsetDate: IsoDate | null;
  reportDate: IsoDate | null;
  status: string;
}

/** GET /alerts/{id}: the alert, its subject on the map and its line list. */
export interface AlertDetail extends AlertOut {
  geometry: Polygon | null; // the area the alert concerns (cluster hull, scan circle, village, zone, site point buffer)
  persons: AlertLinePerson[];
  series: SyndromicSeries | null; // EARS alerts: the village's series around the signal
}

export interface GradeCriterion { key: string; met: boolean; text: { 'zh-CN': string; en: string } }
export interface GradeSuggestion {
  applicable: boolean; // false: the 2006 criteria do not cover this disease (domain-rules.md §2.2 note)
  grade: Grade | null;
  colour: AlertLevel | null; // I red, II orange, III yellow, IV blue (§2.3 default mapping)
  criteria: GradeCriterion[];
}
/** GET /incidents/{id}/grade. */
export interface IncidentGrade {
  incidentId: number;
  disease: string;
  suggested: GradeSuggestion;
  confirmed: Grade | null;
  warningColour: AlertLevel | null;
  confirmedBy: string | null;
  confirmedAt: string | null;
  reason: string | null;
}

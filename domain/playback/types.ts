// What GET /api/v1/playback returns (issue 6 contract): the open incident's days and the intervals
// a playback replays — zone versions with their validity, cases from the day they were known to
// the day they were closed, and quarantines from entry to release. No personal fields: a point
// and a flag per person. Instants are ISO-8601 (UTC from the server); days are Asia/Shanghai.
import type { MultiPolygon, Polygon } from 'geojson';

export interface PlaybackZone {
  /** The zone version's id (one zone has several versions over its life). */
  id: number;
  zoneId: number;
  kind: string;
  colour: string;
  from: string;
  to: string | null;
  geometry: Polygon | MultiPolygon;
}

export interface PlaybackCase {
  id: number;
  category: string;
  /** 'YYYY-MM-DD' or an ISO instant: report_date ?? the day the person was identified. */
  knownOn: string;
  closedOn: string | null;
  point: [number, number];
}

export interface PlaybackQuarantine {
  from: string;
  to: string | null;
  /** Central quarantine: the site's point; home isolation: the home's. */
  point: [number, number];
  central: boolean;
}

export interface Playback {
  /** 'YYYY-MM-DD', the incident's first Shanghai day to today, one per day, ascending. */
  days: string[];
  zones: PlaybackZone[];
  cases: PlaybackCase[];
  quarantine: PlaybackQuarantine[];
}

/** state: what stood at the end of the day; cumulative: everything begun by then. */
export type PlaybackMode = 'state' | 'cumulative';

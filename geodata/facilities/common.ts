// Shared bits of the facility tables: the scenario's clock, time helpers (Asia/Shanghai is
// UTC+8 with no daylight saving), and the district outline as metric rings.
import type { Position } from 'geojson';
import { toXY } from '../frame.ts';
import type { XY } from '../model.ts';

/** 2022-04-29 00:00 Asia/Shanghai: the first whole-district seal (domain-rules.md §3.4). */
export const SEAL_0429 = '2022-04-28T16:00:00.000Z';
/** 2022-06-07 00:00 Asia/Shanghai: the notice that sealed 大社镇 and set 8 管控 areas. */
export const NOTICE_0607 = '2022-06-06T16:00:00.000Z';
/** The scenario's "now": 2022-06-18 10:00 Asia/Shanghai. Loop steps due before it and not done are overdue. */
export const SCENARIO_NOW = '2022-06-18T02:00:00.000Z';

const HOUR_MS = 3_600_000;
export const iso = (ms: number): string => new Date(ms).toISOString();
export const ms = (isoTime: string): number => Date.parse(isoTime);
/** UTC instant of a local (UTC+8) date and hour. */
export const localTime = (date: string, hour: number): number => Date.parse(`${date}T00:00:00.000Z`) + (hour - 8) * HOUR_MS;
/** Asia/Shanghai calendar day of an instant. */
export const localDate = (t: number): string => new Date(t + 8 * HOUR_MS).toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);
export const HOUR = HOUR_MS;

export function ringsXY(rings: Position[][]): XY[][] {
  return rings.map((r) => r.map((p) => toXY(p)));
}

export function insideRings(rings: XY[][], x: number, y: number): boolean {
  let hit = false;
  for (const ring of rings) {
    for (let k = 0, m = ring.length - 1; k < ring.length; m = k++) {
      const [x1, y1] = ring[k], [x2, y2] = ring[m];
      if ((y1 > y) !== (y2 > y) && x < x1 + ((y - y1) * (x2 - x1)) / (y2 - y1)) hit = !hit;
    }
  }
  return hit;
}

// The wall's coverage KPI (issue 8): the share of residents within 15 minutes' walk of an active
// testing site — the NHC's 步行15分钟核酸"采样圈" (press conference of 2022-05-23; domain-rules.md
// §1.8) — computed by the coverage service (server/coverage/service.ts), whose caches keep it: the
// wall refetches its summary on every live change, and only a new road file, a site opening or
// closing, or a zone change costs a search (the demo: 5.5 s for the first, cold, answer on a busy
// 2-core box — the roads and 161,454 households are loaded then — and ~0.4 s for the whole summary after).
import type { WallCoverage } from '../../domain/coverage/types.ts';
import { districtCoverage } from '../coverage/service.ts';
import { coverageSourceOf } from '../coverage/source.ts';
import type { Db } from './database.ts';

export const WALL_COVERAGE_QUERY = { facility: 'testingSites', mode: 'walk', minutes: 15, avoidSealed: false } as const;

/** null when there is nothing to measure: no road to walk on, or nobody living in the district. */
export async function wallCoverage(db: Db, now: string): Promise<WallCoverage | null> {
  const source = await coverageSourceOf(db);
  if (source.graph.edgeCount === 0) return null;
  const { residents, covered } = await districtCoverage(db, now, WALL_COVERAGE_QUERY);
  if (residents <= 0) return null;
  return { minutes: WALL_COVERAGE_QUERY.minutes, residents, covered, share: covered / residents };
}

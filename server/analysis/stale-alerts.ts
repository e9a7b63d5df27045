// Analysis alerts end with their finding: a scan or ST-DBSCAN cluster that the newest day no longer
// signals, and an EARS series quiet for EARS_QUIET_DAYS, are resolved by 'system' (an acknowledged
// one too). Without this every signal of a 60-day backfill would stay open and, unacknowledged,
// climb to red (server/db/alert-escalation.ts): the duty officer would face history, not news.
import { addDays } from '../../domain/zones/calendar.ts';
import { resolveAlert, type NewAlert } from '../db/alerts.ts';
import type { Db } from '../db/database.ts';
import { ANALYSIS_RULES, EARS_QUIET_DAYS } from './rules.ts';

/** Resolves the incident's unresolved analysis alerts that `today` (the newest day's alerts) no
 * longer raises; the number resolved. */
export async function resolveStale(tx: Db, incidentId: number, day: string, at: string, today: readonly NewAlert[]): Promise<number> {
  const keep = new Set(today.map((a) => a.key));
  const open = await tx.kysely.selectFrom('alerts').select(['dedupe_key', 'rule', 'detail']).where('incident_id', '=', incidentId)
    .where('rule', 'in', [...ANALYSIS_RULES]).where('status', '!=', 'resolved').execute();
  let resolved = 0;
  for (const a of open) {
    if (a.dedupe_key === null || keep.has(a.dedupe_key)) continue;
    if (a.rule === 'ears_signal') {
      const last = (JSON.parse(a.detail) as { params?: { date?: string } }).params?.date;
      if (last !== undefined && last > addDays(day, -EARS_QUIET_DAYS)) continue;
    }
    resolved += await resolveAlert(tx, a.dedupe_key, at, 'system');
  }
  return resolved;
}

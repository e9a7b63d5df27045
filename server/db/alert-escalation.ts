// Escalation of unacknowledged alerts (issue 7 item 4, "escalation when unacknowledged"): an alert
// still open — nobody has acknowledged it — after 240 minutes at blue, 120 at yellow or 60 at
// orange, counted from when it was raised or last escalated, rises one level (red stays red),
// with `escalated_at` stamped and an audit entry by 'system'. The shorter clock at the higher
// level follows the warning colours' order of urgency (domain-rules.md §2.3: red/orange/yellow/
// blue = 特别严重/严重/较重/一般). Overdue loop steps are left out: loop_overdue rises by its own
// overdue clock (server/db/loop-escalation.ts), which would fight this one. Runs inside the rules
// run's transaction (server/db/alert-rules.ts); answers the ids it raised.
import type { AlertLevel } from '../../domain/analysis/types.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './database.ts';
import { OVERDUE_RULE } from './loop-escalation.ts';

export const ESCALATE_AFTER_MINUTES: Readonly<Record<Exclude<AlertLevel, 'red'>, number>> = { blue: 240, yellow: 120, orange: 60 };
const NEXT: Readonly<Record<Exclude<AlertLevel, 'red'>, AlertLevel>> = { blue: 'yellow', yellow: 'orange', orange: 'red' };

export async function escalateUnacknowledged(tx: Db, incidentId: number, now: string): Promise<number[]> {
  const rows = await tx.kysely.selectFrom('alerts').select(['id', 'level', 'rule', 'raised_at', 'escalated_at'])
    .where('incident_id', '=', incidentId).where('status', '=', 'open').where('level', '!=', 'red').where('rule', '!=', OVERDUE_RULE)
    .orderBy('id').execute();
  const nowMs = Date.parse(now);
  const raised: number[] = [];
  for (const r of rows) {
    const level = r.level as Exclude<AlertLevel, 'red'>;
    const since = r.escalated_at ?? r.raised_at;
    if (nowMs - Date.parse(since) < ESCALATE_AFTER_MINUTES[level] * 60_000) continue;
    const to = NEXT[level];
    await tx.kysely.updateTable('alerts').set({ level: to, escalated_at: now }).where('id', '=', r.id).execute();
    await appendAudit(tx, { at: now, actor: 'system', action: 'alert.escalate', entity: 'alerts', entityId: r.id,
      before: { level, since }, after: { level: to, escalatedAt: now, rule: r.rule }, route: null, ip: null });
    raised.push(r.id);
  }
  return raised;
}

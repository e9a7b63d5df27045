// The state alert rules and the escalation of unacknowledged alerts (issue 7 item 4), run every
// minute from main.ts on the server clock: a case outside every active zone, a quarantine site
// near full, a zone due for downgrade or lift (one small file each under alert-rules/), then the
// escalation (alert-escalation.ts). The conditions are read first, outside any transaction (on
// SQLite the one connection would otherwise be held through the zone clocks); the alerts are then
// brought in line and escalated in one transaction, which tells the live stream ('alerts' with the
// ids, and 'dashboard' for the wall's counts) only when something changed. The analysis rules
// (scan_cluster, ears_signal, st_cluster) are S-ANALYSIS's daily run's, and loop_overdue the
// loop escalation's: this run only escalates those (loop_overdue not even that).
import { shanghaiDate } from '../../domain/zones/calendar.ts';
import { emitChanges } from '../live/emit.ts';
import { applyStateAlerts } from './alert-rules/apply.ts';
import { caseOutsideZone } from './alert-rules/case-outside-zone.ts';
import { siteNearFull } from './alert-rules/site-near-full.ts';
import type { StateAlert, StateRule } from './alert-rules/types.ts';
import { zoneDue } from './alert-rules/zone-due.ts';
import { escalateUnacknowledged } from './alert-escalation.ts';
import { appendAudit } from './audit.ts';
import type { Db } from './database.ts';
import { openIncidentId } from './records.ts';

export const STATE_RULES: readonly StateRule[] = [caseOutsideZone, siteNearFull, zoneDue];

export interface AlertRulesRun { raised: number; updated: number; resolved: number; escalated: number; ids: number[] }

export async function runAlertRules(db: Db, now: string): Promise<AlertRulesRun> {
  const incidentId = (await openIncidentId(db)) ?? null;
  const ctx = { incidentId: incidentId ?? -1, now, today: shanghaiDate(now) };
  const wanted: StateAlert[] = [];
  if (incidentId !== null) for (const r of STATE_RULES) wanted.push(...await r.evaluate(db, ctx));
  return db.transaction(async (tx) => {
    await tx.lockAuditChain();
    const state = await applyStateAlerts(tx, { incidentId, rules: STATE_RULES.map((r) => r.rule), wanted, now });
    if (state.raised || state.updated || state.resolved) {
      await appendAudit(tx, { at: now, actor: 'system', action: 'alert.rules', entity: 'alerts',
        after: { raised: state.raised, updated: state.updated, resolved: state.resolved }, route: null, ip: null });
    }
    const escalated = incidentId === null ? [] : await escalateUnacknowledged(tx, incidentId, now);
    const ids = [...new Set([...state.ids, ...escalated])];
    if (ids.length) await emitChanges(tx, now, [{ resource: 'alerts', ids }, { resource: 'dashboard' }]);
    return { raised: state.raised, updated: state.updated, resolved: state.resolved, escalated: escalated.length, ids };
  });
}

// Issue 7 placeholder (S-ALERTS fills it in): the state alert rules (a case outside every active
// zone, a quarantine site ≥ 85 % full, a zone due for downgrade or lift) and the escalation of
// unacknowledged alerts, run every minute from main.ts.
import type { Db } from './database.ts';

export async function runAlertRules(_db: Db, _now: string): Promise<void> {}

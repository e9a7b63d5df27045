// Writing alerts (issue 5 item 2, issue 7 item 4): every rule raises through here. One open or
// acknowledged alert per dedupe key (rule and subject, e.g. 'loop_overdue:step:123'); titles and
// details name ids, villages and figures, never a person's data. Callers run inside their write
// transaction and tell the live stream ('alerts' and 'dashboard') in it.
import type { Db } from './database.ts';

export type AlertLevel = 'blue' | 'yellow' | 'orange' | 'red';
export const LEVEL_RANK: Record<AlertLevel, number> = { blue: 0, yellow: 1, orange: 2, red: 3 };

export interface NewAlert { incidentId: number; level: AlertLevel; rule: string; title: string; detail: unknown; key: string; at: string }

/** A new open alert. */
export async function raiseAlert(tx: Db, a: NewAlert): Promise<void> {
  await tx.kysely.insertInto('alerts').values({ incident_id: a.incidentId, level: a.level, rule: a.rule, title: a.title, detail: JSON.stringify(a.detail),
    status: 'open', raised_at: a.at, acknowledged_at: null, acknowledged_by: null, resolved_at: null, resolved_by: null, dedupe_key: a.key, escalated_at: null }).execute();
}

/** Resolves the unresolved alert of this key; the number of alerts it resolved (0 or 1). */
export async function resolveAlert(tx: Db, key: string, at: string, by: string): Promise<number> {
  const r = await tx.kysely.updateTable('alerts').set({ status: 'resolved', resolved_at: at, resolved_by: by })
    .where('dedupe_key', '=', key).where('status', '!=', 'resolved').executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Raises the alert of this key unless one is unresolved; an unresolved one gets the new detail
 * and title, and the higher of the two levels (a rule never lowers what a person or the
 * escalation raised). 'raised' | 'updated' | 'unchanged' says what happened. */
export async function upsertAlert(tx: Db, a: NewAlert): Promise<'raised' | 'updated' | 'unchanged'> {
  const have = await tx.kysely.selectFrom('alerts').select(['id', 'level', 'title', 'detail']).where('dedupe_key', '=', a.key)
    .where('status', '!=', 'resolved').orderBy('id', 'desc').executeTakeFirst();
  if (!have) { await raiseAlert(tx, a); return 'raised'; }
  const level = LEVEL_RANK[a.level] > LEVEL_RANK[have.level] ? a.level : have.level;
  const detail = JSON.stringify(a.detail);
  if (level === have.level && detail === have.detail && a.title === have.title) return 'unchanged';
  await tx.kysely.updateTable('alerts').set({ level, title: a.title, detail }).where('id', '=', have.id).execute();
  return 'updated';
}
